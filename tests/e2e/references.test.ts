import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { parseBibliography } from '../../src/lib/bibliography/bibliography-source.ts';
import type { CslRecord } from '../../src/lib/bibliography/reference-links.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const CHAPTERS = ['introduction', 'pathophysiology', 'current-therapies', 'progenitor-cells', 'repair-mechanisms', 'preclinical-and-clinical-evidence', 'challenges-and-future-directions', 'conclusion'];

/** key → number as shown in a page's reference list. */
async function listedNumbers(page: Page): Promise<Map<string, number>> {
  const pairs = await page.locator('li.reference[id^=ref-]').evaluateAll((lis) => lis.map((li) => [li.id.slice(4), Number(li.getAttribute('value'))] as [string, number]));
  return new Map(pairs);
}

describe('citations and references', () => {
  test('a reference has the same number on every chapter page and on the references page', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const global = await listedNumbers(page);
    expect(global.size).toBeGreaterThan(20);
    expect([...global.values()].sort((a, b) => a - b)).toEqual([...global.values()].map((_, i) => i + 1));
    for (const slug of CHAPTERS) {
      await page.goto(siteUrl(`chapters/${slug}/`));
      for (const [key, n] of await listedNumbers(page)) expect(n, `${slug}: ${key}`).toBe(global.get(key));
    }
    await page.close();
  });

  test('every citation number links to an entry that exists and carries that number', async () => {
    const page = await browser.newPage();
    for (const slug of CHAPTERS) {
      await page.goto(siteUrl(`chapters/${slug}/`));
      const bad = await page.locator('.citation a').evaluateAll((as) => as.filter((a) => {
        const target = document.getElementById((a.getAttribute('href') ?? '').slice(1));
        return !target || target.getAttribute('value') !== a.textContent;
      }).map((a) => a.outerHTML));
      expect(bad, slug).toEqual([]);
    }
    await page.close();
  });

  test('groups compress to ranges and every cited work is still listed', async () => {
    const page = await browser.newPage();
    let ranges = 0;
    for (const slug of CHAPTERS) {
      await page.goto(siteUrl(`chapters/${slug}/`));
      const groups = await page.locator('.citation').evaluateAll((spans) => spans.map((s) => ({ text: s.textContent ?? '', keys: (s as HTMLElement).dataset['cites']?.split(' ') ?? [], decorated: (s as HTMLElement).dataset['items'] !== undefined })));
      for (const g of groups) {
        // Plain groups are numbers and ranges; a work with a locator shows it after its number.
        if (!g.decorated) expect(g.text).toMatch(/^\[\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*\]$/);
        if (g.text.includes('–')) ranges += 1;
        for (const key of g.keys) await expect(page.locator(`#ref-${key}`).count()).resolves.toBe(1);
      }
    }
    expect(ranges).toBeGreaterThan(0);
    await page.close();
  });

  test('hovering a citation opens a card with the work, which stays open while hovered', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    const citation = page.locator('.citation').first();
    const key = (await citation.getAttribute('data-cites'))?.split(' ')[0];
    await citation.hover();
    const card = page.locator('.cite-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('.reference-text').first().textContent()).resolves.toBe(await page.locator(`#ref-${key} .reference-text`).textContent());
    await expect(card.locator('a[href^="https://doi.org/"]').count()).resolves.toBeGreaterThan(0);
    await card.hover();
    await page.waitForTimeout(500);
    await expect(card.isVisible()).resolves.toBe(true);
    await page.mouse.click(5, 5);
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });

  test('a citation with a locator shows it in the text, and the card says it in words', async () => {
    const page = await browser.newPage();
    let checked = 0;
    for (const slug of CHAPTERS) {
      await page.goto(siteUrl(`chapters/${slug}/`));
      const spans = page.locator('.citation[data-items]');
      for (let i = 0; i < (await spans.count()); i++) {
        const span = spans.nth(i);
        const items = JSON.parse((await span.getAttribute('data-items')) ?? '[]') as { key: string; locator?: { label: string; value: string } }[];
        const located = items.find((item) => item.locator);
        if (!located?.locator) continue;
        const { label, value } = located.locator;
        // One reference number reads "ref. 9", several "refs 63–67".
        const shown = label === 'refs' && /^\d+$/.test(value) ? 'ref.' : label;
        await expect(span.textContent()).resolves.toContain(`${shown} ${value}`);
        if (checked < 3) {
          await span.locator('a').first().focus();
          const note = page.locator('.cite-card .cite-locator').first();
          await note.waitFor({ state: 'visible' });
          const words = (await note.textContent()) ?? '';
          expect(words).toContain(value);
          // The source's own numbers are named as theirs: "Zhao et al. refs 63–67: works Zhao et al. cite here, …".
          if (label === 'refs') expect(words).toMatch(new RegExp(`^\\S.* ref(?:s|\\.) ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (a work|works) .* here, not identified on this site\\.$`));
          else expect(words).toBe(`Cited at ${label} ${value}.`);
          await page.keyboard.press('Escape');
          await page.locator('.cite-card').waitFor({ state: 'hidden' });
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
    await page.close();
  });

  test('keyboard focus opens the card, it lists every work of a group, and Esc closes it returning focus', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/progenitor-cells/'));
    const group = page.locator('.citation[data-cites*=" "]').first();
    const keys = (await group.getAttribute('data-cites'))?.split(' ') ?? [];
    expect(keys.length).toBeGreaterThan(1);
    await group.locator('a').first().focus();
    const card = page.locator('.cite-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('li').count()).resolves.toBe(keys.length);
    await expect(card.getAttribute('aria-live')).resolves.toBe('polite');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.closest('.citation') !== null)).resolves.toBe(true);
    await page.close();
  });

  test('a tap opens the card instead of jumping; links inside work', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    const link = page.locator('.citation a').first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await page.locator('.cite-card').waitFor({ state: 'visible' });
    expect(new URL(page.url()).hash).toBe('');
    await context.close();
  });

  test('the references page links each entry back to every place it is cited', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const entry = page.locator('li.reference').nth(3);
    const key = (await entry.getAttribute('id'))?.slice(4);
    const backLinks = await entry.locator('.cited-in a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(backLinks.length).toBeGreaterThan(0);
    for (const href of backLinks) {
      await page.goto(href);
      const target = page.locator(`#${new URL(href).hash.slice(1)}`);
      await expect(target.getAttribute('data-cites')).resolves.toContain(key);
    }
    await page.close();
  });

  test('entries show DOI, PubMed and PMC links, and copy their text with one click', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(siteUrl('references/'));
    const hrefs = await page.locator('.reference-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.startsWith('https://doi.org/10.'))).toBe(true);
    expect(hrefs.some((h) => /^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /^https:\/\/pmc\.ncbi\.nlm\.nih\.gov\/articles\/PMC\d+\/$/.test(h))).toBe(true);
    const first = page.locator('li.reference').first();
    await first.locator('.copy-button').click();
    // The status is set once the clipboard has answered, which is asynchronous.
    await first.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The text no longer prints the identifiers (they are the links); the copy puts them back.
    const ids = await first.locator('a[data-cite-id]').evaluateAll((as) => as.map((a) => a.getAttribute('data-cite-id')));
    expect(copied).toBe([(await first.locator('.reference-text').textContent())?.replace(/\s+/g, ' ').trim(), ...ids].join(' '));
    await context.close();
  });

  test('the default downloads hold exactly the cited works; everything on file is a second, named download', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('references/'));
    const cited = await page.locator('#cited-works + ol > li.reference').evaluateAll((lis) => lis.map((li) => li.id.slice(4)));
    const uncited = await page.locator('section[aria-labelledby=uncited] li[id^=ref-]').evaluateAll((lis) => lis.map((li) => li.id.slice(4)));
    expect(cited.length).toBeGreaterThan(20);
    expect(uncited.length).toBeGreaterThan(0);
    // One list of download links; its labels say which works each row holds.
    const rows = await page.locator('ul.download-list > li').allTextContents();
    expect(rows[0]).toMatch(new RegExp(`^The ${cited.length} cited works: BibTeX.* · RIS.* · CSL-JSON`));
    expect(rows[1]).toMatch(new RegExp(`^Everything on file, with the ${uncited.length} works not cited: BibTeX`));
    const hrefs = await page.locator('ul.download-list a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').pop()));
    expect(hrefs).toEqual(['references.bib', 'references.ris', 'references.json', 'references-all.bib', 'references-all.ris', 'references-all.json']);
    const keysOf = async (file: string) => {
      const text = await (await page.goto(siteUrl(file)))!.text();
      if (file.endsWith('.json')) return (JSON.parse(text) as { id: string }[]).map((r) => r.id);
      if (file.endsWith('.bib')) return [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
      return [...text.matchAll(/^ID {2}- (.+)$/gm)].map((m) => m[1]);
    };
    for (const ext of ['bib', 'ris', 'json']) {
      expect(await keysOf(`references.${ext}`), ext).toEqual(cited);
      expect(await keysOf(`references-all.${ext}`), `all ${ext}`).toEqual([...cited, ...uncited]);
    }
    const site = await (await page.goto(siteUrl('cite/site.ris')))!.text();
    expect(site).toMatch(/^TY {2}- /m);
    await page.close();
  });

  test('the downloads read back in citation-js with their fields; RIS has no untagged line', async () => {
    // The bytes as a reference manager reads the saved file: UTF-8, whatever charset the host names (or not) for .bib/.ris.
    const fetchText = async (file: string) => Buffer.from(await (await fetch(siteUrl(file))).arrayBuffer()).toString('utf8');
    const bib = await fetchText('references.bib');
    const ris = await fetchText('references.ris');
    const json = JSON.parse(await fetchText('references.json')) as CslRecord[];
    const fromBib = new Map((new Cite(bib, { forceType: '@biblatex/text' }).data as CslRecord[]).map((r) => [String(r['citation-key']), r]));
    const fromRis = parseBibliography(ris, 'references.ris');
    expect(ris.split('\n').filter((l) => l && !/^[A-Z][A-Z0-9] {2}- /.test(l))).toEqual([]);
    expect(bib).not.toMatch(/month = \{/);
    expect(fromRis.map((r) => r.id)).toEqual(json.map((r) => r.id));
    json.forEach((record, i) => {
      for (const read of [fromBib.get(record.id), fromRis[i]]) {
        expect(read?.title, record.id).toBe(record.title);
        expect(JSON.stringify(read?.['issued']), record.id).toBe(JSON.stringify(record['issued']));
        for (const field of ['DOI', 'PMID', 'PMCID'] as const) expect(read?.[field], `${record.id} ${field}`).toBe(record[field]);
      }
    });
  });

  test('the references page opens with the works: the coverage sentence near the top, the unmatched numbers folded below the list', async () => {
    for (const width of [375, 1440]) {
      const page = await browser.newPage({ viewport: { width, height: width < 800 ? 812 : 900 } });
      await page.goto(siteUrl('references/'));
      // The list of works starts on the first screen, after the downloads and one sentence on the source's numbers.
      const top = await page.locator('#cited-works').evaluate((h) => h.getBoundingClientRect().top);
      expect(top, `${width}px`).toBeLessThan(page.viewportSize()!.height);
      const order = await page.evaluate(() => ['.download-list', '.coverage-sentence', '#cited-works', '#uncited', '#unmatched-numbers']
        .map((s) => document.querySelector(s)).map((el, i, all) => i === 0 || !!(all[i - 1]!.compareDocumentPosition(el!) & Node.DOCUMENT_POSITION_FOLLOWING)));
      expect(order).toEqual([true, true, true, true, true]);
      const numbers = page.locator('.unmatched-numbers');
      await expect(numbers.isVisible()).resolves.toBe(false);
      await expect(page.locator('details.unmatched-details > summary').textContent()).resolves.toMatch(/^\d+ numbers, each with the places that cite /);
      // The sentence links to the folded list, and a link to one number opens it.
      await expect(page.locator('.coverage-sentence a').getAttribute('href')).resolves.toBe('#unmatched-numbers');
      const first = await numbers.locator('li').first().getAttribute('id');
      await page.goto(siteUrl(`references/#${first}`));
      await expect(page.locator(`#${first}`).isVisible()).resolves.toBe(true);
      await page.close();
    }
  });

  test('pages carry Highwire citation tags for Zotero and Scholar', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    const tags = await page.locator('meta[name^=citation_]').evaluateAll((ms) => ms.map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    const names = tags.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(['citation_title', 'citation_author', 'citation_publication_date', 'citation_doi', 'citation_reference']));
    const refs = tags.filter(([n]) => n === 'citation_reference').length;
    await expect(page.locator('li.reference').count()).resolves.toBe(refs);
    await page.close();
  });
});
