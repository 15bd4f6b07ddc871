type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** Cycles system → light → dark; the choice is stored and applied before paint by theme-init.js. */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const current = (): Theme => (root.dataset['theme'] as Theme | undefined) ?? 'system';
  const show = () => {
    const theme = current();
    button.setAttribute('aria-label', `Colour theme: ${theme}. Switch theme`);
    const label = button.querySelector('[data-theme-label]');
    if (label) label.textContent = theme === 'system' ? 'Auto' : theme === 'light' ? 'Light' : 'Dark';
  };
  button.addEventListener('click', () => {
    const next = NEXT[current()];
    if (next === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = next;
    try {
      if (next === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch { /* storage blocked: the choice lasts for this page */ }
    show();
  });
  show();
}
