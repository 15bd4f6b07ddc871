// The header menu is a <details>, so it opens without script; this adds what a menu should also do: Esc closes it
// and returns focus to its button, a click elsewhere closes it.
export function initSiteMenu(): void {
  const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
  const summary = menu?.querySelector('summary');
  if (!menu || !summary) return;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    summary.focus();
  });
  document.addEventListener('pointerdown', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}
