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
