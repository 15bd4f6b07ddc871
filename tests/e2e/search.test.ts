// Search through the real UI on the built site: the query table readers care about, the dialog's keyboard
// behaviour, deep links, hostile input, landing on a marked section, and nothing loaded before search opens.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl, watchPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

interface Csl { id: string; author?: { family?: string }[] }
const references = JSON.parse(readFileSync('content/references.json', 'utf8')) as Csl[];
const glossary = existsSync('content/glossary.json') ? (JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { id: string; term: string }[]) : [];

// A first author who is first author of nothing else, so one reference is the right answer.
const firstAuthors = references.map((r) => r.author?.[0]?.family).filter((f): f is string => !!f && /^[A-Za-z]+$/.test(f));
const author = references.find((r) => { const f = r.author?.[0]?.family; return f && firstAuthors.filter((x) => x === f).length === 1; });
const abbreviation = glossary.find((g) => g.term === 'ECM') ?? glossary.find((g) => /^[A-Z]{3,}$/.test(g.term));

/** [query, expected result address, found within the first n results] */
const QUERIES: [string, RegExp, number][] = [
  ['CXCR4', /\/entities\/.*#cxcr4$/, 1],
  ['CXCR4', /\/chapters\/repair-mechanisms\//, 5],
  ['NPPC', /\/chapters\/progenitor-cells\//, 5],
  ['NPPCs', /\/chapters\/progenitor-cells\//, 5],
  ['IL-1β', /\/chapters\/pathophysiology\/.*#chronic-damage/, 5],
  ['IL-1b', /\/chapters\/pathophysiology\/.*#chronic-damage/, 5],
  ['IL1B', /\/chapters\/pathophysiology\/.*#chronic-damage/, 5],
  ['IL-1 beta', /\/chapters\/pathophysiology\//, 5],
  ['TNF-alpha', /\/chapters\/pathophysiology\//, 6],
  ['SDF-1', /\/entities\/.*#cxcl12$/, 3],
  ['SDF-1', /\/chapters\/repair-mechanisms\//, 6],
  ['CXCL12', /\/chapters\/repair-mechanisms\//, 5],
  ['Tie2', /\/chapters\/progenitor-cells\/.*#nucleus-pulposus-tie2/, 5],
  ['TEK', /\/entities\/.*#tek$/, 1],
  ['TEK', /\/chapters\/progenitor-cells\//, 5],
  ['NCT01513694', /\/chapters\/preclinical-and-clinical-evidence\/.*#phase-i/, 3],
  ['trehalose', /\/chapters\/challenges-and-future-directions\/.*#trehalose/, 3],
  ...(author ? [[author.author![0]!.family!, new RegExp(`/references/.*#ref-${author.id}$`), 1] as [string, RegExp, number]] : []),
  ...(abbreviation ? [[abbreviation.term, new RegExp(`/glossary/.*#${abbreviation.id}$`), 1] as [string, RegExp, number]] : []),
];

/** Opens a page and the search dialog, then waits until search has loaded. */
async function openSearch(path = 'chapters/introduction/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(siteUrl(path));
  await page.keyboard.press('/');
  await page.locator('dialog[open] [data-search-input]').waitFor();
  await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
  return page;
}

/** Types a query and waits for its results (each finished search leaves a performance measure). */
async function search(page: Page, query: string, scope = 'dialog'): Promise<string[]> {
  const done = await page.evaluate(() => performance.getEntriesByName('search-query').length);
  const input = page.locator(`${scope} [data-search-input]`);
  if ((await input.inputValue()) === query) await input.fill(''); // the same text again fires no input event
  await input.fill(query);
  await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, done);
  return page.locator(`${scope} .search-hit a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

describe('search', () => {
  test('the reference and glossary rows of the table have data to use', () => {
    expect(author, 'a reference with a unique first author').toBeDefined();
    if (glossary.length) expect(abbreviation, 'an abbreviation in the glossary').toBeDefined();
  });

  describe('the query table, through one open dialog', () => {
    let page: Page;
    beforeAll(async () => { page = await openSearch(); });
    afterAll(async () => { await page?.close(); });

    test.each(QUERIES)('%s finds %s within the first %i', async (query, expected, within) => {
      const hrefs = await search(page, query);
      const at = hrefs.findIndex((h) => expected.test(h.replace(/\?[^#]*/, '')));
      expect(at, `${query}: ${hrefs.slice(0, within + 3).join('\n')}`).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(within);
    });
  });

  test('a nonsense word says there are no results instead of listing unrelated pages', async () => {
    const page = await openSearch();
    expect(await search(page, 'xqzvkjwq')).toEqual([]);
    await expect(page.locator('dialog [data-search-status]').textContent()).resolves.toBe('No results for “xqzvkjwq”');
    await page.close();
  });

  test('IL-1 ranks IL-1β above IL-10', async () => {
    const page = await openSearch();
    await search(page, 'IL-1');
    const marks = await page.locator('dialog .search-hit-excerpt').evaluateAll((ps) => ps.map((p) => [...p.querySelectorAll('mark')].map((m) => m.textContent).join(' ')));
    expect(marks[0]).toMatch(/IL-?1(β|B)/);
    const firstTen = marks.findIndex((m) => /IL-?10\b/.test(m) && !/IL-?1(β|B)/.test(m));
    expect(firstTen === -1 || firstTen > marks.findIndex((m) => /IL-?1(β|B)/.test(m))).toBe(true);
    await page.close();
  });

  test('the status is announced and counts the results', async () => {
    const page = await openSearch();
    const hrefs = await search(page, 'trehalose');
    const status = page.locator('dialog [data-search-status]');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(status.textContent()).resolves.toBe(`${hrefs.length} result${hrefs.length === 1 ? '' : 's'} for “trehalose”`);
    await page.close();
  });

  test('filters by kind and by chapter', async () => {
    const page = await openSearch();
    await page.locator('dialog [data-search-kind]').selectOption('Reference');
    await search(page, 'stem');
    const kinds = await page.locator('dialog .search-hit-kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Reference']));

    await page.locator('dialog [data-search-kind]').selectOption('Chapter');
    const chapter = await page.locator('dialog [data-search-chapter] option').nth(1).getAttribute('value');
    await page.locator('dialog [data-search-chapter]').selectOption(chapter!);
    const hrefs = await search(page, 'cells');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs.map((h) => h.split(/[?#]/)[0]))).toHaveProperty('size', 1);
    await page.close();
  });

  test('the chapter filter lists chapters in reading order', async () => {
    const page = await openSearch();
    const options = await page.locator('dialog [data-search-chapter] option').allTextContents();
    await page.goto(siteUrl());
    const titles = await page.locator('.card-list a').allTextContents();
    expect(options.slice(1)).toEqual(titles.map((t) => t.replace(/^\d+\.\s*/, '').trim()));
    await page.close();
  });

  test.each(['/', 'Control+K', 'Meta+K'])('%s opens the dialog; Esc closes it and focus returns', async (keys) => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    const opener = page.locator('a.site-title');
    await opener.focus();
    await page.keyboard.press(keys);
    await expect(page.locator('dialog[data-search-dialog]').evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal'))).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.matches('[data-search-input]'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[data-search-dialog]').evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('site-title'))).resolves.toBe(true);
    await page.close();
  });

  test('the header link opens the dialog, focus stays inside it, and closing returns to the link', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    await page.locator('a.search-open').click();
    await page.locator('dialog[open] [data-search-input]').waitFor();
    await search(page, 'trehalose');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !document.activeElement || document.activeElement === document.body || !!document.activeElement.closest('dialog[open]'));
      expect(inside).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('search-open'))).resolves.toBe(true);
    await page.close();
  });

  test('/ typed in a text field is just typed', async () => {
    const page = await openSearch();
    await page.keyboard.type('a/b');
    await expect(page.locator('dialog [data-search-input]').inputValue()).resolves.toBe('a/b');
    await page.close();
  });

  test('?q= on the search page runs the search and the address keeps the query', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(siteUrl('search/?q=CXCR4'));
    await page.waitForFunction(() => performance.getEntriesByName('search-query').length > 0);
    await expect(page.locator('.search-page .search-hit').count()).resolves.toBeGreaterThan(0);
    // The page asks for Pagefind's WebAssembly in its head; Pagefind takes that copy rather than fetching again.
    const wasm = requests.filter((u) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(u));
    expect(await (await page.request.get(siteUrl('search/'))).text()).toContain(`<link rel="preload" href="${new URL(wasm[0] ?? 'http://x/none').pathname}" as="fetch" crossorigin="anonymous">`);
    expect(wasm).toHaveLength(1);
    await expect(page.locator('.search-page [data-search-input]').inputValue()).resolves.toBe('CXCR4');
    await search(page, 'trehalose', '.search-page');
    expect(new URL(page.url()).searchParams.get('q')).toBe('trehalose');
    await page.close();
  });

  test('?q= on any other page opens the dialog with the search run', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('references/?q=SDF-1'));
    await page.waitForFunction(() => performance.getEntriesByName('search-query').length > 0);
    await expect(page.locator('dialog[open] .search-hit').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  test.each([
    ['regex metacharacters', '.*+?^${}()|[]\\/(?<x>a)'],
    ['5,000 characters', 'stem cells '.repeat(455).slice(0, 5000)],
    ['emoji', '🧬🔬 stem 👩‍🔬'],
    ['right-to-left text', 'خلايا جذعية في القرص'],
    ['HTML', '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'],
  ])('%s: no error and no injected markup', async (_, query) => {
    const page = await browser.newPage();
    const { problems } = watchPage(page);
    await page.goto(siteUrl('chapters/introduction/'));
    await page.keyboard.press('/');
    await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
    await search(page, query);
    // Results hold only the elements the UI makes: nothing from the query or the page text becomes markup.
    const tags = await page.locator('dialog [data-search-results] *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
    for (const tag of tags) expect(['LI', 'A', 'SPAN', 'P', 'MARK']).toContain(tag);
    await expect(page.locator('dialog img, dialog script').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('dialog [data-search-status]').textContent()).resolves.toMatch(/results? for|No results for/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('choosing a result with the keyboard lands on its section with the term marked', async () => {
    const page = await openSearch();
    await search(page, 'trehalose');
    const links = page.locator('dialog .search-hit a');
    const index = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).findIndex((h) => h.includes('/chapters/'));
    expect(index).toBeGreaterThanOrEqual(0);
    await page.locator('dialog [data-search-input]').focus();
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.closest('.search-hit') !== null)).resolves.toBe(true);
    await Promise.all([page.waitForURL(/[?&]hl=.*#/), page.keyboard.press('Enter')]);
    await page.locator('mark.search-highlight').first().waitFor();
    const inSection = await page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (!target) return false;
      const level = /^H(\d)$/.exec(target.tagName)?.[1];
      const parts: Element[] = [target];
      for (let n = target.nextElementSibling; level && n; n = n.nextElementSibling) {
        const l = /^H(\d)$/.exec(n.tagName)?.[1];
        if (l && l <= level) break;
        parts.push(n);
      }
      return parts.some((p) => p.querySelector('mark.search-highlight') || p.matches('mark'));
    });
    expect(inSection).toBe(true);
    await page.close();
  });

  test('a reference result lands on the entry with the author marked', async () => {
    const page = await openSearch();
    const family = author!.author![0]!.family!;
    await search(page, family);
    await Promise.all([page.waitForURL(/references\/.*#ref-/), page.locator('dialog .search-hit a').first().click()]);
    await expect(page.locator(`[id="ref-${author!.id}"] mark.search-highlight`).first().textContent()).resolves.toBe(family);
    await page.close();
  });

  test('nothing search-related loads before search is opened', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(siteUrl('chapters/repair-mechanisms/'), { waitUntil: 'networkidle' });
    const early = requests.filter((u) => /pagefind|search-terms|search-(ui|dialog|engine|highlight)/.test(u));
    expect(early).toEqual([]);
    await page.keyboard.press('Control+K');
    await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
    expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
    expect(requests.some((u) => u.endsWith('/search-terms.json'))).toBe(true);
    await page.close();
  });

  test('pointer over or focus on the search link, or Ctrl alone, starts loading search; nothing loads before', async () => {
    const isSearch = (u: string) => /pagefind|search-terms|search-(ui|dialog|engine|highlight)/.test(u);
    for (const intent of ['hover', 'focus', 'Control'] as const) {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(siteUrl('chapters/repair-mechanisms/'), { waitUntil: 'networkidle' });
      await page.mouse.move(5, 400); // the pointer on the page, but not over the search link
      await page.locator('main p').first().click();
      await page.waitForLoadState('networkidle');
      expect(requests.filter(isSearch), `${intent}: before intent`).toEqual([]);
      if (intent === 'hover') await page.locator('a.search-open').hover();
      else if (intent === 'focus') await page.locator('a.search-open').focus();
      else await page.keyboard.press('Control');
      await expect.poll(() => requests.some((u) => u.includes('/pagefind/pagefind.js')), { message: intent, timeout: 20_000 }).toBe(true);
      await expect.poll(() => requests.some((u) => u.endsWith('/search-terms.json')), { message: intent, timeout: 20_000 }).toBe(true);
      // Intent loads; it does not open anything.
      await expect(page.locator('dialog[data-search-dialog]').evaluate((d: HTMLDialogElement) => d.open), intent).resolves.toBe(false);
      // The entry file and the WebAssembly are fetched alongside Pagefind's JS, once: Pagefind takes the preloads.
      await page.waitForLoadState('networkidle');
      expect(requests.filter((u) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(u)), intent).toHaveLength(1);
      expect(requests.filter((u) => /\/pagefind\/pagefind-entry\.json\?ts=\d+$/.test(u)), intent).toHaveLength(1);
      await page.close();
    }
  });

  test('a search begins while the debounce runs, and searches overtaken by typing are dropped', async () => {
    const page = await openSearch();
    await search(page, 'trehalose');
    const before = await page.evaluate(() => ({ engine: performance.getEntriesByName('search-engine').length, query: performance.getEntriesByName('search-query-start').length }));
    // Five keystrokes faster than any search: each fires an input event before a search could begin.
    await page.locator('dialog [data-search-input]').evaluate((input: HTMLInputElement) => {
      for (const value of ['C', 'CX', 'CXC', 'CXCR', 'CXCR4']) {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, before.query);
    const timing = await page.evaluate((b) => ({
      engine: performance.getEntriesByName('search-engine').slice(b.engine).map((m) => ({ query: (m as PerformanceMeasure).detail as string, start: m.startTime })),
      paint: performance.getEntriesByName('search-query-start').slice(b.query).map((m) => m.startTime),
    }), before);
    expect(timing.engine.map((e) => e.query)).toEqual(['CXCR4']);
    // It began before the debounce let the UI ask for it.
    expect(timing.paint).toHaveLength(1);
    expect(timing.engine[0]!.start).toBeLessThan(timing.paint[0]!);
    await expect(page.locator('dialog [data-search-status]').textContent()).resolves.toMatch(/results? for “CXCR4”/);
    await page.close();
  });

  test('what is typed straight after opening, before search has loaded, is kept and searched', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'), { waitUntil: 'networkidle' });
    await page.keyboard.press('/');
    await page.keyboard.type('trehalose');
    await page.waitForFunction(() => performance.getEntriesByName('search-query').length > 0);
    await expect(page.locator('dialog [data-search-input]').inputValue()).resolves.toBe('trehalose');
    await expect(page.locator('dialog [data-search-status]').textContent()).resolves.toMatch(/results? for “trehalose”/);
    await page.close();
  });

  test('a search asked for before search loaded is dropped once the reader types on', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'), { waitUntil: 'networkidle' });
    // Search finishes loading only after the first letter's debounce has run out, and no index chunk arrives until
    // the whole word is typed: the search for "C" is still under way when the reader types on.
    const held = { terms: Promise.withResolvers<void>(), chunks: Promise.withResolvers<void>() };
    await page.route('**/search-terms.json', async (route) => { await held.terms.promise; await route.continue(); });
    await page.route('**/pagefind/index/**', async (route) => { await held.chunks.promise; await route.continue(); });
    await page.keyboard.press('/');
    await page.keyboard.type('C');
    await page.waitForTimeout(300);
    held.terms.resolve();
    await page.waitForFunction(() => performance.getEntriesByName('search-query-start').length > 0);
    await page.keyboard.type('XCR4');
    held.chunks.resolve();
    await expect.poll(() => page.locator('dialog [data-search-status]').textContent()).toMatch(/results? for “CXCR4”/);
    // One answer came back, for the whole word; "C", a prefix of most of the index, never read its fragments.
    const answered = await page.evaluate(() => performance.getEntriesByName('search-engine').map((m) => (m as PerformanceMeasure).detail as string));
    expect(answered).toEqual(['CXCR4']);
    await page.close();
  });

  test.each(['00', '%00'])('%s does not find references by the digits inside their DOIs', async (query) => {
    const page = await openSearch();
    await search(page, query);
    const hits = await page.locator('dialog .search-hit').evaluateAll((items) => items.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })));
    expect(hits.filter((h) => h.href.includes('/references/')), JSON.stringify(hits)).toEqual([]);
    expect(hits.flatMap((h) => h.marks).filter((m) => /doi|\/|10\.\d{4,}/i.test(m))).toEqual([]);
    await page.close();
  });

  test('IL-1b, IL1B and IL-1 beta each find the IL-1β passages, with IL-1β marked', async () => {
    const page = await openSearch();
    const firstChapterHit: string[] = [];
    for (const query of ['IL-1β', 'IL-1b', 'IL1B', 'IL-1 beta']) {
      const hrefs = await search(page, query);
      const at = hrefs.findIndex((h) => /\/chapters\/pathophysiology\/.*#chronic-damage/.test(h.replace(/\?[^#]*/, '')));
      expect(at, `${query}: ${hrefs.join(' ')}`).toBeGreaterThanOrEqual(0);
      expect(at, query).toBeLessThan(5);
      const marks = await page.locator('dialog .search-hit').nth(at).locator('mark').allTextContents();
      expect(marks.length, query).toBeGreaterThan(0);
      for (const m of marks) expect(m, query).toMatch(/IL-1β/);
      firstChapterHit.push(hrefs.find((h) => h.includes('/chapters/'))?.replace(/\?[^#]*/, '') ?? '');
    }
    // All spellings lead to the same passage first.
    expect(new Set(firstChapterHit).size, firstChapterHit.join(' ')).toBe(1);
    await page.close();
  });

  test('without JavaScript the header link goes to the search page, which says search needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    await page.locator('a.search-open').click();
    await page.waitForURL(/\/search\/$/);
    await expect(page.locator('.search-noscript').textContent()).resolves.toMatch(/Search needs JavaScript/);
    await expect(page.locator('.search-noscript a').first().getAttribute('href')).resolves.toMatch(/#chapters$/);
    await context.close();
  });
});
