// Measures search on a built site in Debian's Chromium: the first query (loading Pagefind's JS, wasm, index and the
// synonym table), later queries, and the bytes a query fetches. Reports figures; asserts nothing.
// usage: node src/cli/bench-search.ts [SITE_URL | BUILT_DIR] [CONTENT_DIR]   (a folder, ./dist by default, is served here)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from './static-server.ts';
import { buildReviewIndex } from '../lib/review-index.ts';

export interface SearchBench {
  /** Opening search with a query until its results are shown: Pagefind JS, wasm, index chunks, fragments, ranking. */
  firstQueryMs: number;
  /** Median of later queries, each a different word, from the debounced input to results shown. */
  laterQueryMedianMs: number;
  laterQueryMaxMs: number;
  /** Each later query's time, to see which kind of query is slow. */
  laterQueryTimesMs: Record<string, number>;
  /** Response bytes (as sent, so compressed where the server compresses) under /pagefind/ for the first query. */
  firstQueryPagefindBytes: number;
  /** The synonym table, fetched alongside. */
  searchTermsBytes: number;
  /** Median bytes under /pagefind/ fetched by a later query (index chunks and fragments not yet cached). */
  laterQueryMedianPagefindBytes: number;
}

export interface BenchQueries {
  first: string;
  later: string[];
}

/**
 * Queries a reader of this review would type, taken from its own content: the most mentioned entities' written
 * forms, glossary abbreviations and a cited author, so the bench knows nothing about any one review.
 */
export function queriesFromContent(dir: string): BenchQueries {
  const index = buildReviewIndex(dir);
  const mentions = (id: string) => (index.entityMentions.get(id) ?? []).reduce((n, m) => n + m.count, 0);
  const entities = [...index.entities].sort((a, b) => mentions(b.id) - mentions(a.id)).flatMap((e) => e.textForms.slice(0, 1));
  const terms = index.glossary.map((g) => g.term);
  const author = (index.references[1]?.['author'] as { family?: string }[] | undefined)?.[0]?.family;
  const pool = [...new Set([...entities.slice(0, 8), ...terms.slice(0, 2), ...(author ? [author] : [])])];
  return { first: pool[0] ?? 'a', later: pool.slice(1, 12) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : 0;
};
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs the benchmark against a served site, e.g. `http://127.0.0.1:4321/` (its base path included). */
export async function benchSearch(siteUrl: string, { first, later: laterQueries }: BenchQueries, { executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium' } = {}): Promise<SearchBench> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    const bytes = { pagefind: 0, terms: 0 };
    page.on('requestfinished', async (request) => {
      const size = (await request.sizes().catch(() => undefined))?.responseBodySize ?? 0;
      if (request.url().includes('/pagefind/')) bytes.pagefind += size;
      else if (request.url().endsWith('/search-terms.json')) bytes.terms += size;
    });
    // A real page first, fully loaded, so only search is timed; then ?q= opens search and runs the query.
    const start = new URL(siteUrl);
    await page.goto(start.href, { waitUntil: 'networkidle' });
    start.searchParams.set('q', first);
    await page.goto(start.href, { waitUntil: 'load' });
    const firstQueryMs = await lastMeasure(page, 'search-first', 0);
    await page.waitForLoadState('networkidle');
    const firstQueryPagefindBytes = bytes.pagefind;
    const searchTermsBytes = bytes.terms;

    const times: number[] = [];
    const later: number[] = [];
    for (const query of laterQueries) {
      const before = await page.evaluate(() => performance.getEntriesByName('search-query').length);
      const fetched = bytes.pagefind;
      await page.locator('dialog[open] [data-search-input]').fill(query);
      times.push(await lastMeasure(page, 'search-query', before));
      await page.waitForLoadState('networkidle');
      later.push(bytes.pagefind - fetched);
    }
    return {
      firstQueryMs: round(firstQueryMs),
      laterQueryMedianMs: round(median(times)),
      laterQueryMaxMs: round(Math.max(...times)),
      laterQueryTimesMs: Object.fromEntries(laterQueries.map((q, i) => [q, round(times[i] ?? Number.NaN)])),
      firstQueryPagefindBytes,
      searchTermsBytes,
      laterQueryMedianPagefindBytes: median(later),
    };
  } finally {
    await browser.close();
  }
}

// The search UI leaves a performance measure for every search it shows; wait for a new one and read it.
async function lastMeasure(page: Page, name: string, seen: number): Promise<number> {
  await page.waitForFunction(([n, s]) => performance.getEntriesByName(n as string).length > (s as number), [name, seen] as const, { timeout: 30_000 });
  return page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? Number.NaN, name);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = process.argv[2] ?? 'dist';
  const served = /^https?:/.test(given) ? undefined : await startStaticServer(resolve(given));
  try {
    console.log(JSON.stringify(await benchSearch(served?.url ?? given, queriesFromContent(resolve(process.argv[3] ?? 'content'))), null, 2));
  } finally {
    served?.server.close();
  }
}
