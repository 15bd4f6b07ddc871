import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('entities, glossary and figures', () => {
  test('an entity mention opens a card with its identifiers and mention count', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    const mention = page.locator('a.entity[data-entity="cxcr4"]').first();
    await mention.hover();
    const card = page.locator('.entity-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('.card-title').textContent()).resolves.toMatch(/CXCR4/);
    const links = await card.locator('.card-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((h) => h.startsWith('https://www.ncbi.nlm.nih.gov/gene/'))).toBe(true);
    expect(links.some((h) => h.startsWith('https://www.uniprot.org/uniprotkb/'))).toBe(true);
    await expect(card.locator('.card-more').textContent()).resolves.toMatch(/Mentioned \d+ times?/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });

  test('the entities page groups by type, filters by alias, and links every mention to its section', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('entities/'));
    await expect(page.locator('section[data-entity-group]').count()).resolves.toBeGreaterThan(3);
    await page.locator('#entity-filter-text').fill('cxcl12');
    const visible = await page.locator('.entity-entry:not([hidden])').evaluateAll((els) => els.map((e) => e.id));
    expect(visible).toContain('cxcl12');
    expect(visible.length).toBeLessThan(5);
    await page.locator('#entity-filter-text').fill('');
    const mention = page.locator('#cxcr4 .mentions a').first();
    const href = await mention.getAttribute('href');
    await page.goto(new URL(href ?? '', page.url()).href);
    await expect(page.locator(`#${new URL(page.url()).hash.slice(1)}`).count()).resolves.toBe(1);
    await page.close();
  });

  test('the entities page shows readers what the chapters mention, without the curation notes', async () => {
    const notes = (JSON.parse(readFileSync('content/entities.json', 'utf8')) as { notes?: string }[]).flatMap((e) => e.notes ?? []);
    expect(notes.length).toBeGreaterThan(10); // the notes stay in the data
    const cards = JSON.parse(readFileSync(join(inject('distDir'), 'entity-cards.json'), 'utf8')) as Record<string, { mentions: number; note?: string }>;
    const mentioned = Object.entries(cards).filter(([, c]) => c.mentions > 0).map(([id]) => id).sort();
    expect(mentioned.length).toBeLessThan(Object.keys(cards).length);
    const page = await browser.newPage();
    await page.goto(siteUrl('entities/'));
    const listed = await page.locator('.entity-entry').evaluateAll((els) => els.map((e) => e.id).sort());
    expect(listed).toEqual(mentioned);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Not mentioned in the chapters|No verified identifier|usual referent/);
    for (const note of notes) expect(text).not.toContain(note);
    await expect(page.locator('.article-meta').textContent()).resolves.toContain(`${mentioned.length} entities`);
    // An entry without a record of its own says why in a reader's words (here a family: its members are listed).
    await expect(page.locator('#nfkb .entity-note').textContent()).resolves.toMatch(/^A family of related molecules/);
    // The cards say the same, never the curation note.
    for (const card of Object.values(cards)) if (card.note) expect(notes).not.toContain(card.note);
    await page.close();
  });

  test('the glossary lists abbreviations linked to where they are used, and chapters expand them', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('glossary/'));
    await expect(page.locator('.glossary-entry').count()).resolves.toBeGreaterThan(25);
    for (const id of ['ivd', 'nppc', 'ecm', 'ube']) await expect(page.locator(`#${id} dt`).count()).resolves.toBe(1);
    await expect(page.locator('#nppc .mentions a').count()).resolves.toBeGreaterThan(0);
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    await expect(page.locator('abbr[title="extracellular matrix"]').count()).resolves.toBe(1);
    await page.close();
  });

  test('a figure opens enlarged in a dialog; Esc closes it and focus returns', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/pathophysiology/'));
    const figure = page.locator('figure.figure').first();
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(/^Figure 1\./);
    await expect(figure.locator('svg[role=img]').getAttribute('aria-labelledby')).resolves.toBeTruthy();
    const button = figure.locator('.figure-enlarge');
    await button.click();
    const dialog = page.locator('dialog.figure-dialog');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(true);
    await expect(dialog.locator('svg').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.close();
  });

  test('figure text follows the dark theme', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/pathophysiology/'));
    const fill = await page.locator('figure svg .fig-label').first().evaluate((t) => getComputedStyle(t).fill);
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(fill).toBe(text);
    await context.close();
  });
});
