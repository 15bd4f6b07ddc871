// The search dialog: a native modal <dialog>, so focus stays inside and Esc closes it; closing returns focus to
// whatever opened it.
import { mountSearch, type SearchView } from './search-ui.ts';

let view: SearchView | undefined;
let returnTo: Element | null = null;

/** `opened`: the caller has just opened the dialog itself (so typing could start before this code arrived). */
export function openSearchDialog({ base, opener, query, opened = false }: { base: string; opener: Element | null; query?: string | undefined; opened?: boolean }): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
  if (!dialog) {
    // A page without the dialog (a custom layout) still has the search page.
    location.assign(`${base}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
    return;
  }
  view ??= setUp(dialog, base);
  if (opened || !dialog.open) {
    returnTo = opener;
    if (!dialog.open) dialog.showModal();
  }
  if (query !== undefined) {
    view.input.value = query.slice(0, 5000);
    void view.run(view.input.value);
  }
  // What was typed before this code arrived is kept; text left from an earlier search is selected, to type over.
  if (document.activeElement !== view.input) view.input.focus();
  if (!opened || query !== undefined) view.input.select();
}

function setUp(dialog: HTMLDialogElement, base: string): SearchView {
  const search = mountSearch(dialog, {
    base,
    onNavigate(link) {
      returnTo = null; // the reader is leaving for the result; focus goes there, not back to the opener
      dialog.close();
      // Same page, same ?hl=: only the hash changes and the page does not reload, so mark the term here.
      const target = new URL(link.href);
      if (target.pathname === location.pathname && target.search === location.search) {
        setTimeout(() => void import('./search-highlight.ts').then((m) => m.highlightFromUrl()));
      }
    },
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the <dialog> itself; clicks inside land on its body.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    returnTo = null;
  });
  return search;
}
