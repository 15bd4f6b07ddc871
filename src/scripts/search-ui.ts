// The search form's behaviour, shared by the dialog and the search page: debounced live search, filters, a result
// list announced through a live region, and arrow-key movement between the input and the results.
import { wordMatches, type MatchClass, type RankedResult } from '../lib/search/search-rank.ts';
import { loadSearchEngine, type SearchAnswer, type SearchEngine } from './search-engine.ts';

export interface SearchView {
  input: HTMLInputElement;
  /** Searches now, skipping the debounce. */
  run(query: string): Promise<void>;
}

const DEBOUNCE_MS = 120;
// Filter kinds in the order readers meet them; any other kind in the index follows alphabetically.
const KIND_ORDER = ['Chapter', 'Reference', 'Entity', 'Glossary', 'Home'];

export function mountSearch(root: HTMLElement, { base, syncUrl = false, onNavigate }: {
  base: string;
  /** On the search page, keep ?q= in the address bar so the result list can be shared. */
  syncUrl?: boolean;
  /** Called when a result is chosen, before the browser follows the link. */
  onNavigate?: (link: HTMLAnchorElement) => void;
}): SearchView {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const form = $<HTMLFormElement>('[data-search-form]');
  const input = $<HTMLInputElement>('[data-search-input]');
  const kind = $<HTMLSelectElement>('[data-search-kind]');
  const chapter = $<HTMLSelectElement>('[data-search-chapter]');
  const status = $<HTMLElement>('[data-search-status]');
  const list = $<HTMLOListElement>('[data-search-results]');
  let engine: SearchEngine | undefined;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  let filtersAsked = false;

  // Timing for the bench: from the reader's action (marked by the opener) or from mounting the search page.
  if (!performance.getEntriesByName('search-open').length) performance.mark('search-open');
  status.textContent = 'Loading search…';
  const filtersShown = $<HTMLElement>('[data-search-filters]');
  const params = new URLSearchParams(location.search);
  const linkQuery = syncUrl ? params.get('q') : null;
  // A shared link that chooses filters needs their lists before its search runs; otherwise nothing waits for them.
  const linkFilters = syncUrl && (params.has('kind') || params.has('chapter'));
  const showFilters = (e: SearchEngine) => {
    if (filtersAsked) return e.filters;
    filtersAsked = true;
    return e.filters.then((f) => {
      fillFilters(f, e.chapters, kind, chapter);
      filtersShown.hidden = false;
    });
  };
  const ready = loadSearchEngine(base).then(async (e) => {
    engine = e;
    if (status.textContent === 'Loading search…') status.textContent = '';
    if (linkFilters) await showFilters(e);
    // With nothing to search yet, the lists can come now; otherwise after the first results are shown.
    else if (!input.value.trim()) void showFilters(e);
    // What was typed while search loaded: its search starts now, the debounce still decides when it is shown.
    else if (!linkQuery) e.preload(input.value, chosenFilters());
    return e;
  }, () => {
    status.textContent = 'Search could not be loaded. Please try again later.';
    return undefined;
  });

  let moreObserver: IntersectionObserver | undefined;
  async function run(query: string): Promise<void> {
    clearTimeout(timer);
    const ticket = ++latest;
    const loaded = engine ?? (await ready);
    if (!loaded || ticket !== latest) return;
    if (syncUrl) keepInAddress(query, kind.value, chapter.value);
    moreObserver?.disconnect();
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    performance.mark('search-query-start');
    let answer: SearchAnswer | undefined;
    try {
      answer = await loaded.search(query, chosenFilters());
    } catch {
      answer = { results: [], more: undefined }; // an unexpected failure inside Pagefind reads as "no results", not as a broken list
    }
    // Overtaken by later typing: the list waits for the search that overtook it.
    if (ticket !== latest || !answer) return;
    list.replaceChildren(...answer.results.map((r) => renderResult(r)));
    announce(query, answer.results.length, !!answer.more);
    performance.measure('search-query', 'search-query-start');
    if (first) performance.measure('search-first', 'search-open');
    first = false;
    void showFilters(loaded);
    if (answer.more) showMoreOnScroll(query, ticket, answer.more);
  }

  // Results beyond the first screen are read when the end of the list comes into view.
  function showMoreOnScroll(query: string, ticket: number, more: () => Promise<RankedResult[]>): void {
    const last = list.lastElementChild;
    if (!last) return;
    moreObserver = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      moreObserver?.disconnect();
      void more().then((extra) => {
        if (ticket !== latest) return;
        list.append(...extra.map((r) => renderResult(r)));
        announce(query, list.children.length, false);
      }, () => announce(query, list.children.length, false));
    }, { root: /auto|scroll/.test(getComputedStyle(list).overflowY) ? list : null });
    moreObserver.observe(last);
  }

  function announce(query: string, count: number, more: boolean): void {
    const shown = query.trim().length > 60 ? `${query.trim().slice(0, 60)}…` : query.trim();
    status.textContent = count
      ? `${count}${more ? ' or more' : ''} result${count === 1 && !more ? '' : 's'} for “${shown}”`
      : `No results for “${shown}”`;
  }

  function chosenFilters(): Record<string, string> {
    const filters: Record<string, string> = {};
    if (kind.value) filters['kind'] = kind.value;
    if (chapter.value) filters['chapter'] = chapter.value;
    return filters;
  }

  // Typing starts the search at once (index chunks, then the search itself); the debounce only decides when the
  // list is painted, so it does not change under every keystroke.
  const typed = () => {
    clearTimeout(timer);
    engine?.preload(input.value, chosenFilters());
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  };
  input.addEventListener('input', typed);
  kind.addEventListener('change', () => void run(input.value));
  chapter.addEventListener('change', () => void run(input.value));
  // Enter searches at once instead of reloading the page.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  root.addEventListener('keydown', (event) => moveFocus(event, input, list));
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (link) onNavigate?.(link);
  });

  // Arriving with ?q= (and filters) runs that search.
  if (linkQuery) {
    input.value = linkQuery.slice(0, 5000);
    void ready.then(() => {
      kind.value = optionOr(kind, params.get('kind'));
      chapter.value = optionOr(chapter, params.get('chapter'));
      return run(input.value);
    });
  } else if (input.value.trim()) {
    // Typed into the dialog before this code arrived.
    typed();
  }
  return { input, run };
}

function optionOr(select: HTMLSelectElement, value: string | null): string {
  return [...select.options].some((o) => o.value === value) ? (value as string) : '';
}

function fillFilters(filters: Record<string, Record<string, number>>, order: string[], kind: HTMLSelectElement, chapter: HTMLSelectElement): void {
  const rank = (list: string[], v: string) => (list.includes(v) ? list.indexOf(v) : list.length);
  const kinds = Object.keys(filters['kind'] ?? {}).sort((a, b) => rank(KIND_ORDER, a) - rank(KIND_ORDER, b) || a.localeCompare(b));
  const chapters = Object.keys(filters['chapter'] ?? {}).sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  kind.append(...kinds.map((k) => new Option(k, k)));
  chapter.append(...chapters.map((c) => new Option(c, c)));
  chapter.closest('label')!.hidden = chapters.length === 0;
}

function keepInAddress(query: string, kind: string, chapter: string): void {
  const url = new URL(location.href);
  for (const [key, value] of [['q', query.trim()], ['kind', kind], ['chapter', chapter]] as const) {
    if (value) url.searchParams.set(key, value.slice(0, 200));
    else url.searchParams.delete(key);
  }
  history.replaceState(history.state, '', url);
}

// ArrowDown from the input enters the list; arrows move between results; ArrowUp from the first returns.
function moveFocus(event: KeyboardEvent, input: HTMLInputElement, list: HTMLElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.target !== input && at < 0) return;
  const next = event.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
  const target = next < 0 ? input : links[next];
  if (!target) return;
  event.preventDefault();
  target.focus();
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

function renderResult(r: RankedResult): HTMLLIElement {
  const item = el('li', r.role === 'definition' ? 'search-hit search-hit-definition' : 'search-hit');
  const link = el('a', 'search-hit-link');
  const url = new URL(r.section?.url ?? r.data.url, location.href);
  if (r.matched) url.searchParams.set('hl', r.matched);
  link.href = url.pathname + url.search + url.hash;
  const pageTitle = r.data.meta['title'] ?? url.pathname;
  // A section is titled by its heading, under the name of its page; custom records (references, entities, terms)
  // describe themselves; a page matched as a whole names its best section.
  const headed = r.role === 'section' && !!r.section?.title && r.section.title !== pageTitle;
  link.append(el('span', 'search-hit-title', headed ? r.section!.title : pageTitle));
  const sectionTitle = headed ? pageTitle : r.data.meta['context'] || (r.section && r.section.title !== pageTitle ? r.section.title : '');
  if (sectionTitle && r.role !== 'definition') link.append(el('span', 'search-hit-section', sectionTitle));
  const kind = r.role === 'definition' ? 'Definition' : r.data.filters?.['kind']?.[0];
  if (kind) item.append(el('span', 'search-hit-kind', kind));
  item.prepend(link);
  // A record's summary that opens with its title ("Label: definition") says only the rest under that title.
  const snippet = r.snippet?.startsWith(`${pageTitle}: `) ? r.snippet.slice(pageTitle.length + 2) : r.snippet;
  item.append(snippet === undefined ? excerptOf(r.section?.excerpt ?? r.data.excerpt, r.terms, r.cls) : marked(snippet, r.terms, r.cls));
  return item;
}

// A plain-text snippet with the words that match as well as the result itself marked, their punctuation left out.
function marked(text: string, terms: readonly string[], cls: MatchClass): HTMLParagraphElement {
  const p = el('p', 'search-hit-excerpt');
  for (const part of text.split(/(\s+)/)) {
    const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}⁺]*)$/u.exec(part) ?? [];
    if (word && wordMatches(part, terms, cls)) p.append(before, el('mark', '', word), after);
    else p.append(part);
  }
  return p;
}

// Pagefind's excerpts are HTML with <mark> around matches. Parse them inertly and rebuild text and <mark> only, so
// nothing from the page or the query can become markup; marks on words that match less well than the result itself
// (IL-10 in a result for IL-1) are dropped.
function excerptOf(html: string, terms: readonly string[], cls: MatchClass): HTMLParagraphElement {
  const p = el('p', 'search-hit-excerpt');
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  for (const node of parsed.childNodes) {
    const text = node.textContent ?? '';
    if (node.nodeName === 'MARK' && wordMatches(text, terms, cls)) p.append(el('mark', '', text));
    else p.append(text);
  }
  return p;
}
