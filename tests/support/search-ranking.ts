// How well search ranks the passages a reader expects, for this site's search and for Pagefind's own ranking over
// the same index, measured in Chromium against a built site. Used by tests/e2e/search-ranking.test.ts (which
// asserts thresholds) and runnable alone to compare any built site, e.g. one built from an older commit:
//   node tests/support/search-ranking.ts [--dist DIR]     (./dist by default)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';

/** A query and the sections (page address + heading anchor) a reader expects it to land on; any of them counts. */
export interface RankingQuery {
  query: string;
  expected: string[];
}

const ch = (slug: string, ...anchors: string[]) => anchors.map((a) => `/chapters/${slug}/#${a}`);

/**
 * Queries from the review's own topics (markers, factors, cell populations, interventions), each with the chapter
 * sections that discuss it: the ones a reader who types it wants to read.
 */
export const RANKING_QUERIES: RankingQuery[] = [
  { query: 'CXCR4 SDF-1', expected: ch('repair-mechanisms', 'what-a-damaged-annulus-releases') },
  { query: 'SDF-1 CXCR4', expected: ch('repair-mechanisms', 'what-a-damaged-annulus-releases') },
  { query: 'SDF-1α', expected: ch('repair-mechanisms', 'what-a-damaged-annulus-releases', 'the-main-chemotactic-factors') },
  { query: 'CXCR4', expected: ch('repair-mechanisms', 'what-a-damaged-annulus-releases') },
  { query: 'Tie2', expected: ch('progenitor-cells', 'nucleus-pulposus-tie2-and-gd2-progenitor-cells', 'markers-specific-to-np-progenitors') },
  { query: 'NPPC', expected: ch('progenitor-cells', 'markers-specific-to-np-progenitors', 'nucleus-pulposus-tie2-and-gd2-progenitor-cells', 'three-regional-progenitor-subpopulations') },
  { query: 'GD2', expected: ch('progenitor-cells', 'nucleus-pulposus-tie2-and-gd2-progenitor-cells', 'markers-specific-to-np-progenitors') },
  { query: 'CD44', expected: ch('progenitor-cells', 'cd44-hyaluronic-acid-and-the-af-repair-gap', 'markers-specific-to-np-progenitors') },
  { query: 'IL-1β', expected: [...ch('pathophysiology', 'chronic-damage-inflammation-and-matrix-breakdown'), ...ch('repair-mechanisms', 'calming-inflammation', 'what-a-damaged-annulus-releases')] },
  { query: 'TNF-α IL-1β', expected: [...ch('pathophysiology', 'chronic-damage-inflammation-and-matrix-breakdown'), ...ch('repair-mechanisms', 'what-a-damaged-annulus-releases')] },
  { query: 'hypoxia', expected: [...ch('repair-mechanisms', 'how-much-hypoxia-helps-22-versus-1-o', 'hypoxia-and-stemness-markers', 'hypoxia-increases-paracrine-output'), ...ch('challenges-and-future-directions', 'oxygen-moderate-hypoxia-helps-severe-hypoxia-hinders')] },
  { query: 'HIF-1α', expected: [...ch('repair-mechanisms', 'hif-1α-as-a-transcriptional-switch', 'how-much-hypoxia-helps-22-versus-1-o'), ...ch('challenges-and-future-directions', 'oxygen-moderate-hypoxia-helps-severe-hypoxia-hinders')] },
  { query: 'exosome', expected: ch('repair-mechanisms', 'messages-carried-in-exosomes') },
  { query: 'TGF-β', expected: ch('repair-mechanisms', 'the-main-chemotactic-factors', 'where-the-new-cells-come-from-and-what-drives-them', 'rebuilding-the-extracellular-matrix') },
  { query: 'CCL5', expected: ch('repair-mechanisms', 'the-main-chemotactic-factors') },
  { query: 'Notch Wnt', expected: ch('repair-mechanisms', 'low-oxygen-and-mechanical-change-as-steering-cues') },
  { query: 'Oct-4', expected: ch('repair-mechanisms', 'hypoxia-and-stemness-markers') },
  { query: 'MSC injection', expected: ch('preclinical-and-clinical-evidence', 'pilot-injections-of-autologous-bm-mscs-orozco-et-al') },
  { query: 'hydrogel', expected: ch('preclinical-and-clinical-evidence', 'hydrogel-carrying-np-derived-mscs-in-rats-wang-et-al', 'melatonin-hydrogel-for-an-annulus-defect-in-the-rat-tail-hu-et-al') },
  { query: 'melatonin', expected: ch('preclinical-and-clinical-evidence', 'melatonin-hydrogel-for-an-annulus-defect-in-the-rat-tail-hu-et-al') },
  { query: 'AF repair', expected: [...ch('progenitor-cells', 'cd44-hyaluronic-acid-and-the-af-repair-gap', 'what-the-evidence-adds-up-to'), ...ch('challenges-and-future-directions', 'scaffolds-that-supply-oxygen-and-adapt-to-load'), ...ch('introduction', 'what-this-review-covers')] },
  { query: 'senescence', expected: ch('challenges-and-future-directions', 'the-cells-that-remain-are-senescent', 'countering-stem-cell-ageing') },
  { query: 'trehalose', expected: ch('challenges-and-future-directions', 'trehalose-as-an-alternative') },
];

/** Where the first expected section is in one ranked list of addresses (1-based), or 0 when it is not there. */
export function rankOf(hrefs: readonly string[], expected: readonly string[]): number {
  const wanted = new Set(expected.map(normalise));
  return hrefs.findIndex((h) => wanted.has(normalise(h))) + 1;
}

/** Address without host, query string or encoding: /chapters/x/#anchor. */
function normalise(href: string): string {
  const url = new URL(href, 'http://x');
  return decodeURIComponent(url.pathname + url.hash);
}

export interface RankingFigures {
  /** Share of queries whose expected section is first, within the first three, and the mean reciprocal rank. */
  top1: number;
  top3: number;
  mrr: number;
  ranks: number[];
}

export function figures(ranks: number[]): RankingFigures {
  const share = (k: number) => ranks.filter((r) => r > 0 && r <= k).length / ranks.length;
  return { top1: share(1), top3: share(3), mrr: ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length, ranks };
}

/** This site's search, through the dialog: every result link in the order shown (a definition line counts too). */
export async function siteRanks(browser: Browser, site: string, queries = RANKING_QUERIES): Promise<{ ranks: number[]; lists: string[][] }> {
  const page = await browser.newPage();
  try {
    await page.goto(new URL('chapters/introduction/', site).href);
    await page.keyboard.press('/');
    await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
    const lists: string[][] = [];
    for (const { query } of queries) lists.push(await searchInDialog(page, query));
    return { ranks: queries.map((q, i) => rankOf(lists[i]!, q.expected)), lists };
  } finally {
    await page.close();
  }
}

async function searchInDialog(page: Page, query: string): Promise<string[]> {
  const done = await page.evaluate(() => performance.getEntriesByName('search-query').length);
  const input = page.locator('dialog [data-search-input]');
  if ((await input.inputValue()) === query) await input.fill('');
  await input.fill(query);
  await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, done);
  return page.locator('dialog .search-hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * Pagefind's own ranking over the same index: `pagefind.search(query)` in its order, each page standing for the
 * sub-results its Default UI lists under it (the three with the most matches, in the page's order; the page's own
 * title link, which goes to the top of the page, is not counted), each record for itself.
 */
export async function pagefindRanks(browser: Browser, site: string, queries = RANKING_QUERIES): Promise<{ ranks: number[]; lists: string[][] }> {
  const page = await browser.newPage();
  try {
    await page.goto(new URL('chapters/introduction/', site).href);
    // Passed as text: a test runner's transform must not rewrite the browser's import().
    const lists = (await page.evaluate(`(async (texts) => {
      const pagefind = await import(document.body.dataset.base + 'pagefind/pagefind.js');
      const out = [];
      for (const text of texts) {
        const found = await pagefind.search(text);
        const hrefs = [];
        for (const r of found.results.slice(0, 20)) {
          const d = await r.data();
          // As the Default UI picks them: past a sub-result for the page itself, the three with the most matches,
          // shown in the page's order.
          const rest = d.sub_results[0]?.url === (d.meta?.url || d.url) ? d.sub_results.slice(1) : [...d.sub_results];
          const top = [...rest].sort((a, b) => b.locations.length - a.locations.length).slice(0, 3);
          const subs = rest.filter((s) => top.includes(s));
          hrefs.push(...(d.url.includes('#') || !subs.length ? [d.url] : subs.map((s) => s.url)));
        }
        out.push(hrefs);
      }
      return out;
    })(${JSON.stringify(queries.map((q) => q.query))})`)) as string[][];
    return { ranks: queries.map((q, i) => rankOf(lists[i]!, q.expected)), lists };
  } finally {
    await page.close();
  }
}

const pct = (n: number) => `${Math.round(n * 100)} %`;

/** A Markdown table: one row per query with each ranking's position of the expected section, then the figures. */
export function rankingTable(queries: readonly RankingQuery[], columns: Record<string, number[]>): string {
  const names = Object.keys(columns);
  const rows = queries.map((q, i) => `| ${q.query} | ${names.map((n) => columns[n]![i] || '–').join(' | ')} |`);
  const summary = (label: string, f: (r: RankingFigures) => string) => `| **${label}** | ${names.map((n) => f(figures(columns[n]!))).join(' | ')} |`;
  return [
    `| query (${queries.length}) | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---').join('|')}|`,
    ...rows,
    summary('top 1', (f) => pct(f.top1)),
    summary('top 3', (f) => pct(f.top3)),
    summary('MRR', (f) => f.mrr.toFixed(2)),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const { chromium } = await import('playwright-core');
  const { startStaticServer } = await import('../../src/cli/static-server.ts');
  const { server, url } = await startStaticServer(resolve(values.dist));
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const site = await siteRanks(browser, url);
    const pagefind = await pagefindRanks(browser, url);
    console.log(`Position of the expected section (– : not listed), ${resolve(values.dist)}\n`);
    console.log(rankingTable(RANKING_QUERIES, { 'this site': site.ranks, 'Pagefind default': pagefind.ranks }));
  } finally {
    await browser.close();
    server.close();
  }
}
