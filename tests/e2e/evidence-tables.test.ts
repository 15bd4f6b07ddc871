// The review's chapter tables made from content/evidence.json, as built: the rows the data selects, in its order,
// each citation showing the number the site gives that work everywhere else.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';
import { citeItems, type EvidenceData } from '../../src/lib/evidence/evidence-data.ts';
import { rowsOfTable } from '../../src/lib/evidence/evidence-table.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const index = buildReviewIndex('content');
const data = index.evidenceRows as EvidenceData;
const TABLES = [['progenitor-cells', 'populations'], ['preclinical-and-clinical-evidence', 'studies']] as const;

describe('chapter tables made from the studies data', () => {
  test('the data declares the tables the chapters use', () => {
    expect(inject('distDir')).toBeTruthy();
    for (const [, name] of TABLES) expect(rowsOfTable(data, name).length, name).toBeGreaterThan(0);
  });

  test.each(TABLES)('%s: the table holds the data\'s rows for "%s", linked to their entries, numbered as the page\'s reference list', async (slug, name) => {
    const page = await browser.newPage();
    await page.goto(siteUrl(`chapters/${slug}/`));
    const table = page.locator(`table[data-evidence-table="${name}"]`);
    await expect(table.count()).resolves.toBe(1);
    const rows = await table.locator('tr[data-evidence-row]').evaluateAll((trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-evidence-row') ?? '',
      link: tr.querySelector('td a')?.getAttribute('href') ?? '',
      cites: [...tr.querySelectorAll('.citation a[href^="#ref-"]')].map((a) => [a.getAttribute('href')?.slice(5) ?? '', Number(a.textContent)] as [string, number]),
    })));
    const selected = rowsOfTable(data, name);
    expect(rows.map((r) => r.id)).toEqual(selected.map((r) => r.id));
    const listed = new Map(await page.locator('li.reference[id^=ref-]').evaluateAll((lis) => lis.map((li) => [li.id.slice(4), Number(li.getAttribute('value'))] as [string, number])));
    for (const [i, row] of rows.entries()) {
      expect(row.link, row.id).toBe(`/evidence/#${row.id}`);
      const keys = citeItems(selected[i]?.cite ?? '')?.map((item) => item.key) ?? [];
      // A range (`3–5`) shows only its ends; every number shown belongs to a key of the row and is the site's number.
      for (const [key, n] of row.cites) {
        expect(keys, `${row.id}: ${key}`).toContain(key);
        expect(n, `${row.id}: ${key}`).toBe(index.numbers.get(key));
        expect(n, `${row.id}: ${key}`).toBe(listed.get(key));
      }
      expect(row.cites.length, row.id).toBeGreaterThan(0);
    }
    await page.close();
  });
});
