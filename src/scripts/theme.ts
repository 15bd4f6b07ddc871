type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/**
 * Cycles system → light → dark; the choice is stored and applied before paint by theme-init.js. The button's
 * label is chosen by CSS from the root's data-theme, so nothing on the page changes size when the script runs.
 */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  button.addEventListener('click', () => {
    const next = NEXT[(root.dataset['theme'] as Theme | undefined) ?? 'system'];
    if (next === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = next;
    try {
      if (next === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch { /* storage blocked: the choice lasts for this page */ }
  });
}
