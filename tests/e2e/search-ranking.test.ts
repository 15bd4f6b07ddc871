// Search lands on the passage: the sections that discuss a term rank first, a query of several words finds the
// sections holding all of them (joined forms too), snippets are sentences, and links go to the section's heading.
// Also measures the ranking on a fixed set of queries against Pagefind's own order over the same index.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { figures, pagefindRanks, RANKING_QUERIES, rankingTable, siteRanks } from '../support/search-ranking.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(siteUrl('chapters/introduction/'));
  await page.keyboard.press('/');
  await page.locator('dialog [data-search-filters]:not([hidden])').waitFor();
});
afterAll(async () => { await browser?.close(); });

interface Hit { href: string; kind: string; title: string; excerpt: string; marks: string[] }

async function search(query: string): Promise<Hit[]> {
  const done = await page.evaluate(() => performance.getEntriesByName('search-query').length);
  const input = page.locator('dialog [data-search-input]');
  if ((await input.inputValue()) === query) await input.fill('');
  await input.fill(query);
  await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, done);
  return page.locator('dialog .search-hit').evaluateAll((items) => items.map((li) => ({
    href: decodeURIComponent(li.querySelector('a')?.getAttribute('href')?.replace(/\?[^#]*/, '') ?? ''),
    kind: li.querySelector('.search-hit-kind')?.textContent ?? '',
    title: li.querySelector('.search-hit-title')?.textContent ?? '',
    excerpt: li.querySelector('.search-hit-excerpt')?.textContent ?? '',
    marks: [...li.querySelectorAll('.search-hit-excerpt mark')].map((m) => m.textContent ?? ''),
  })));
}

const chapterSection = (slug: string, anchor: string) => `/chapters/${slug}/#${anchor}`;
const show = (hits: Hit[]) => hits.map((h) => `${h.kind} ${h.href}`).join('\n');

describe('ranking: the sections that discuss a term come first', () => {
  const rows = RANKING_QUERIES.filter((q) => ['Tie2', 'NPPC', 'SDF-1α', 'CXCR4', 'hypoxia'].includes(q.query));
  test.each(rows.map((q) => [q.query, q.expected] as const))('%s: at most one definition line, then a section that discusses it among the first three', async (query, expected) => {
    const hits = await search(query);
    const at = hits.findIndex((h) => expected.includes(h.href));
    expect(at, show(hits)).toBeGreaterThanOrEqual(0);
    expect(at, show(hits)).toBeLessThan(3);
    // Above it, nothing but chapter sections and at most one definition.
    const above = hits.slice(0, at);
    expect(above.filter((h) => h.kind === 'Definition').length, show(hits)).toBeLessThanOrEqual(1);
    expect(above.filter((h) => h.kind !== 'Definition' && h.kind !== 'Chapter'), show(hits)).toEqual([]);
    expect(hits.filter((h) => h.kind === 'Definition').length).toBeLessThanOrEqual(1);
    if (hits[0]?.kind === 'Definition') expect(hits[0].href).toMatch(/\/(entities|glossary)\/#/);
  });

  test('the ranking figures: expected section in the first three for at least 90 % of queries, and no worse than Pagefind', async () => {
    const ours = await siteRanks(browser, siteUrl());
    const theirs = await pagefindRanks(browser, siteUrl());
    console.log(`\nSearch ranking: position of the expected section\n\n${rankingTable(RANKING_QUERIES, { 'this site': ours.ranks, 'Pagefind default': theirs.ranks })}\n`);
    const a = figures(ours.ranks);
    const b = figures(theirs.ranks);
    expect(RANKING_QUERIES.length).toBeGreaterThanOrEqual(15);
    expect(a.top3).toBeGreaterThanOrEqual(0.9);
    expect(a.top3).toBeGreaterThanOrEqual(b.top3);
    expect(a.mrr).toBeGreaterThanOrEqual(b.mrr);
  }, 180_000);
});

describe('several words', () => {
  // In chapter 5 both words stand in the homing passage and in the summary table, there also joined (CXCR4/SDF-1).
  const both = [chapterSection('repair-mechanisms', 'what-a-damaged-annulus-releases'), chapterSection('repair-mechanisms', 'the-repair-sequence-at-a-glance')];

  test.each(['CXCR4 SDF-1', 'SDF-1 CXCR4', 'cxcr4 sdf1'])('%s finds every chapter section holding both words, first', async (query) => {
    const hits = await search(query);
    const sections = hits.filter((h) => h.kind === 'Chapter').map((h) => h.href);
    expect(sections.slice(0, both.length).sort(), show(hits)).toEqual([...both].sort());
    // Each listed chapter section holds both words.
    for (const h of hits.filter((x) => x.kind === 'Chapter')) expect(h.excerpt.length).toBeGreaterThan(0);
  });

  test('words the text writes only joined (HIF-1α/FASN/mTORC1) still find the passage', async () => {
    const hits = await search('FASN mTORC1');
    expect(hits.map((h) => h.href), show(hits)).toContain(chapterSection('repair-mechanisms', 'how-much-hypoxia-helps-22-versus-1-o'));
    expect(hits.map((h) => h.href)).toContain(chapterSection('challenges-and-future-directions', 'oxygen-moderate-hypoxia-helps-severe-hypoxia-hinders'));
  });
});

describe('snippets are sentences', () => {
  test('an entity shows its label and definition, not the list of its aliases', async () => {
    const hits = await search('CXCR4');
    const definition = hits.find((h) => h.href.includes('/entities/#cxcr4'));
    expect(definition, show(hits)).toBeDefined();
    // Titled with its label, it says what CXCR4 is in a sentence (the glossary's definition).
    expect(definition!.title).toBe('CXCR4 (C-X-C motif chemokine receptor 4)');
    expect(definition!.excerpt).toMatch(/^\p{Lu}[^.]{20,}\.$/u);
    expect(definition!.excerpt).not.toMatch(/fusin|LESTR|CD184/);
  });

  test.each(['Tie2', 'CXCR4 SDF-1', 'hypoxia'])('%s: each chapter result shows a sentence with the query marked', async (query) => {
    const hits = (await search(query)).filter((h) => h.kind === 'Chapter');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      // A sentence, or a part of a long one cut at a word: it begins at a capital, a number or an ellipsis and ends
      // at a full stop or an ellipsis.
      expect(h.excerpt, h.href).toMatch(/^(?:…|[\p{Lu}\p{N}[(])/u);
      expect(h.excerpt, h.href).toMatch(/(?:[.!?…)\]]|\.\))$/u);
      expect(h.marks.length, `${h.href}: ${h.excerpt}`).toBeGreaterThan(0);
    }
  });
});

describe('links land on the passage', () => {
  test.each(['Tie2', 'CXCR4 SDF-1', 'hydrogel'])('%s: chapter results link to a heading of that section', async (query) => {
    const hits = (await search(query)).filter((h) => h.kind === 'Chapter');
    expect(hits.length).toBeGreaterThan(0);
    const target = await browser.newPage();
    for (const h of hits) {
      const [path, anchor] = h.href.split('#');
      expect(anchor, h.href).toBeTruthy();
      await target.goto(siteUrl(path!.slice(1)));
      await expect(target.evaluate((id) => document.getElementById(id)?.tagName ?? '', anchor!), h.href).resolves.toMatch(/^H[2-6]$/);
    }
    await target.close();
  });
});
