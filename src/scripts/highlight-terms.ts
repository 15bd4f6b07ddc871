const KEY = 'highlight-terms';

/**
 * "Highlight terms" marks every entity mention by kind. The state lives on the root (data-highlight="on", set
 * before paint by theme-init.js from storage), so the CSS does the marking and pressing the button changes
 * nothing but colours.
 */
export function initHighlightTerms(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-highlight-toggle]')];
  if (!buttons.length) return;
  const root = document.documentElement;
  const sync = () => { for (const b of buttons) b.setAttribute('aria-pressed', String(root.dataset['highlight'] === 'on')); };
  sync();
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const on = root.dataset['highlight'] !== 'on';
      if (on) root.dataset['highlight'] = 'on';
      else delete root.dataset['highlight'];
      try {
        if (on) localStorage.setItem(KEY, 'on');
        else localStorage.removeItem(KEY);
      } catch { /* storage blocked: the choice lasts for this page */ }
      sync();
    });
  }
}
