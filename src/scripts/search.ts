// Wires search into every page while loading none of it until a reader shows they want it: the pointer over or
// focus on the header link, or the first key of Ctrl/Cmd+K, starts loading Pagefind and the search code; a click,
// `/` or Ctrl/Cmd+K opens the dialog at once (it is already in the page), so typing is never lost while the rest
// arrives. Without JavaScript the header link simply goes to the search page.

import { startPagefind } from './pagefind-start.ts';

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

export function initSearch(): void {
  const params = new URLSearchParams(location.search);
  // Arriving from a search result: mark the term in the target section.
  if (params.get('hl')) void import('./search-highlight.ts').then((m) => m.highlightFromUrl());

  const base = document.body.dataset['base'] ?? '/';
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const pageInput = page?.querySelector<HTMLInputElement>('[data-search-input]');
  let warming = false;
  // Intent: fetch and start Pagefind (JS, wasm, index metadata) and the dialog's code, without opening anything.
  function warm(): void {
    if (warming) return;
    warming = true;
    if (!performance.getEntriesByName('search-intent').length) performance.mark('search-intent');
    // Pagefind starts at once, in parallel with the engine's code rather than after it.
    startPagefind(base).catch(() => undefined);
    void import('./search-engine.ts').then((m) => m.loadSearchEngine(base)).catch(() => { warming = false; });
    if (!page) void import('./search-dialog.ts');
  }

  // The search page needs search at once; start Pagefind alongside the form's code rather than after it.
  if (page) {
    warm();
    void import('./search-ui.ts').then((m) => m.mountSearch(page, { base, syncUrl: true }));
  }

  const open = (opener: Element | null, query?: string) => {
    // The search page has the form inline; the dialog would only duplicate it.
    if (pageInput) return pageInput.focus();
    if (!performance.getEntriesByName('search-open').length) performance.mark('search-open');
    warm();
    // Open the dialog now, so what the reader types lands in its input while the code loads.
    const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
    const opening = !!dialog && !dialog.open;
    if (dialog && opening) {
      dialog.showModal();
      const input = dialog.querySelector<HTMLInputElement>('[data-search-input]');
      input?.focus();
      input?.select(); // text left from an earlier search is typed over
    }
    void import('./search-dialog.ts').then((m) => m.openSearchDialog({ base, opener, query, opened: opening }));
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.search-open')) {
    link.addEventListener('pointerenter', warm, { once: true });
    link.addEventListener('focus', warm, { once: true });
    link.addEventListener('click', (event) => {
      // A modified click (new tab, new window) keeps the plain link to the search page.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(link);
    });
  }
  document.addEventListener('keydown', (event) => {
    // Ctrl or Cmd pressed alone may be the start of Ctrl/Cmd+K.
    if ((event.key === 'Control' || event.key === 'Meta') && !event.repeat) return warm();
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!slash && !k) return;
    event.preventDefault();
    open(document.activeElement);
  });

  // ?q= on any page opens search with the query, so a result list can be shared as a link.
  const query = params.get('q');
  if (query && !page) open(null, query);
}
