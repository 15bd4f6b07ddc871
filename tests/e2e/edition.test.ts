// The single-page edition: every chapter in order with the review-wide numbers and one reference list, unique ids,
// a clean printout, and `npm run pdf` turning it into a tagged PDF with the chapters and references in it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { builtPages } from '../support/dist-pages.ts';
import { shellEnv } from '../support/build-fixture.ts';
import { pdfOutline, pdfText } from '../support/pdf-text.ts';

const dist = inject('distDir');
const pages = builtPages(dist);
const page = (path: string) => pages.find((p) => p.path === path)!;
const chapters = pages.filter((p) => /^chapters\/[^/]+\/$/.test(p.path));
const edition = fromHtml(page('review/').html);
const classes = (el: Element) => ([] as unknown[]).concat(el.properties['className'] ?? []);
const all = (tree: Root | Element, test: (el: Element) => boolean) => {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => { if (test(el)) found.push(el); });
  return found;
};
const citationNumbers = (tree: Root | Element) => all(tree, (el) => classes(el).includes('citation')).map((el) => toString(el));
const chapterTitle = (p: { html: string }) => toString(all(fromHtml(p.html), (el) => el.tagName === 'h1')[0]!).trim();

describe('the single-page edition', () => {
  test('holds every chapter in order, each with the same citation numbers as its own page', () => {
    const sections = all(edition, (el) => el.tagName === 'section' && el.properties['dataChapter'] !== undefined);
    const order = JSON.parse(readFileSync(join(dist, 'search-terms.json'), 'utf8')).chapters as string[];
    expect(sections.map((s) => toString(all(s, (el) => el.tagName === 'h2')[0]!).replace(/^\d+\.\s*/, '').trim())).toEqual(order);
    expect(sections).toHaveLength(chapters.length);
    for (const section of sections) {
      const own = page(`chapters/${String(section.properties['dataChapter'])}/`);
      const expected = citationNumbers(fromHtml(own.html));
      expect(expected.length, own.path).toBeGreaterThan(0);
      expect(citationNumbers(section), own.path).toEqual(expected);
    }
  });

  test('has one reference list at the end, with every cited work under its review-wide number', () => {
    expect(all(edition, (el) => classes(el).includes('reference-list'))).toEqual([]);
    const entries = (tree: Root) => all(tree, (el) => el.tagName === 'li' && classes(el).includes('reference')).map((el) => `${String(el.properties['value'])} ${String(el.properties['id'])}`);
    const referencesPage = entries(fromHtml(page('references/').html)).filter((e) => !e.startsWith('undefined'));
    expect(entries(edition)).toEqual(referencesPage);
    const last = all(edition, (el) => el.tagName === 'section').at(-1)!;
    expect(toString(all(last, (el) => el.tagName === 'h2')[0]!)).toBe('References');
  });

  test('ids are unique, and links to chapters and their sections stay inside the edition', () => {
    const ids = all(edition, (el) => typeof el.properties['id'] === 'string').map((el) => String(el.properties['id']));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Links in the edition's own text, not the site's navigation around it.
    const article = all(edition, (el) => el.tagName === 'article')[0]!;
    const hrefs = all(article, (el) => el.tagName === 'a').map((el) => String(el.properties['href']));
    // Only "this chapter on its own page" leaves for a chapter page; cross-references between chapters point inside.
    expect(hrefs.filter((h) => h.includes('/chapters/'))).toHaveLength(chapters.length);
    expect(hrefs.filter((h) => h.startsWith('#')).length).toBeGreaterThan(100);
    for (const h of hrefs.filter((x) => x.startsWith('#'))) expect(ids, h).toContain(decodeURIComponent(h.slice(1)));
  });

  test('every page links it from its footer and its menu, and every chapter from its header', () => {
    const linksTo = (el: Element, href: string) => all(el, (a) => a.tagName === 'a' && a.properties['href'] === href).length;
    const checked = pages.filter((p) => p.path.endsWith('/') || p.path === '');
    expect(checked.length).toBeGreaterThan(chapters.length);
    for (const p of checked) {
      const tree = fromHtml(p.html);
      const footer = all(tree, (el) => el.tagName === 'footer' && classes(el).includes('site-footer'))[0];
      const menu = all(tree, (el) => classes(el).includes('chapter-menu'))[0];
      expect(footer && linksTo(footer, '/review/'), `${p.path} footer`).toBe(1);
      expect(menu && linksTo(menu, '/review/'), `${p.path} menu`).toBe(1);
      // The place the PDF's link goes once npm run pdf has made it.
      expect(footer && all(footer, (el) => el.properties['dataPdfLink'] === '/review.pdf').length, `${p.path} footer`).toBe(1);
    }
    for (const p of chapters) {
      const meta = all(fromHtml(p.html), (el) => classes(el).includes('article-meta'))[0]!;
      expect(linksTo(meta, '/review/'), p.path).toBe(1);
    }
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => { browser = await launchBrowser(); });
    afterAll(async () => { await browser?.close(); });

    test('prints without site chrome, each chapter from a new page, figures unbroken, reference targets shown', async () => {
      const tab = await browser.newPage();
      await tab.goto(siteUrl('review/'));
      await tab.emulateMedia({ media: 'print' });
      const style = await tab.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        footer: getComputedStyle(document.querySelector('.site-footer')!).display,
        chapterBreak: getComputedStyle(document.querySelector('.edition-chapter')!).breakBefore,
        breaks: [...document.querySelectorAll('.edition-part')].map((el) => getComputedStyle(el).breakBefore),
        figure: getComputedStyle(document.querySelector('figure')!).breakInside,
        target: getComputedStyle(document.querySelector('.reference-links a')!, '::after').content,
        runningTitle: [...document.styleSheets].some((s) => s.href?.endsWith('/review/running-title.css')),
      }));
      expect(style).toMatchObject({ header: 'none', footer: 'none', chapterBreak: 'page', figure: 'avoid', runningTitle: true });
      expect(style.target).toMatch(/attr\(href\)|https:/);
      // Every chapter, and the reference list, starts a new sheet; the summary follows the title.
      expect(style.breaks).toEqual(['auto', ...chapters.map(() => 'page'), 'page']);
      await tab.close();
    });
  });
});

describe('npm run pdf', () => {
  test('renders the edition to review.pdf: tagged, with an outline, every chapter title and the reference list, linked from the home page', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pdf-dist-'));
    cpSync(dist, copy, { recursive: true });
    const run = spawnSync(process.execPath, ['src/cli/pdf.ts', '--dir', copy], { encoding: 'utf8', env: shellEnv({ BASE_PATH: '/' }) });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/wrote .*review\.pdf: \d+ pages/);
    const pdf = readFileSync(join(copy, 'review.pdf'));
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/); // tagged
    const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    const text = flat(pdfText(pdf));
    const outline = pdfOutline(pdf).map(flat);
    const titles = chapters.map(chapterTitle);
    expect(titles).toHaveLength(8);
    for (const title of titles) {
      expect(text, title).toContain(flat(title));
      expect(outline.some((o) => o.endsWith(flat(title))), title).toBe(true);
    }
    expect(outline).toContain('References');
    // One bookmark per heading of the edition, each titled once (a heading that starts a page was named twice).
    const headings = all(all(edition, (el) => el.tagName === 'main')[0]!, (el) => /^h[1-6]$/.test(el.tagName)).map((el) => flat(toString(el)));
    expect(outline.filter((o) => /^(.+)\1$/.test(o))).toEqual([]);
    expect([...outline].sort()).toEqual([...headings].sort());
    // The reference list: every entry's number and text, and the link targets printed beside them.
    const entries = all(edition, (el) => el.tagName === 'li' && classes(el).includes('reference'));
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) {
      const body = toString(all(entry, (el) => classes(el).includes('reference-text'))[0]!);
      expect(text, body).toContain(flat(`${String(entry.properties['value'])}.${body}`).slice(0, 60));
    }
    expect(text).toContain(flat('https://doi.org/'));
    const pdfLink = /<a href="\/review\.pdf" type="application\/pdf">PDF<\/a> \(\d+ pages/g;
    expect(readFileSync(join(copy, 'index.html'), 'utf8').match(pdfLink)).toHaveLength(2); // the edition's line and the footer
    // Every page's footer links it too.
    for (const path of ['chapters/introduction/index.html', 'references/index.html', 'review/index.html', 'entities/index.html']) {
      expect(readFileSync(join(copy, path), 'utf8').match(pdfLink)?.length, path).toBeGreaterThanOrEqual(1);
    }
  }, 180_000);
});
