// The evidence page in Chromium against the built site: filters and sorting kept in the address, the table without
// script, the downloads read back, the gap map's links, search records of kind "Evidence", accessibility and phones.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl, watchPage } from '../support/browser.ts';
import { parseCsv } from '../support/csv.ts';

interface Row { id: string; study: string; kind: string; species: string | null; region: string[]; cellType: string | null; intervention: string | null; outcome: string | null; cite: string; passage: string }
const data = JSON.parse(readFileSync('content/evidence.json', 'utf8')) as { vocabularies: { kind: { id: string }[]; region: { id: string }[] }; rows: Row[] };
const total = data.rows.length;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// A kind and region pair with rows, but not all of them, so the filter visibly narrows the table.
const pairs = data.vocabularies.kind.flatMap((k) => data.vocabularies.region.map((r) => ({ kind: k.id, region: r.id, ids: data.rows.filter((x) => x.kind === k.id && x.region.includes(r.id)).map((x) => x.id) })));
const pair = pairs.filter((p) => p.ids.length > 1 && p.ids.length < total).sort((a, b) => b.ids.length - a.ids.length)[0]!;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const visibleIds = (page: Page) => page.locator('[data-evidence-table] tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.id));
const countText = (page: Page) => page.locator('[data-evidence-count]').textContent();

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
    return run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the evidence table', () => {
  test('the data has a kind and region pair to filter by', () => {
    expect(pair.ids.length).toBeGreaterThan(1);
  });

  test('a filtered address shows exactly those rows and says how many', async () => {
    const page = await browser.newPage();
    const { problems } = watchPage(page);
    await page.goto(siteUrl(`evidence/?kind=${pair.kind}&region=${pair.region}`));
    expect(await visibleIds(page)).toEqual(pair.ids);
    await expect(countText(page)).resolves.toBe(`${pair.ids.length} of ${total} studies`);
    await expect(page.locator('[data-evidence-count]').getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.locator('[data-evidence-filter] select[name=kind]').inputValue()).resolves.toBe(pair.kind);
    await expect(page.locator('[data-evidence-filter] select[name=region]').inputValue()).resolves.toBe(pair.region);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('changing a filter or typing updates the address; back and forward restore the view', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    await expect(countText(page)).resolves.toBe(`${total} studies`);
    await page.locator('[data-evidence-filter] select[name=kind]').selectOption(pair.kind);
    await page.waitForURL((u) => u.searchParams.get('kind') === pair.kind);
    const byKind = data.rows.filter((r) => r.kind === pair.kind).map((r) => r.id);
    expect(await visibleIds(page)).toEqual(byKind);
    await page.locator('[data-evidence-filter] select[name=region]').selectOption(pair.region);
    await page.waitForURL((u) => u.searchParams.get('region') === pair.region);
    expect(await visibleIds(page)).toEqual(pair.ids);

    const row = data.rows.find((r) => r.outcome && r.outcome.length > 20)!;
    const word = row.outcome!.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
    await page.locator('[data-evidence-filter] button[type=reset]').click();
    await page.waitForURL((u) => !u.search);
    await page.locator('[data-evidence-filter] input[name=q]').fill(word);
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    const ids = await visibleIds(page);
    expect(ids).toContain(row.id);
    expect(ids.length).toBeLessThan(total);
    await expect(countText(page)).resolves.toBe(`${ids.length} of ${total} studies`);

    await page.goBack(); // before the reset: kind and region
    await page.waitForURL((u) => u.searchParams.get('region') === pair.region);
    expect(await visibleIds(page)).toEqual(pair.ids);
    await expect(page.locator('[data-evidence-filter] input[name=q]').inputValue()).resolves.toBe('');
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('region'));
    expect(await visibleIds(page)).toEqual(byKind);
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('region') === pair.region);
    expect(await visibleIds(page)).toEqual(pair.ids);
    await page.close();
  });

  test('a column sorts both ways by its button, with aria-sort on its header, and the order is kept in the address', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    const header = page.locator('th[data-sort-key=study]');
    await expect(header.getAttribute('aria-sort')).resolves.toBeNull();
    await header.locator('button').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'study');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const studies = () => page.locator('[data-evidence-table] tbody tr th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent?.trim().toLowerCase() ?? ''));
    const byStudy = [...data.rows.map((r) => r.study.toLowerCase())].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(await studies()).toEqual(byStudy);
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('sort') === '-study');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await studies()).toEqual([...byStudy].reverse());
    await page.reload();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await studies()).toEqual([...byStudy].reverse());
    await expect(page.locator('th[aria-sort]').count()).resolves.toBe(1);
    await page.close();
  });

  test('without JavaScript the whole table shows, with every row anchored and the filters out of the way', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(`evidence/?kind=${pair.kind}&region=${pair.region}`));
    expect(await visibleIds(page)).toEqual(data.rows.map((r) => r.id));
    await expect(page.locator('[data-evidence-table] tbody tr:visible').count()).resolves.toBe(total);
    await expect(page.locator('[data-evidence-filter]').isVisible()).resolves.toBe(false);
    await expect(countText(page)).resolves.toBe(`${total} studies`);
    const notGiven = data.rows.filter((r) => r.outcome === null).length;
    if (notGiven) await expect(page.locator('td[data-label=Outcome] .not-given').count()).resolves.toBe(notGiven);
    await context.close();
  });
});

describe('downloads', () => {
  test('the CSV and the JSON, linked from the page and the references page, hold the same rows as the data', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    const csvHref = await page.locator('a[href$="evidence.csv"]').first().getAttribute('href');
    const jsonHref = await page.locator('a[href$="evidence.json"]').first().getAttribute('href');
    const csvResponse = await page.request.get(siteUrl(csvHref!.replace(/^\//, '')));
    expect(csvResponse.headers()['content-type']).toMatch(/^text\/csv/);
    const [header = [], ...body] = parseCsv(await csvResponse.text());
    const rows = body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    expect(rows.map((r) => r['id'])).toEqual(data.rows.map((r) => r.id));
    for (const [i, row] of data.rows.entries()) {
      expect(rows[i], row.id).toMatchObject({ study: row.study, kind: row.kind, species: row.species ?? '', region: row.region.join('; '), cellType: row.cellType ?? '', outcome: row.outcome ?? '', cite: row.cite, passage: row.passage });
      expect(rows[i]?.['citation'], row.id).toMatch(/^\[|et al\./);
    }
    const json = await (await page.request.get(siteUrl(jsonHref!.replace(/^\//, '')))).json() as { schema: { $schema: string }; rows: Row[] };
    expect(json.schema.$schema).toMatch(/json-schema\.org/);
    expect(json.rows.map((r) => r.id)).toEqual(data.rows.map((r) => r.id));
    for (const [i, row] of data.rows.entries()) expect(json.rows[i]).toMatchObject({ study: row.study, kind: row.kind, species: row.species, region: row.region, outcome: row.outcome, cite: row.cite, passage: row.passage });
    await page.goto(siteUrl('references/'));
    await expect(page.locator('.downloads a[href$="evidence.csv"]').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('pictures', () => {
  test('each gap map cell links to a filtered view showing exactly as many rows as it says', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    const cells = await page.locator('svg.gap-map a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', label: a.getAttribute('aria-label') ?? '' })));
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) {
      const n = Number(/: (\d+) stud/.exec(cell.label)?.[1]);
      await page.goto(new URL(cell.href, page.url()).href);
      expect((await visibleIds(page)).length, cell.label).toBe(n);
      await expect(countText(page)).resolves.toBe(n === total ? `${total} studies` : `${n} of ${total} studies`);
    }
    await page.close();
  });

  test('the gap map and timeline are labelled, styled by classes, and have their numbers as tables', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    for (const selector of ['svg.gap-map', 'svg.evidence-timeline']) {
      const svg = page.locator(selector);
      const ids = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      for (const id of ids) await expect(page.locator(`#${id}`).count()).resolves.toBe(1);
      await expect(svg.locator('[style]').count()).resolves.toBe(0);
    }
    await expect(page.locator('svg.evidence-timeline').getAttribute('role')).resolves.toBe('img');
    const cells = await page.locator('#gap-map details table a').count();
    await expect(page.locator('svg.gap-map a').count()).resolves.toBe(cells);
    // Dark mode swaps the tokens the classes use.
    const fill = () => page.locator('svg.gap-map .gap-dot').first().evaluate((c) => getComputedStyle(c).fill);
    const light = await fill();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await fill()).not.toBe(light);
    await page.close();
  });

  test('the home page shows the gap map as a labelled thumbnail linking to the evidence page', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl());
    const link = page.locator('.glance a.gap-thumb');
    await expect(link.getAttribute('href')).resolves.toBe('/evidence/');
    await expect(link.locator('svg[role=img]').count()).resolves.toBe(1);
    await expect(link.locator('svg a').count()).resolves.toBe(0);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('.chapter-menu summary').click();
    await expect(page.locator('.menu-panel a[href="/evidence/"]').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('search', () => {
  test('a word from an outcome finds the row as an "Evidence" result, and the kind filter keeps to them', async () => {
    const row = data.rows.find((r) => r.outcome && /\b[a-z]{9,}\b/i.test(r.outcome))!;
    const word = row.outcome!.match(/\b[a-z]{9,}\b/gi)!.sort((a, b) => b.length - a.length)[0]!;
    const page = await browser.newPage();
    await page.goto(siteUrl('evidence/'));
    await page.keyboard.press('/');
    await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
    await page.locator('dialog [data-search-kind]').selectOption('Evidence');
    const done = await page.evaluate(() => performance.getEntriesByName('search-query').length);
    await page.locator('dialog [data-search-input]').fill(word);
    await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, done);
    const hrefs = await page.locator('dialog .search-hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const expected = data.rows.filter((r) => [r.study, r.outcome, r.intervention, r.species, r.cellType].join(' ').toLowerCase().includes(word.toLowerCase())).map((r) => r.id);
    expect(hrefs.map((h) => h.replace(/\?[^#]*/, ''))).toContain(`/evidence/#${row.id}`);
    expect(hrefs.every((h) => /^\/evidence\/#/.test(h.replace(/\?[^#]*/, '')))).toBe(true);
    expect(hrefs.length).toBeGreaterThanOrEqual(expected.length);
    expect(new Set(await page.locator('dialog .search-hit-kind').allTextContents())).toEqual(new Set(['Evidence']));
    await page.locator('dialog .search-hit a').first().click();
    await page.waitForURL(/\/evidence\/.*#/);
    await page.close();
  });
});

describe('accessibility and layout', () => {
  test.each(['light', 'dark'] as const)('axe-core reports nothing on the page, filtered and sorted too (%s)', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(siteUrl('evidence/'));
    expect(await axe(page)).toEqual([]);
    await page.goto(siteUrl(`evidence/?kind=${pair.kind}&region=${pair.region}&sort=-kind`));
    await page.locator('#gap-map details summary').click();
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axe(page)).toEqual([]);
    await context.close();
  }, 120_000);

  test.each([375, 1440])('no horizontal page scroll at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(siteUrl('evidence/'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.close();
  });
});
