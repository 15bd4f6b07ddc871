// The reading layout: one grid at every width, a compact header, the contents rail with its scroll-spy, and the
// two annotation modes (quiet first mentions; every mention highlighted on request).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { builtPages } from '../support/dist-pages.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const pages = builtPages(inject('distDir')).map((p) => p.path);
const CHAPTER = 'chapters/progenitor-cells/';

/** Mentions a reader can see as marked: a background tint or an underline. */
const visiblyMarked = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.prose :is(a.entity, span.mention)')]
  .filter((el) => { const s = getComputedStyle(el); return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.textDecorationLine !== 'none'; }).length);

describe('one grid at every width', () => {
  test.each([320, 375, 768, 1280, 1920])('no page scrolls sideways at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(siteUrl(path));
      if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) wide.push(path);
    }
    expect(wide).toEqual([]);
    await page.close();
  }, 120_000);

  test('every page puts its text in the same column at 1440 px', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const lefts = new Set<number>();
    for (const path of pages) {
      await page.goto(siteUrl(path));
      lefts.add(Math.round(await page.locator('main .main-body').evaluate((el) => el.getBoundingClientRect().left)));
      await expect(page.locator('.chapter-sidebar').isVisible(), path).resolves.toBe(true);
    }
    expect([...lefts]).toHaveLength(1);
    await page.close();
  });

  test('a chapter line holds about 65–75 characters on a wide screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl(CHAPTER));
    // Characters per line, averaged over the first long paragraphs' full lines.
    const perLine = await page.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.prose > p')].find((el) => el.textContent!.length > 400)!;
      const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return p.textContent!.length / lines;
    });
    expect(perLine).toBeGreaterThan(60);
    expect(perLine).toBeLessThan(80);
    await page.close();
  });
});

describe('header', () => {
  test('at 375 px it is one row, no taller than 64 px, with search, theme and menu', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(siteUrl(CHAPTER));
    const box = await page.locator('header.site-header').boundingBox();
    expect(box?.height).toBeLessThanOrEqual(64);
    for (const control of ['a.site-title', 'a.search-open', '[data-theme-toggle]', '.chapter-menu summary']) {
      const b = await page.locator(control).boundingBox();
      expect(b, control).not.toBeNull();
      expect(b!.y + b!.height, control).toBeLessThanOrEqual(64);
    }
    // The search button is an icon with an accessible name.
    const search = page.locator('header.site-header').getByRole('link', { name: 'Search', exact: true });
    await expect(search.evaluate((a) => a.classList.contains('search-open'))).resolves.toBe(true);
    expect((await search.boundingBox())!.width).toBeLessThanOrEqual(48);
    await page.close();
  });

  test('the menu opens the chapters and the site pages, and Esc closes it', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(siteUrl(CHAPTER));
    await page.locator('.chapter-menu summary').click();
    const links = await page.locator('.chapter-menu nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/${CHAPTER}`);
    for (const p of ['references/', 'entities/', 'glossary/', 'community/']) expect(links).toContain(`/${p}`);
    await expect(page.locator('.chapter-menu nav a[aria-current="page"]').getAttribute('href')).resolves.toBe(`/${CHAPTER}`);
    await page.keyboard.press('Escape');
    await expect(page.locator('.chapter-menu').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.close();
  });

  test('the theme button says what the theme is and what a press does', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(siteUrl());
    const button = page.getByRole('button', { name: /^Theme: automatic.*switch to light$/ });
    await expect(button.count()).resolves.toBe(1);
    await expect(button.getAttribute('title')).resolves.toMatch(/^Theme: automatic/);
    await button.click();
    await expect(page.getByRole('button', { name: 'Theme: light — switch to dark' }).getAttribute('title')).resolves.toBe('Theme: light — switch to dark');
    await context.close();
  });
});

describe('"On this page"', () => {
  test('on a wide screen it is a sticky rail that marks the section being read', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(siteUrl(CHAPTER));
    const rail = page.locator('.rail-inner');
    await expect(page.locator('.toc ol a').first().isVisible()).resolves.toBe(true);
    await expect(rail.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('sticky');
    const ids = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    const target = ids[Math.floor(ids.length / 2)]!;
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), target);
    await page.waitForFunction((id) => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === `#${id}`, target);
    // Still in view after scrolling half the chapter: the rail stays put.
    const box = await rail.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(200);
    await expect(page.locator('.toc a[aria-current]').count()).resolves.toBe(1);
    await page.close();
  });

  test('on a phone it is a closed disclosure at the top of the chapter', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(siteUrl(CHAPTER));
    const summary = page.locator('.toc summary');
    const [tocBox, h1Box] = [await summary.boundingBox(), await page.locator('h1').boundingBox()];
    expect(tocBox!.y).toBeLessThan(h1Box!.y);
    await expect(page.locator('.toc ol a').first().isVisible()).resolves.toBe(false);
    await summary.click();
    await expect(page.locator('.toc ol a').first().isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('annotation', () => {
  test('by default each entity is marked at most once per section, quietly (not in the link colour)', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    const repeats = await page.evaluate(() => {
      const seen = new Map<string, number>();
      let section = 0;
      for (const el of document.querySelectorAll('.prose h2, .prose a.entity')) {
        if (el.tagName === 'H2') { section += 1; continue; }
        const key = `${section}:${(el as HTMLElement).dataset['entity']}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen].filter(([, n]) => n > 1);
    });
    expect(repeats).toEqual([]);
    const [entity, link] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.prose p a.entity')!).color,
      getComputedStyle(document.querySelector('.prose p a:not(.entity):not(.citation a)') ?? document.querySelector('.citation a')!).color,
    ]);
    expect(entity).toBe(await page.evaluate(() => getComputedStyle(document.querySelector('.prose p')!).color));
    expect(entity).not.toBe(link);
    await expect(page.locator('.prose span.mention').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  test('"Highlight terms" marks every mention by kind, with a legend, and is remembered across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    const quiet = await visiblyMarked(page);
    const all = await page.locator('.prose :is(a.entity, span.mention)').count();
    expect(all).toBeGreaterThan(quiet);
    const toggle = page.locator('[data-highlight-toggle]');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(visiblyMarked(page)).resolves.toBe(all);
    await expect(page.locator('.highlight-legend').isVisible()).resolves.toBe(true);
    // Kinds get different colours.
    const colours = await page.evaluate(() => new Set(['gene', 'chemical', 'cellType'].map((t) => {
      const el = document.querySelector(`.prose span.mention[data-type="${t}"]`);
      return el ? getComputedStyle(el).backgroundColor : t;
    })).size);
    expect(colours).toBe(3);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset['highlight'])).resolves.toBe('on');
    await expect(page.locator('[data-highlight-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(visiblyMarked(page)).resolves.toBe(all);
    await page.locator('[data-highlight-toggle]').click();
    await expect(visiblyMarked(page)).resolves.toBe(quiet);
    await context.close();
  });

  test.each([[375, 800], [1440, 900]])('turning "Highlight terms" on moves nothing, and its key is beside the switch (%i px)', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    const boxes = () => page.evaluate(() => [...document.querySelectorAll('.prose > p, h1, .highlight-legend')].slice(0, 6).map((el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    }));
    const shifts = () => page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    await page.evaluate(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) (window as unknown as { shifts: number }).shifts += (e as unknown as { value: number }).value; }).observe({ type: 'layout-shift' });
    });
    const before = await boxes();
    await page.locator('[data-highlight-toggle]').click();
    await expect(page.evaluate(() => document.documentElement.dataset['highlight'])).resolves.toBe('on');
    expect(await boxes()).toEqual(before);
    await page.locator('[data-highlight-toggle]').click();
    expect(await boxes()).toEqual(before);
    // Layout Instability API: shifts are recorded even right after input (they are only left out of CLS).
    expect(await shifts()).toBe(0);
    // The key is visible, in the window, right under the switch.
    await page.locator('[data-highlight-toggle]').click();
    const toggle = (await page.locator('[data-highlight-toggle]').boundingBox())!;
    const legend = (await page.locator('.highlight-legend').boundingBox())!;
    await expect(page.locator('.highlight-legend').isVisible()).resolves.toBe(true);
    expect(legend.y).toBeGreaterThanOrEqual(toggle.y + toggle.height);
    expect(legend.y - (toggle.y + toggle.height)).toBeLessThan(24);
    expect(legend.y + legend.height).toBeLessThanOrEqual(height);
    await context.close();
  });

  test('the entity card still opens from the keyboard with highlighting on', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl(CHAPTER));
    await page.locator('[data-highlight-toggle]').click();
    await page.locator('.prose a.entity').first().focus();
    await page.locator('.entity-card .card-title').waitFor();
    await page.keyboard.press('Escape');
    await expect(page.locator('.entity-card').isVisible()).resolves.toBe(false);
    await context.close();
  });

  test('without JavaScript the first mentions are still marked and linked', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(CHAPTER));
    await expect(page.locator('[data-highlight-toggle]').isVisible()).resolves.toBe(false);
    const first = page.locator('.prose a.entity').first();
    await expect(first.evaluate((a) => getComputedStyle(a).textDecorationLine)).resolves.toBe('underline');
    await expect(first.getAttribute('href')).resolves.toMatch(/\/entities\/#/);
    await context.close();
  });
});

describe('wide tables', () => {
  const EVIDENCE = 'chapters/preclinical-and-clinical-evidence/';

  test('at 375 px a wide table scrolls in its own labelled, focusable box, with a cue on the side that has more', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(siteUrl(EVIDENCE));
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    const box = page.locator('.table-frame > .table-scroll').filter({ has: page.locator('th') }).last();
    await expect(box.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await expect(box.getAttribute('role')).resolves.toBe('region');
    await expect(box.getAttribute('tabindex')).resolves.toBe('0');
    const headings = await box.locator('th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim()));
    await expect(box.getAttribute('aria-label')).resolves.toBe(`Table: ${headings.join(', ')}`);
    const cue = () => box.evaluate((el) => ({
      left: getComputedStyle(el.parentElement!, '::before').opacity,
      right: getComputedStyle(el.parentElement!, '::after').opacity,
    }));
    await expect(cue()).resolves.toEqual({ left: '0', right: '1' });
    // By keyboard: Tab reaches the box, the arrow keys scroll it.
    await box.evaluate((el) => { const before = [...document.querySelectorAll<HTMLElement>('a, button, [tabindex="0"]')].filter((x) => x.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(x)).at(-1); before?.focus(); });
    for (let n = 0; n < 10 && !(await box.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press('Tab');
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((el) => el.scrollLeft > 0 && el.parentElement!.classList.contains('more-left'), await box.elementHandle());
    await expect(cue()).resolves.toEqual({ left: '1', right: '1' });
    await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await page.waitForFunction((el) => !el.parentElement!.classList.contains('more-right'), await box.elementHandle());
    await expect(cue()).resolves.toEqual({ left: '1', right: '0' });
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await context.close();
  });

  test('a table that fits shows no cue', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl('chapters/pathophysiology/'));
    const frame = page.locator('.table-frame').first();
    await expect(frame.locator('.table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
    await expect(frame.evaluate((el) => [el.classList.contains('more-left'), el.classList.contains('more-right')])).resolves.toEqual([false, false]);
    await page.close();
  });
});

describe('home page', () => {
  test('title, source credit, TL;DR and key findings come first; then the review at a glance', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(siteUrl());
    const top = async (sel: string) => (await page.locator(sel).first().boundingBox())!.y;
    expect(await top('#key-findings')).toBeLessThan(900);
    expect(await top('.credit a[href^="https://doi.org/"]')).toBeLessThan(await top('#tldr'));
    await expect(page.locator('.chapter-cards .reading-time').count()).resolves.toBe(await page.locator('.chapter-cards li').count());
    const entity = page.locator('.top-entities a').first();
    await expect(entity.getAttribute('href')).resolves.toMatch(/^\/entities\/#[\w-]+$/);
    await page.locator('.figure-thumb .figure-enlarge').first().click();
    await expect(page.locator('dialog.figure-dialog[open] svg').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('#community-reviews').count()).resolves.toBe(1);
    await expect(page.locator('#community-talks').count()).resolves.toBe(1);
    await page.close();
  });

  test('the community page says how to add a review while there is none', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl('community/'));
    await expect(page.locator('#reviews ~ .community-empty, .community-empty').first().textContent()).resolves.toMatch(/None yet/);
    await expect(page.locator('#how-to-add').count()).resolves.toBe(1);
    await expect(page.locator('main iframe, main video').count()).resolves.toBe(0);
    await page.close();
  });
});
