// What a reader can see about provenance: source numbers and match status on references and in cards, the
// source's coverage, and editorial notes listed and linked.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { builtPages } from '../support/dist-pages.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';
import { nameSourceNumbers, sourceCoverage } from '../../src/lib/provenance/source-numbers.ts';
import { sourceAuthorOf } from '../../src/plugins/reference-provenance.ts';
import { collectEditorialNotes } from '../../src/lib/content/editorial-notes.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const index = buildReviewIndex('content');
/** "Zhao et al.": how the source's own numbers are named, from the source record. */
const author = sourceAuthorOf(index.recordsById, index.sourceKey) ?? '';
const probable = [...(index.evidence ?? [])].filter(([id, e]) => e.status === 'probable' && e.reviewCitations.length && index.numbers.has(id)).map(([id]) => id);
/** A chapter that cites a probable match, and that match. */
const [probableKey, probableChapter] = (() => {
  for (const key of probable) {
    const site = index.sitesByKey.get(key)?.find((s) => s.page);
    if (site) return [key, site.page] as const;
  }
  throw new Error('no probable match is cited in a chapter');
})();

describe('match status and source numbers', () => {
  test('a probable entry shows its label, its source numbers and its note, in the chapter list and the references page', async () => {
    const page = await browser.newPage();
    for (const path of [`chapters/${probableChapter}/`, 'references/']) {
      await page.goto(siteUrl(path));
      const entry = page.locator(`#ref-${probableKey}`);
      await expect(entry.getAttribute('data-status')).resolves.toBe('probable');
      const label = entry.locator('.reference-status summary');
      await expect(label.isVisible(), path).resolves.toBe(true);
      await expect(label.textContent()).resolves.toBe('Probable match');
      await expect(entry.locator('.reference-source').textContent()).resolves.toMatch(/ et al\. refs? \d+/);
      await label.click();
      await expect(entry.locator('.status-note').isVisible()).resolves.toBe(true);
      await expect(entry.locator('.status-note').textContent()).resolves.toBe(nameSourceNumbers(index.evidence?.get(probableKey)?.notes ?? '', author));
      // The identifiers are links, not text.
      await expect(entry.locator('.reference-text').textContent()).resolves.not.toMatch(/doi:|PMID/);
    }
    await page.close();
  });

  test('the citation card shows the label and the note, open', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl(`chapters/${probableChapter}/`));
    const citation = page.locator(`.citation[data-cites~="${probableKey}"]`).first();
    await citation.locator('a').first().focus();
    const card = page.locator('.cite-card');
    await card.waitFor({ state: 'visible' });
    const item = card.locator('li', { has: page.locator('.reference-status') }).first();
    await expect(item.locator('.status-label').textContent()).resolves.toBe('Probable match');
    await expect(item.locator('.status-note').isVisible()).resolves.toBe(true);
    await expect(card.locator('.status-note').allTextContents()).resolves.toContain(nameSourceNumbers(index.evidence?.get(probableKey)?.notes ?? '', author));
    await page.close();
  });

  test('a verified entry has no status label', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const verified = page.locator('li.reference[data-status="verified"]');
    expect(await verified.count()).toBeGreaterThan(0);
    await expect(verified.locator('.reference-status').count()).resolves.toBe(0);
    await page.close();
  });

  test('copying an entry puts its DOI back beside the text', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(siteUrl('references/'));
    const entry = page.locator('li.reference', { has: page.locator('a[data-kind="DOI"]') }).first();
    const doi = (await entry.locator('a[data-kind="DOI"]').getAttribute('data-cite-id')) ?? '';
    expect(doi).toMatch(/^doi:10\./);
    await entry.locator('.copy-button').click();
    await entry.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(((await entry.locator('.reference-text').textContent()) ?? '').trim())).toBe(true);
    expect(copied).toContain(doi);
    await context.close();
  });

  test('the references page states the coverage of the source and lists every unmatched number', async () => {
    const coverage = sourceCoverage(index.evidence ?? new Map());
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const sentence = (await page.locator('.coverage-sentence').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(sentence).toContain(`cite ${coverage.total} works`);
    expect(sentence).toContain(`${coverage.matched.length} of their reference numbers`);
    expect(sentence).toContain(`other ${coverage.unmatched.length} are not identified`);
    const listed = await page.locator('.unmatched-numbers li').evaluateAll((lis) => lis.map((li) => Number(li.id.replace('source-ref-', ''))));
    expect(listed).toEqual(coverage.unmatched);
    // Each number is named as the source's, so "ref. 33" is not read as the site's [33].
    const labels = await page.locator('.unmatched-numbers .source-number').allTextContents();
    expect(labels).toEqual(coverage.unmatched.map((n) => `${author} ref. ${n}`));
    // Links from an unmatched number lead to a citation that exists.
    const hrefs = await page.locator('.unmatched-numbers a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of new Set(hrefs)) {
      await page.goto(href);
      await expect(page.locator(`#${new URL(href).hash.slice(1)}.citation`).count(), href).resolves.toBe(1);
    }
    await page.close();
  });
  test('the source numbers are named as the source\'s wherever the references page shows them', async () => {
    expect(author).toMatch(/\S/);
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const sources = await page.locator('.reference-source').allTextContents();
    expect(sources.length).toBeGreaterThan(20);
    for (const text of sources) expect(text).toMatch(new RegExp(`^(${author.replace('.', '\\.')} ref(?:s|\\.) [\\d–, ]+|Not matched to a numbered reference of ${author.replace('.', '\\.')})$`));
    // Status notes speak of the source's list: no bare [27] beside the site's own [27].
    await page.locator('details.reference-status').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const notes = await page.locator('.status-note').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).not.toMatch(/\[\d+(?:[-–,]\s*\d+)*\]/);
    expect(notes.join(' ')).toContain(`${author} ref`);
    await page.close();
  });

  test('an entry matched to none of the source\'s numbers never says "match": label and text agree', async () => {
    const unmatched = [...(index.evidence ?? [])].filter(([id, e]) => e.status !== 'verified' && !e.reviewCitations.length && id !== index.sourceKey).map(([id]) => id);
    expect(unmatched.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    for (const id of unmatched) {
      const entry = page.locator(`[id="ref-${id}"]`);
      await expect(entry.locator('.reference-source').textContent(), id).resolves.toBe(`Not matched to a numbered reference of ${author}`);
      const label = (await entry.locator('.status-label').textContent()) ?? '';
      expect(label, id).toMatch(/not matched$/);
      await expect(entry.locator('.status-meaning').textContent(), id).resolves.toContain('not matched to any of');
    }
    // And every entry labelled a match names the source numbers it matches.
    const labelled = await page.locator('.reference-status[data-status]').evaluateAll((ds) => ds.map((d) => [d.querySelector('.status-label')?.textContent ?? '', d.closest('li')?.querySelector('.reference-source')?.textContent ?? '']));
    for (const [label, source] of labelled) if (/match$/.test(label ?? '')) expect(source, label).toMatch(/ ref(?:s|\.) \d/);
    await page.close();
  });
});

describe('editorial notes', () => {
  test('the notes page links to every note on the site, and every link lands on a note', async () => {
    const page = await browser.newPage();
    const onSite: string[] = [];
    // The single-page edition repeats the chapters' notes; the list points at each note where its chapter is.
    for (const { path } of builtPages(inject('distDir')).filter((p) => !['notes/', 'review/'].includes(p.path) && !p.path.startsWith('404'))) {
      await page.goto(siteUrl(path));
      const ids = await page.locator('aside.editorial-note').evaluateAll((as) => as.map((a) => a.id));
      onSite.push(...ids.map((id) => `${new URL(siteUrl(path)).pathname}#${id}`));
    }
    expect(onSite.length).toBeGreaterThan(0);
    await page.goto(siteUrl('notes/'));
    const linked = await page.locator('.note-list a').evaluateAll((as) => as.map((a) => { const u = new URL((a as HTMLAnchorElement).href); return `${u.pathname}${u.hash}`; }));
    expect(new Set(linked)).toEqual(new Set(onSite));
    const first = page.locator('.note-list a').first();
    await first.click();
    await expect(page.locator('aside.editorial-note:target .editorial-note-label').textContent()).resolves.toBe('Editorial note');
    await page.close();
  });

  test('a note is labelled for assistive technology and set apart visually', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('notes/'));
    await page.locator('.note-list a').first().click();
    const note = page.locator('aside.editorial-note:target');
    await expect(note.getAttribute('aria-label')).resolves.toBe('Editorial note');
    await expect(note.evaluate((el) => getComputedStyle(el).borderLeftWidth)).resolves.toBe('4px');
    await page.close();
  });

  test('search can filter to editorial notes, and a hit lands on the note', async () => {
    const note = collectEditorialNotes(index)[0];
    // The note's longest word, which the search must find in the note's own record.
    const word = [...(note?.text.matchAll(/\p{L}{6,}/gu) ?? [])].map((m) => m[0]).sort((a, b) => b.length - a.length)[0] ?? '';
    const page = await browser.newPage();
    await page.goto(siteUrl(`search/?q=${encodeURIComponent(word)}&kind=${encodeURIComponent('Editorial note')}`));
    await page.waitForFunction(() => performance.getEntriesByName('search-query').length > 0);
    const hits = await page.locator('.search-page .search-hit a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hits.length, word).toBeGreaterThan(0);
    for (const href of hits) expect(new URL(href).hash, href).toMatch(/^#note-\d+$/);
    expect(hits.map((h) => new URL(h).pathname + new URL(h).hash)).toContain(`${new URL(siteUrl(note?.page ? `chapters/${note.page}/` : '')).pathname}#${note?.id}`);
    await page.close();
  });

  test('the references page and the home page link to the notes', async () => {
    const page = await browser.newPage();
    for (const path of ['', 'references/']) {
      await page.goto(siteUrl(path));
      await expect(page.locator('a[href$="/notes/"]').count(), path || 'home').resolves.toBeGreaterThan(0);
    }
    await page.close();
  });
});

describe('locators and key findings a reader can follow', () => {
  test('a claim the source makes only in its abstract says so, in the text and in the card', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl(''));
    const citation = page.locator('.citation', { hasText: /, abstract\]/ }).first();
    await expect(citation.textContent()).resolves.toMatch(/^\[\d+, abstract\]$/);
    await citation.locator('a').first().focus();
    const card = page.locator('.cite-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.textContent()).resolves.toContain('Cited from its abstract.');
    await page.close();
  });

  test('a key finding links to the passage that develops it, and one the site adds is labelled as an editorial note', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl(''));
    const findings = page.locator('#key-findings + .key-findings-list > li');
    const editorial = findings.filter({ has: page.locator('.editorial-note-label') });
    await expect(editorial.count()).resolves.toBeGreaterThan(0);
    const link = editorial.first().locator('a.key-finding-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/chapters\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    await link.click();
    await page.waitForURL((url) => url.hash.length > 1);
    const target = page.locator(decodeURIComponent(new URL(page.url()).hash));
    await expect(target.count()).resolves.toBe(1);
    await expect(target.evaluate((el) => /^H[2-4]$/.test(el.tagName))).resolves.toBe(true);
    await page.close();
  });
});
