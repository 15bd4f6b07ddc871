const KEY = 'highlight-terms';

/**
 * "Highlight terms" marks every entity mention by kind. The state lives on the root (data-highlight="on", set
 * before paint by theme-init.js from storage), so the CSS does the marking and pressing the button changes
 * nothing but colours, and which entity links are tab stops: while reading they are not (tabindex -1, set by the
 * build), so Tab goes from citation to citation; turned on, every linked term is focusable and its card reachable.
 */
export function initHighlightTerms(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-highlight-toggle]')];
  const root = document.documentElement;
  const marks = [...document.querySelectorAll<HTMLAnchorElement>('a.entity[data-entity]')];
  const sync = () => {
    const on = root.dataset['highlight'] === 'on';
    for (const b of buttons) b.setAttribute('aria-pressed', String(on));
    for (const a of marks) a.tabIndex = on ? 0 : -1;
  };
  sync();
  if (!buttons.length) return;
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
