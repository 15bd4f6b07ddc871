// Runs a reader's query through Pagefind: expands it with the review's nomenclature, searches every variant,
// reads the fragments of a first screen of results and keeps only real matches; the rest are read when asked for.
// Loaded on demand, when a reader shows they want search.
import { cleanQuery, expandQuery, type SynonymTable } from '../lib/search/search-terms.ts';
import { pagefindTerms, rankResults, type Candidate, type PagefindData, type RankedResult } from '../lib/search/search-rank.ts';
import { startPagefind, type PagefindResult } from './pagefind-start.ts';

type TermsFile = SynonymTable & { chapters?: string[] };

/** What one query found: the first screen of results, and a way to fetch the rest. */
export interface SearchAnswer {
  results: RankedResult[];
  /** Further results (not already in `results`), or undefined when there are none to fetch. */
  more: (() => Promise<RankedResult[]>) | undefined;
}

export interface SearchEngine {
  /** The answer, or undefined when a search for other text or filters was asked for before this one finished. */
  search(query: string, filters: Record<string, string>): Promise<SearchAnswer | undefined>;
  /**
   * Starts the search for what is typed while the debounce runs, so that `search` with the same query and filters
   * finds its answer ready or on its way. A search overtaken by later typing stops before its next fetch.
   */
  preload(query: string, filters: Record<string, string>): void;
  /** Filter values present in the index: kind → counts, chapter → counts. Not awaited by the first search. */
  filters: Promise<Record<string, Record<string, number>>>;
  /** Chapter titles in reading order, to list the chapter filter in that order. */
  chapters: string[];
}

// Results read per variant, and pages read in all; beyond these Pagefind's own order is good enough.
const PER_VARIANT = 10;
const MAX_PAGES = 24;
// The kinds of whole pages (chapters, the home page), as the pages' `data-pagefind-filter` names them.
const PAGE_KINDS = ['Chapter', 'Home'];
// Fragments are read in batches until a first screen of real matches is found; the rest wait until asked for.
export const FIRST_SCREEN = 6;
// Shortest query searched while the reader is still typing.
const MIN_SPECULATIVE = 3;

let loading: Promise<SearchEngine> | undefined;

/** Loads Pagefind and the synonym table once; later calls share the same promise. */
export function loadSearchEngine(base: string): Promise<SearchEngine> {
  loading ??= load(base).catch((error: unknown) => {
    loading = undefined; // let a later attempt retry, e.g. after a network blip
    throw error;
  });
  return loading;
}

async function load(base: string): Promise<SearchEngine> {
  const table: Promise<TermsFile> = fetch(`${base}search-terms.json`)
    .then((r) => (r.ok ? (r.json() as Promise<TermsFile>) : { groups: [], keys: {} }))
    .catch(() => ({ groups: [], keys: {} }));
  const pagefind = await startPagefind(base);
  const terms = await table;
  let filterCounts: Promise<Record<string, Record<string, number>>> | undefined;
  // One search at a time: see readFragments.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  // The latest search asked for, speculatively or by the UI. Any older one is overtaken: the reader has typed on
  // or changed a filter, and the UI shows only the latest answer. It is dropped if it has not begun by the time
  // its turn comes, and otherwise stops before its next fetch.
  let latest: { key: string; answer: Promise<SearchAnswer | undefined> } | undefined;
  const begin = (query: string, chosen: Record<string, string>) => {
    const key = JSON.stringify([cleanQuery(query), chosen]);
    if (latest?.key === key) return latest;
    const entry = { key, answer: Promise.resolve<SearchAnswer | undefined>(undefined) };
    const stale = () => latest !== entry;
    entry.answer = serial(async () => {
      if (stale()) return undefined;
      const start = performance.now();
      const answer = await find(query, chosen, stale);
      // Engine time, apart from the debounce: from this search's start to its answer.
      if (answer) performance.measure('search-engine', { start, end: performance.now(), detail: query });
      return answer;
    });
    latest = entry;
    // A failed search is not kept: asking again tries again.
    entry.answer.catch(() => { if (latest === entry) latest = undefined; });
    return entry;
  };
  return {
    // Asked for only when the filter lists are first shown, so they never delay a search.
    get filters() {
      return (filterCounts ??= pagefind.filters().catch(() => ({})));
    },
    chapters: terms.chapters ?? [],
    preload(query, chosen) {
      const q = cleanQuery(query);
      if (!q) return;
      // The index chunks first, in parallel with any search still running; then the search itself, queued. One or
      // two letters are rarely where a reader stops and match most of the index as a prefix, so they are searched
      // only when asked for, not on the way.
      for (const v of expandQuery(q, terms)) void pagefind.preload(v.text, { filters: chosen }).catch(() => undefined);
      if (q.length >= MIN_SPECULATIVE) void begin(q, chosen).answer.catch(() => undefined);
    },
    search(query, chosen) {
      return begin(query, chosen).answer;
    },
  };

  async function find(query: string, chosen: Record<string, string>, stale: () => boolean): Promise<SearchAnswer | undefined> {
    const variants = expandQuery(query, terms);
    // Pagefind scores short records (references, names, notes) above the long pages that discuss a word, so a common
    // word can push the pages past the first results read, or past those read at all. The pages the reader's own
    // spellings find are therefore also asked for on their own (unless a kind is chosen): the first screen's worth
    // of them, in Pagefind's order among pages, is read first, the rest after everything else.
    const own = variants.flatMap((v, i) => (v.synonym ? [] : [i]));
    const [runs, pageRuns] = await Promise.all([
      Promise.all(variants.map((v) => pagefind.search(v.text, { filters: chosen }))),
      chosen['kind'] ? [] : Promise.all(own.map((i) => pagefind.search(variants[i]?.text ?? '', { filters: { ...chosen, kind: { any: PAGE_KINDS } } }))),
    ]);
    if (stale()) return undefined;
    // Pages in the order their fragments are read: those first pages, what the reader's own spellings found, then
    // what synonyms found, each round by round over its variants, then the remaining pages. A page found by several
    // variants is judged under each.
    const byPage = new Map<string, { result: PagefindResult; i: number }[]>();
    const add = (result: PagefindResult, i: number, capped: boolean) => {
      const found = byPage.get(result.id);
      if (found) { if (!found.some((f) => f.i === i)) found.push({ result, i }); }
      else if (!capped || byPage.size < MAX_PAGES) byPage.set(result.id, [{ result, i }]);
    };
    const pagesRoundByRound = (from: number, to: number) => {
      for (let rank = from; rank < to; rank++) pageRuns.forEach((r, n) => { const result = r?.results[rank]; if (result) add(result, own[n] ?? 0, false); });
    };
    pagesRoundByRound(0, FIRST_SCREEN);
    const pagesFirst = byPage.size;
    for (const synonym of [false, true]) {
      for (let rank = 0; rank < PER_VARIANT; rank++) {
        runs.forEach((r, i) => {
          const result = r?.results[rank];
          if (result && (variants[i]?.synonym ?? true) === synonym) add(result, i, true);
        });
      }
    }
    pagesRoundByRound(FIRST_SCREEN, MAX_PAGES);
    const order = [...byPage.values()];
    const candidate = ({ result, i }: { result: PagefindResult; i: number }, data: PagefindData): Candidate => ({
      id: result.id,
      score: result.score,
      terms: pagefindTerms(variants[i]?.text ?? ''),
      synonym: variants[i]?.synonym ?? true,
      data,
    });
    const read = async (pages: typeof order) => {
      const batch = pages.flat();
      return (await readFragments(batch.map((p) => p.result))).map((d, n) => candidate(batch[n]!, d));
    };
    const loaded: Candidate[] = [];
    let next = 0;
    // A first batch (the first pages and a screen's worth of the rest, so a definition or a named reference can top
    // the list), then, unless it already holds a screen's worth of sections of pages that hold the query,
    // everything else found in one go. rankResults drops what does not really match.
    while (next < order.length && rankResults(loaded).filter((r) => r.role === 'section').length < FIRST_SCREEN) {
      if (stale()) return undefined;
      const batch = order.slice(next, next ? undefined : pagesFirst + FIRST_SCREEN);
      next += batch.length;
      loaded.push(...(await read(batch)));
    }
    const results = rankResults(loaded);
    const rest = order.slice(next);
    const shown = new Set(results.map((r) => r.id));
    return {
      results,
      // Appended below the first screen: one definition at the top is enough.
      more: rest.length
        ? () => serial(async () => rankResults(await read(rest)).filter((r) => !shown.has(r.id)).map((r) => (r.role === 'definition' ? { ...r, role: 'record' as const } : r)))
        : undefined,
    };
  }
}

// Pagefind keeps one fragment object per page and rewrites its locations, excerpt and sub-results on every
// data() call, so two variants reading the same page at once would see each other's matches. The first read of
// each page runs in parallel (different objects); further reads of a page go one at a time. Each read is copied
// before anything else can touch the object.
async function readFragments(results: PagefindResult[]): Promise<PagefindData[]> {
  const copies: PagefindData[] = new Array(results.length);
  const seen = new Set<string>();
  const firsts: number[] = [];
  const repeats: number[] = [];
  results.forEach((r, i) => (seen.has(r.id) ? repeats : (seen.add(r.id), firsts)).push(i));
  await Promise.all(firsts.map(async (i) => { copies[i] = copy(await results[i]!.data()); }));
  for (const i of repeats) copies[i] = copy(await results[i]!.data());
  return copies;
}

function copy(d: PagefindData): PagefindData {
  return {
    url: d.url,
    content: d.content,
    excerpt: d.excerpt,
    meta: { ...d.meta },
    locations: [...d.locations],
    sub_results: d.sub_results.map((s) => ({ title: s.title, url: s.url, excerpt: s.excerpt, locations: [...s.locations] })),
    ...(d.anchors ? { anchors: d.anchors.map((a) => ({ element: a.element, id: a.id, location: a.location })) } : {}),
    ...(d.filters ? { filters: d.filters } : {}),
  };
}
