// Runs a reader's query through Pagefind: expands it with the review's nomenclature, searches every variant,
// loads the top fragments and keeps only real matches. Loaded on demand, the first time search opens.
import { expandQuery, type SynonymTable } from '../lib/search-terms.ts';
import { pagefindTerms, rankResults, type Candidate, type PagefindData, type RankedResult } from '../lib/search-rank.ts';

interface PagefindResult { id: string; score: number; data(): Promise<PagefindData> }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
type TermsFile = SynonymTable & { chapters?: string[] };

export interface SearchEngine {
  search(query: string, filters: Record<string, string>): Promise<RankedResult[]>;
  /** Filter values present in the index: kind → counts, chapter → counts. Not awaited by the first search. */
  filters: Promise<Record<string, Record<string, number>>>;
  /** Chapter titles in reading order, to list the chapter filter in that order. */
  chapters: string[];
}

// Fragments loaded per variant and in all; beyond these Pagefind's own order is good enough and bytes add up.
const PER_VARIANT = 10;
const MAX_PAGES = 24;

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
  const bundle = `${base}pagefind/`;
  const [pagefind, table] = await Promise.all([
    import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>,
    fetch(`${base}search-terms.json`).then((r) => (r.ok ? (r.json() as Promise<TermsFile>) : { groups: [], keys: {} })).catch(() => ({ groups: [], keys: {} }) as TermsFile),
  ]);
  // No web worker: the index is small, and the main thread saves fetching a second copy of the engine.
  await pagefind.options({ basePath: bundle, baseUrl: base, excerptLength: 24, excerptEllipsis: '…', noWorker: true });
  await pagefind.init();
  const filters = pagefind.filters().catch(() => ({}));
  // One search at a time: see readFragments.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    filters,
    chapters: table.chapters ?? [],
    search(query, chosen) {
      const run = queue.then(async () => {
        const variants = expandQuery(query, table);
        const runs = await Promise.all(variants.map((v) => pagefind.search(v.text, { filters: chosen })));
        const pages = new Set<string>();
        const picked = runs.flatMap((r, i) => (r?.results ?? []).slice(0, PER_VARIANT).map((result) => ({ result, i })))
          // The reader's own spelling comes first in `variants`, so a cap on pages drops distant synonyms first.
          .filter(({ result }) => pages.has(result.id) || (pages.size < MAX_PAGES && !!pages.add(result.id)));
        const fragments = await readFragments(picked.map((p) => p.result));
        return rankResults(picked.map(({ result, i }, n): Candidate => ({
          id: result.id,
          score: result.score,
          terms: pagefindTerms(variants[i]?.text ?? ''),
          synonym: variants[i]?.synonym ?? true,
          data: fragments[n] as PagefindData,
        })));
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
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
    ...(d.filters ? { filters: d.filters } : {}),
  };
}
