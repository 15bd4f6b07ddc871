// Wires search into every page while loading none of it: the header link, `/` and Ctrl/Cmd+K open the dialog,
// and only then are the dialog code, Pagefind and the synonym table fetched. Without JavaScript the header link
// simply goes to the search page.

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

export function initSearch(): void {
  const params = new URLSearchParams(location.search);
  // Arriving from a search result: mark the term in the target section.
  if (params.get('hl')) void import('./search-highlight.ts').then((m) => m.highlightFromUrl());

  const base = document.body.dataset['base'] ?? '/';
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const pageInput = page?.querySelector<HTMLInputElement>('[data-search-input]');
  if (page) void import('./search-ui.ts').then((m) => m.mountSearch(page, { base, syncUrl: true }));

  const open = (opener: Element | null, query?: string) => {
    // The search page has the form inline; the dialog would only duplicate it.
    if (pageInput) return pageInput.focus();
    if (!performance.getEntriesByName('search-open').length) performance.mark('search-open');
    // Start Pagefind loading alongside the dialog's code rather than after it.
    void import('./search-engine.ts').then((m) => m.loadSearchEngine(base)).catch(() => undefined);
    void import('./search-dialog.ts').then((m) => m.openSearchDialog({ base, opener, query }));
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.search-open')) {
    link.addEventListener('click', (event) => {
      // A modified click (new tab, new window) keeps the plain link to the search page.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(link);
    });
  }
  document.addEventListener('keydown', (event) => {
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
