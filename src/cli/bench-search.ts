// Measures search on a built site in Debian's Chromium, side by side with Pagefind's own Default UI mounted on a
// bare page over the same dist/pagefind/ and timed by the same harness in the same run. Reports figures; asserts
// nothing. Absolute times depend on the machine's load; the ratios, taken in one run, are what compare.
// usage: node src/cli/bench-search.ts [SITE_URL | BUILT_DIR] [CONTENT_DIR] [--runs N] [--cold-queries N] [--intent-ms N]   (a folder, ./dist by default, is served here)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer } from './static-server.ts';
import { buildReviewIndex } from '../lib/content/review-index.ts';

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

/** Figures for one search UI; times in ms, bytes as sent (compressed where the server compresses). */
export interface UiFigures {
  /** Click on the search button (ours) or on the search input (theirs), then typing a query, to the first result row shown. */
  coldClickMs: Spread;
  /** Arriving at a page with the query in the address to the first result row shown (from navigation start). */
  coldPageLoadMs: Spread;
  /** Bytes fetched from the click until the first query's results are shown and the network is idle. */
  coldBytes: Spread;
  /** The same, counting only files under /pagefind/. */
  coldPagefindBytes: Spread;
  /** A later query: from the input event to results shown (debounce included). */
  warmMs: Spread;
  /** A later query: from the debounce's end to results shown (ours only: the UI marks when its search starts). */
  warmAfterDebounceMs?: Spread;
  /** A later query: the engine's own time, from its search's start (while the debounce runs) to its answer (ours only). */
  warmEngineMs?: Spread;
  /** Bytes fetched by a later query. */
  warmBytes: Spread;
  debounceMs: number;
}

export interface Spread { median: number; min: number; max: number; n: number }

export interface SearchBench {
  runs: number;
  /** How long the pointer rested on the opener before each cold click, in ms (0: none). */
  intentMs: number;
  queries: string[];
  ours: UiFigures;
  pagefindDefaultUi: UiFigures & { uiBundleBytes: number };
  /** ours ÷ Pagefind Default UI, of the medians. */
  ratio: Record<'coldClick' | 'coldPageLoad' | 'coldBytes' | 'warm' | 'warmBytes', number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : Number.NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;
const spread = (xs: number[]): Spread => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), n: xs.length });

const PEER_PATH = '__pagefind-default-ui/';
const PAGEFIND_UI_DEBOUNCE_MS = 300; // Pagefind Default UI's default debounceTimeoutMs
const OUR_DEBOUNCE_MS = 120;

/** How each UI is driven and how the harness sees a result row. */
interface Driver {
  name: 'ours' | 'peer';
  /** Address of a page where search is available but not yet used. */
  page: (site: URL) => string;
  /** Address that runs `query` on arrival. */
  pageWithQuery: (site: URL, query: string) => string;
  /** The element a reader clicks to search. */
  opener: string;
  /** Clicks the opener and waits for the input to take typing. */
  open: (page: Page) => Promise<void>;
  input: string;
  /** In-page test: the first result row for `query` is shown. */
  shown: string;
}

const OURS: Driver = {
  name: 'ours',
  page: (site) => site.href,
  pageWithQuery: (site, q) => `${new URL('search/', site).href}?q=${encodeURIComponent(q)}`,
  opener: 'a.search-open',
  async open(page) {
    await page.locator(this.opener).first().click();
    await page.locator('[data-search-dialog][open] [data-search-input]:focus').waitFor();
  },
  input: '[data-search-dialog][open] [data-search-input], [data-search-page] [data-search-input]',
  shown: `(q) => [...document.querySelectorAll('[data-search-status]')].some((s) => s.textContent.includes(q) && s.parentElement.querySelector('.search-hit a'))`,
};

const PEER: Driver = {
  name: 'peer',
  page: (site) => new URL(PEER_PATH, site).href,
  pageWithQuery: (site, q) => `${new URL(PEER_PATH, site).href}?q=${encodeURIComponent(q)}`,
  opener: '.pagefind-ui__search-input',
  async open(page) {
    await page.locator(this.opener).click();
  },
  input: '.pagefind-ui__search-input',
  // Pagefind UI shows "N results for q", then each row fills in when its fragment arrives.
  shown: `(q) => { const m = document.querySelector('.pagefind-ui__message'); return !!m && m.textContent.includes(q) && !!document.querySelector('.pagefind-ui__result .pagefind-ui__result-link'); }`,
};

// The peer: Pagefind's Default UI as its documentation mounts it, on an otherwise empty page.
const peerHtml = (base: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind Default UI</title>
<link href="${base}pagefind/pagefind-ui.css" rel="stylesheet"><script src="${base}pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
const ui = new PagefindUI({ element: '#search', showSubResults: true });
const q = new URLSearchParams(location.search).get('q');
if (q) ui.triggerSearch(q);
</script></body></html>`;

// Records when a result row for the current query first appears, checked on every DOM change and frame.
const WATCH = `(() => {
  window.__bench = { t0: undefined, shown: undefined, query: '', test: undefined };
  const check = () => { const b = window.__bench; if (b.test && b.shown === undefined && b.test(b.query)) b.shown = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = (e) => { if (window.__bench.t0 === undefined) window.__bench.t0 = e.timeStamp; };
  addEventListener('pointerdown', start, true);
  addEventListener('keydown', start, true);
  addEventListener('input', (e) => { window.__bench.inputAt = e.timeStamp; }, true);
})();`;

async function expectResult(page: Page, driver: Driver, query: string): Promise<void> {
  await page.evaluate(([q, test]) => {
    const b = (window as unknown as { __bench: Record<string, unknown> }).__bench;
    b['query'] = q;
    b['shown'] = undefined;
    // eslint-disable-next-line no-eval
    b['test'] = (0, eval)(test as string);
  }, [query, driver.shown] as const);
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: { t0?: number; shown?: number; inputAt?: number } }).__bench);

async function waitShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { shown?: number; test?: (q: string) => boolean; query: string } }).__bench;
    if (b.shown === undefined && b.test?.(b.query)) b.shown = performance.now();
    return b.shown !== undefined;
  }, undefined, { timeout: 30_000, polling: 'raf' });
}

function countBytes(page: Page): { all: number; pagefind: number } {
  const bytes = { all: 0, pagefind: 0 };
  page.on('requestfinished', async (request) => {
    const size = (await request.sizes().catch(() => undefined))?.responseBodySize ?? 0;
    bytes.all += size;
    if (request.url().includes('/pagefind/')) bytes.pagefind += size;
  });
  return bytes;
}

async function freshPage(browser: Browser, site: URL): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const base = site.pathname;
  await context.route(`${new URL(PEER_PATH, site).href}**`, (route) => route.fulfill({ contentType: 'text/html', body: peerHtml(base) }));
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

interface Raw { coldClick: number[]; coldPageLoad: number[]; coldBytes: number[]; coldPagefindBytes: number[]; warm: number[]; warmAfterDebounce: number[]; warmEngine: number[]; warmBytes: number[]; uiBundle: number[] }
const emptyRaw = (): Raw => ({ coldClick: [], coldPageLoad: [], coldBytes: [], coldPagefindBytes: [], warm: [], warmAfterDebounce: [], warmEngine: [], warmBytes: [], uiBundle: [] });

/**
 * One cold visit: load a page, click the opener, type the query, time to the first result; then later queries.
 * With `intentMs`, the pointer rests on the opener that long before the click (a reader's hover), untimed.
 */
async function coldVisit(browser: Browser, site: URL, driver: Driver, query: string, later: string[], raw: Raw, intentMs = 0): Promise<void> {
  const { page, close } = await freshPage(browser, site);
  try {
    const bytes = countBytes(page);
    await page.goto(driver.page(site), { waitUntil: 'networkidle' });
    raw.uiBundle.push(bytes.pagefind);
    const before = { ...bytes };
    await page.evaluate(() => { (window as unknown as { __bench: { t0?: number | undefined } }).__bench.t0 = undefined; });
    await expectResult(page, driver, query);
    if (intentMs > 0) {
      await page.locator(driver.opener).first().hover();
      await page.waitForTimeout(intentMs);
      await page.evaluate(() => { (window as unknown as { __bench: { t0?: number | undefined } }).__bench.t0 = undefined; });
    }
    await driver.open(page);
    await page.keyboard.type(query);
    await waitShown(page);
    const b = await bench(page);
    raw.coldClick.push((b.shown ?? Number.NaN) - (b.t0 ?? Number.NaN));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(50);
    raw.coldBytes.push(bytes.all - before.all);
    raw.coldPagefindBytes.push(bytes.pagefind - before.pagefind);

    for (const q of later) {
      const at = { ...bytes };
      await expectResult(page, driver, q);
      const marks = await page.evaluate(() => performance.getEntriesByName('search-query-start').length);
      await page.locator(driver.input).first().fill(q);
      await waitShown(page);
      const w = await bench(page);
      raw.warm.push((w.shown ?? Number.NaN) - (w.inputAt ?? Number.NaN));
      if (driver.name === 'ours') {
        const start = await page.evaluate((n) => performance.getEntriesByName('search-query-start')[n]?.startTime, marks);
        if (start !== undefined) raw.warmAfterDebounce.push((w.shown ?? Number.NaN) - start);
        const engine = await page.evaluate(() => performance.getEntriesByName('search-engine').at(-1)?.duration);
        if (engine !== undefined) raw.warmEngine.push(engine);
      }
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(50);
      raw.warmBytes.push(bytes.all - at.all);
    }
  } finally {
    await close();
  }
}

/** Arriving with ?q=: from navigation start to the first result row. */
async function pageLoadVisit(browser: Browser, site: URL, driver: Driver, query: string, raw: Raw): Promise<void> {
  const { page, close } = await freshPage(browser, site);
  try {
    await page.addInitScript(([q, test]) => {
      const b = (window as unknown as { __bench: Record<string, unknown> }).__bench;
      b['query'] = q;
      // eslint-disable-next-line no-eval
      b['test'] = (0, eval)(test);
    }, [query, driver.shown] as const);
    await page.goto(driver.pageWithQuery(site, query), { waitUntil: 'commit' });
    await waitShown(page);
    raw.coldPageLoad.push((await bench(page)).shown ?? Number.NaN);
  } finally {
    await close();
  }
}

/** Runs the benchmark against a served site, e.g. `http://127.0.0.1:4321/` (its base path included). */
export async function benchSearch(siteUrl: string, { first, later }: BenchQueries, { runs = 3, coldQueries = Infinity, intentMs = 0, executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium', log = (_: string) => {} } = {}): Promise<SearchBench> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'] });
  const site = new URL(siteUrl);
  const queries = [first, ...later];
  const raw = { ours: emptyRaw(), peer: emptyRaw() };
  try {
    for (let run = 0; run < runs; run++) {
      log(`search bench: run ${run + 1} of ${runs}`);
      for (const [i, q] of queries.slice(0, coldQueries).entries()) {
        // Alternate which UI goes first, so neither always meets a warmer machine.
        const order = (run + i) % 2 ? [PEER, OURS] : [OURS, PEER];
        // Later queries: the rest of the list, from a visit that began with this one (only on the first query of a run).
        const rest = i === 0 ? later : [];
        for (const d of order) await coldVisit(browser, site, d, q, rest, raw[d.name], intentMs);
        for (const d of order) await pageLoadVisit(browser, site, d, q, raw[d.name]);
      }
    }
  } finally {
    await browser.close();
  }
  const figures = (r: Raw, debounceMs: number): UiFigures => ({
    coldClickMs: spread(r.coldClick),
    coldPageLoadMs: spread(r.coldPageLoad),
    coldBytes: spread(r.coldBytes),
    coldPagefindBytes: spread(r.coldPagefindBytes),
    warmMs: spread(r.warm),
    ...(r.warmAfterDebounce.length ? { warmAfterDebounceMs: spread(r.warmAfterDebounce) } : {}),
    ...(r.warmEngine.length ? { warmEngineMs: spread(r.warmEngine) } : {}),
    warmBytes: spread(r.warmBytes),
    debounceMs,
  });
  const ours = figures(raw.ours, OUR_DEBOUNCE_MS);
  const peer = { ...figures(raw.peer, PAGEFIND_UI_DEBOUNCE_MS), uiBundleBytes: median(raw.peer.uiBundle) };
  const r = (a: Spread, b: Spread) => Math.round((a.median / b.median) * 100) / 100;
  return {
    runs,
    intentMs,
    queries,
    ours,
    pagefindDefaultUi: peer,
    ratio: {
      coldClick: r(ours.coldClickMs, peer.coldClickMs),
      coldPageLoad: r(ours.coldPageLoadMs, peer.coldPageLoadMs),
      coldBytes: r(ours.coldBytes, peer.coldBytes),
      warm: r(ours.warmMs, peer.warmMs),
      warmBytes: r(ours.warmBytes, peer.warmBytes),
    },
  };
}

/** The figures as a Markdown table, ours beside the peer. */
export function searchTable(s: SearchBench): string {
  const f = (x: Spread | undefined, unit = '') => (x ? `${x.median}${unit} (${x.min}–${x.max}, n=${x.n})` : '–');
  const kb = (x: Spread) => ({ median: round(x.median / 1024), min: round(x.min / 1024), max: round(x.max / 1024), n: x.n });
  const o = s.ours;
  const p = s.pagefindDefaultUi;
  return [
    `Search: ${s.runs} runs, queries ${s.queries.map((q) => `“${q}”`).join(', ')}; medians (min–max, n)${s.intentMs ? `; the pointer rested ${s.intentMs} ms on each opener before the cold click` : ''}`,
    '',
    '| | this site | Pagefind Default UI | ratio |',
    '|---|---|---|---|',
    `| cold: click to first result, ms | ${f(o.coldClickMs)} | ${f(p.coldClickMs)} | ${s.ratio.coldClick} |`,
    `| cold: page load with ?q= to first result, ms | ${f(o.coldPageLoadMs)} | ${f(p.coldPageLoadMs)} | ${s.ratio.coldPageLoad} |`,
    `| bytes fetched by the first query, KB | ${f(kb(o.coldBytes))} | ${f(kb(p.coldBytes))} (+ ${round(p.uiBundleBytes / 1024)} KB UI loaded with the page) | ${s.ratio.coldBytes} |`,
    `| … of which under /pagefind/, KB | ${f(kb(o.coldPagefindBytes))} | ${f(kb(p.coldPagefindBytes))} | |`,
    `| later query, input to results (debounce ${o.debounceMs} / ${p.debounceMs} ms incl.), ms | ${f(o.warmMs)} | ${f(p.warmMs)} | ${s.ratio.warm} |`,
    `| later query, debounce end to results shown, ms | ${f(o.warmAfterDebounceMs)} | – | |`,
    `| later query, engine time (begins as the debounce starts), ms | ${f(o.warmEngineMs)} | – | |`,
    `| bytes fetched by a later query, KB | ${f(kb(o.warmBytes))} | ${f(kb(p.warmBytes))} | ${s.ratio.warmBytes} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, 'cold-queries': { type: 'string' }, 'intent-ms': { type: 'string' }, json: { type: 'boolean' } } });
  const given = positionals[0] ?? 'dist';
  const served = /^https?:/.test(given) ? undefined : await startStaticServer(resolve(given));
  try {
    const s = await benchSearch(served?.url ?? given, queriesFromContent(resolve(positionals[1] ?? 'content')), { runs: Number(values.runs), coldQueries: Number(values['cold-queries'] ?? Infinity), intentMs: Number(values['intent-ms'] ?? 0), log: (m) => console.error(m) });
    console.log(values.json ? JSON.stringify(s, null, 2) : searchTable(s));
  } finally {
    served?.server.close();
  }
}
