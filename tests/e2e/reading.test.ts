import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl, watchPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

function builtPages(): string[] {
  const dist = inject('distDir');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'pagefind' || n === '_astro' ? [] : walk(p)) : n === 'index.html' ? [relative(dist, dir)] : [];
  });
  return walk(dist).map((d) => (d ? `${d}/` : ''));
}

describe('reading the review', () => {
  test('home → first chapter → next → previous', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl());
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.locator('#key-findings + ul li').count()).resolves.toBeGreaterThanOrEqual(3);
    const first = page.locator('.card-list a').first();
    const firstTitle = (await first.textContent())?.replace(/^\d+\.\s*/, '').trim();
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(firstTitle);
    const url1 = page.url();
    await page.locator('.pager a[rel=next]').click();
    expect(page.url()).not.toBe(url1);
    await expect(page.locator('.eyebrow').textContent()).resolves.toMatch(/Chapter 2 of/);
    await page.locator('.pager a[rel=prev]').click();
    expect(page.url()).toBe(url1);
    await page.close();
  });

  test('table-of-contents links land on their headings', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await page.goto(siteUrl('chapters/progenitor-cells/'));
    const links = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      await page.locator(`.toc a[href="${href}"]`).click();
      const heading = page.locator(href);
      await expect(heading.evaluate((el) => /^H[2-4]$/.test(el.tagName))).resolves.toBe(true);
      const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(80);
      expect(new URL(page.url()).hash).toBe(href);
    }
    await page.close();
  });

  test('every heading carries a link to itself', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/pathophysiology/'));
    const pairs = await page.locator('.prose :is(h2,h3)').evaluateAll((hs) => hs.map((h) => [h.id, h.querySelector('a.heading-anchor')?.getAttribute('href')]));
    expect(pairs.length).toBeGreaterThan(2);
    for (const [id, href] of pairs) expect(href).toBe(`#${id}`);
    await page.close();
  });

  test('from the skip link, Tab reaches the first citation in a few presses on every chapter; entity marks are not tab stops', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const chapters = builtPages().filter((p) => /^chapters\/[^/]+\/$/.test(p));
    expect(chapters.length).toBeGreaterThan(5);
    const presses = async (): Promise<number> => {
      for (let n = 1; n <= 60; n++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => !!document.activeElement?.closest('.prose .citation'))) return n;
        expect(await page.evaluate(() => document.activeElement?.matches('a.entity')), 'an entity mark took focus').toBe(false);
      }
      return Infinity;
    };
    const counts: Record<string, number> = {};
    for (const path of chapters) {
      await page.goto(siteUrl(path));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // the skip link
      counts[path] = await presses();
    }
    // Before: 12–30 presses after the skip link (27 on chapter 5), one per marked term and per contents entry.
    // After: 2–5 (the chapter's own links before its first citation: "whole review", a cross-reference).
    for (const [path, n] of Object.entries(counts)) expect(n, path).toBeLessThanOrEqual(8);
    await page.close();
  });

  test('with "Highlight terms" on, entity marks are tab stops and their cards can be entered', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('highlight-terms', 'on'));
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    let entity = false;
    for (let n = 0; n < 15 && !entity; n++) {
      await page.keyboard.press('Tab');
      entity = await page.evaluate(() => !!document.activeElement?.matches('.prose a.entity'));
    }
    expect(entity).toBe(true);
    await page.locator('.entity-card .card-title').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('.entity-card'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.matches('.prose a.entity'))).resolves.toBe(true);
    await context.close();
  });

  test('a citation card is entered with Tab, left by Tab past its last link, and Esc returns to the citation', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(siteUrl('chapters/introduction/'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let n = 0; n < 10 && !(await page.evaluate(() => !!document.activeElement?.closest('.prose .citation'))); n++) await page.keyboard.press('Tab');
    const card = page.locator('.cite-card');
    await card.waitFor({ state: 'visible' });
    const cite = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      return { number: a.textContent, expanded: a.getAttribute('aria-expanded'), controls: a.getAttribute('aria-controls') };
    });
    await expect(card.getAttribute('role')).resolves.toBe('dialog');
    await expect(card.getAttribute('aria-label')).resolves.toBe(`Reference ${cite.number}`);
    expect(cite.expanded).toBe('true');
    await expect(card.getAttribute('id')).resolves.toBe(cite.controls);
    const names = await card.locator('.reference-links a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(new RegExp(`^(DOI|PubMed|PMC), reference ${cite.number}$`));
    // Tab walks the card's links in order, then leaves it for the text after the citation.
    const links = await card.locator('a').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
    const visited: string[] = [];
    for (let n = 0; n < 10; n++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const citation = document.querySelector('.prose .citation')!;
        return { inCard: !!a.closest('.cite-card'), text: a.textContent ?? '', after: !!(citation.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING), inMain: !!a.closest('main') };
      });
      if (!where.inCard) {
        expect(where.after && where.inMain).toBe(true);
        break;
      }
      visited.push(where.text);
    }
    expect(visited).toEqual(links);
    expect(visited).toContain('DOI');
    // The card is closed, or shows whatever took focus next (here, the next citation).
    await page.waitForFunction((label) => { const c = document.querySelector('.cite-card')!; return !c.matches(':popover-open') || c.getAttribute('aria-label') !== label; }, `Reference ${cite.number}`);
    // Back to the citation, into the card, and Esc: the card closes and focus is on the citation again.
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((label) => document.querySelector('.cite-card')!.getAttribute('aria-label') === label, `Reference ${cite.number}`);
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('.cite-card'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => ({
      inCitation: !!document.activeElement?.closest('.prose .citation'),
      text: document.activeElement?.textContent,
      expanded: document.activeElement?.getAttribute('aria-expanded'),
    }))).resolves.toEqual({ inCitation: true, text: cite.number, expanded: null });
    await page.close();
  });

  test('the theme switch persists across a reload and pages', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(siteUrl());
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.locator('[data-theme-toggle]').click(); // system → light
    await page.locator('[data-theme-toggle]').click(); // light → dark
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    await expect(bg()).resolves.toBe(dark);
    await page.goto(siteUrl('references/'));
    await expect(bg()).resolves.toBe(dark);
    await context.close();
  });

  test('a narrow screen shows the chapter menu instead of the sidebar, without horizontal scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(siteUrl('chapters/introduction/'));
    await expect(page.locator('.chapter-sidebar').isVisible()).resolves.toBe(false);
    const menu = page.locator('.chapter-menu summary');
    await expect(menu.isVisible()).resolves.toBe(true);
    await menu.click();
    await expect(page.locator('.chapter-menu nav a').first().isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await page.close();
  });

  test('a wide screen shows the sidebar and keeps lines readable', async () => {
    const page = await browser.newPage({ viewport: { width: 2560, height: 1200 } });
    await page.goto(siteUrl('chapters/introduction/'));
    await expect(page.locator('.chapter-sidebar').isVisible()).resolves.toBe(true);
    const width = await page.locator('.prose p').first().evaluate((p) => p.getBoundingClientRect().width);
    expect(width).toBeLessThan(900);
    await page.close();
  });

  test('no console errors and no failed requests on any page', async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(5);
    const page = await browser.newPage();
    const { problems } = watchPage(page);
    for (const path of pages) {
      await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
      expect(problems, path).toEqual([]);
    }
    await page.close();
  });

  test('chapters read with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    await page.locator('.pager a[rel=next]').click();
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    await expect(page.locator('.citation a').first().getAttribute('href')).resolves.toMatch(/^#ref-/);
    await context.close();
  });

  test('a chapter prints without site chrome and shows where each reference link goes', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/introduction/'));
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.chapter-sidebar', '.pager', '.toc', '.site-footer']) {
      await expect(page.locator(chrome).first().isVisible(), chrome).resolves.toBe(false);
    }
    const link = page.locator('.reference-links a[href^="https://doi.org/"]').first();
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(await link.getAttribute('href'));
    await page.close();
  });

  test('an unknown address gets the helpful 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(siteUrl('no/such/page/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await expect(page.locator('main a[href$="search/"]').count()).resolves.toBe(1);
    await page.close();
  });
});
