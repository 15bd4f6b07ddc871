type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/**
 * Cycles system → light → dark; the choice is stored and applied before paint by theme-init.js. The icon and the
 * accessible name ("Theme: dark — switch to automatic") are chosen by CSS from the root's data-theme, so nothing
 * changes size when the script runs; the script keeps the tooltip in step with them.
 */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const current = () => (root.dataset['theme'] as Theme | undefined) ?? 'system';
  const describe = () => {
    const label = button.querySelector(`.theme-${current() === 'system' ? 'auto' : current()} .visually-hidden`);
    button.title = label?.textContent ?? '';
  };
  describe();
  button.addEventListener('click', () => {
    const next = NEXT[current()];
    if (next === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = next;
    try {
      if (next === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch { /* storage blocked: the choice lasts for this page */ }
    describe();
  });
}
