// Quality gates over the built site: accessibility, valid HTML, links, security, weight and metadata.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from '../support/browser.ts';
import { builtPages, resolveInDist } from '../support/dist-pages.ts';

const dist = inject('distDir');
const pages = builtPages(dist);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function axe(page: Page, context?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (ctx) => {
    const run = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
    return run(ctx ?? document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
  }, context);
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  test.each(['light', 'dark'] as const)('no violations on any page in the %s theme', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    for (const { path } of pages) {
      await page.goto(siteUrl(path));
      expect(await axe(page), `${colorScheme} /${path}`).toEqual([]);
    }
    await context.close();
    // The single-page edition holds every chapter: axe needs as long for it as for all chapter pages together.
  }, 480_000);

  test.each(['light', 'dark'] as const)('no violations with a citation card, an entity card, a figure dialog and the search dialog open (%s)', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(siteUrl('chapters/repair-mechanisms/'));
    await page.locator('.citation a').first().focus();
    await page.locator('.cite-card').waitFor({ state: 'visible' });
    expect(await axe(page), 'citation card').toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('a.entity').first().focus();
    await page.locator('.entity-card').waitFor({ state: 'visible' });
    await page.locator('.entity-card .card-title').waitFor();
    expect(await axe(page), 'entity card').toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.figure-enlarge').first().click();
    expect(await axe(page), 'figure dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog input[type=search]').fill('CXCR4');
    await page.locator('dialog.search-dialog .search-results li').first().waitFor();
    expect(await axe(page), 'search dialog').toEqual([]);
    await context.close();
  }, 180_000);

  test.each(['light', 'dark'] as const)('no violations with "Highlight terms" on, menu and contents open (%s)', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    await context.addInitScript(() => localStorage.setItem('highlight-terms', 'on'));
    const page = await context.newPage();
    for (const path of ['', 'chapters/repair-mechanisms/', 'entities/']) {
      await page.goto(siteUrl(path));
      await expect(page.evaluate(() => document.documentElement.dataset['highlight'])).resolves.toBe('on');
      expect(await axe(page), `${colorScheme} /${path} highlighted`).toEqual([]);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('.toc summary').click();
    await page.locator('.chapter-menu summary').click();
    // The open menu overlays the page, so the check covers what was opened: the header with its menu, and the rail.
    expect(await axe(page, '.site-header'), `${colorScheme} phone menu open`).toEqual([]);
    expect(await axe(page, '.rail'), `${colorScheme} phone contents open`).toEqual([]);
    await context.close();
  }, 120_000);

  test('skip link, landmarks, one h1, visible focus and reduced motion', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    for (const { path } of pages.filter((p) => !p.path.startsWith('404'))) {
      await page.goto(siteUrl(path));
      await expect(page.locator('h1').count(), path).resolves.toBe(1);
      await expect(page.locator('main#main').count(), path).resolves.toBe(1);
      await expect(page.locator('header.site-header').count(), path).resolves.toBe(1);
    }
    await page.goto(siteUrl('chapters/introduction/'));
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const outline = await skip.evaluate((a) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // Past the rail too: the skip link lands on the text.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('page-content');
    const behaviour = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    expect(behaviour).toBe('auto');
    await page.close();
  });
});

describe('valid HTML', () => {
  test('html-validate reports no errors on any page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const problems: string[] = [];
    for (const { path, html } of pages) {
      const report = await validator.validateString(html, path);
      for (const m of report.results.flatMap((r) => r.messages)) problems.push(`/${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('links', () => {
  const HOSTS = ['doi.org', 'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov', 'www.genenames.org', 'www.uniprot.org', 'www.ebi.ac.uk', 'pubchem.ncbi.nlm.nih.gov', 'meshb.nlm.nih.gov', 'purl.obolibrary.org', 'clinicaltrials.gov', 'identifiers.org', 'hpo.jax.org', 'disease-ontology.org', 'www.mirbase.org'];

  test('every internal link and fragment resolves', () => {
    const byFile = new Map(pages.map((p) => [p.file, p]));
    const broken: string[] = [];
    for (const page of pages) {
      for (const { value } of page.links) {
        if (/^(https?:|mailto:|data:)/.test(value)) continue;
        const url = new URL(value, `http://site/${page.path}`);
        const file = resolveInDist(dist, url.pathname);
        if (!file) { broken.push(`/${page.path} → ${value}`); continue; }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !byFile.get(file)?.ids.has(fragment)) broken.push(`/${page.path} → ${value} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
    expect(pages.reduce((n, p) => n + p.links.length, 0)).toBeGreaterThan(1000);
    // The single-page edition is one of the pages every check here runs on.
    expect(pages.map((p) => p.path)).toContain('review/');
  });

  test('external links are well-formed https URLs to expected hosts, opened without referrer or opener', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const { tag, value, rel } of page.links.filter((l) => /^https?:/.test(l.value))) {
        if (tag === 'link' || tag === 'meta') continue;
        let url: URL | undefined;
        try { url = new URL(value); } catch { bad.push(`${page.path}: malformed ${value}`); continue; }
        checked += 1;
        if (url.protocol !== 'https:' || !HOSTS.includes(url.host)) bad.push(`${page.path}: ${value}`);
        if (!/\bnoopener\b/.test(rel) || !/\bnoreferrer\b/.test(rel)) bad.push(`${page.path}: rel="${rel}" on ${value}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('security', () => {
  test('a strict Content-Security-Policy on every page, and no inline scripts', () => {
    for (const { path, html } of pages) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp, path).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].filter((m) => !/type="application\/ld\+json"/.test(m[1] ?? ''));
      expect(inline.map((m) => m[0]), path).toEqual([]);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
    }
  });

  test('a _headers file gives static hosts the same policy and the other security headers', () => {
    const file = join(dist, '_headers');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (const name of ['Content-Security-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy']) expect(text).toContain(`${name}: `);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(pages[0]?.html ?? '')?.[1] ?? '';
    expect(text).toContain(meta.replace(/&#39;/g, "'"));
  });

  test('no console errors from the policy on any page', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    for (const { path } of pages) await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('weight', () => {
  test('a chapter page costs at most 60 KB gzipped, 10 KB of it JavaScript, with no web fonts and no layout shift', async () => {
    for (const path of ['chapters/progenitor-cells/', 'chapters/challenges-and-future-directions/', '', 'evidence/']) {
      const page = await browser.newPage();
      // A slow CPU makes the parser paint part-parsed pages, which is where shifts hide on a fast machine.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      const bodies: { url: string; type: string; gzip: number }[] = [];
      page.on('response', async (r) => {
        const body = await r.body().catch(() => Buffer.alloc(0));
        bodies.push({ url: r.url(), type: r.request().resourceType(), gzip: gzipSync(body).length });
      });
      await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const total = bodies.reduce((n, b) => n + b.gzip, 0);
      const js = bodies.filter((b) => b.type === 'script').reduce((n, b) => n + b.gzip, 0);
      expect(total, path).toBeLessThanOrEqual(60 * 1024);
      expect(js, path).toBeLessThanOrEqual(10 * 1024);
      expect(bodies.filter((b) => b.type === 'font' || /pagefind/.test(b.url)).map((b) => b.url), path).toEqual([]);
      const shift = await page.evaluate(() => new Promise<number>((done) => {
        let sum = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value; }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(sum), 200);
      }));
      expect(shift, path).toBe(0);
      await page.close();
    }
  });
});

describe('metadata', () => {
  test('sitemap, robots.txt, canonical URLs, Open Graph and Twitter tags', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/.+sitemap-index\.xml$/m);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const { path, html } of pages.filter((p) => !p.path.startsWith('404'))) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, path).toMatch(new RegExp(`/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(sitemap, path).toContain(`<loc>${canonical}</loc>`);
      for (const tag of ['og:title', 'og:description', 'og:type', 'og:url']) expect(html, `${path} ${tag}`).toContain(`property="${tag}"`);
      for (const tag of ['twitter:card', 'twitter:title']) expect(html, `${path} ${tag}`).toContain(`name="${tag}"`);
    }
  });

  test('JSON-LD ScholarlyArticle with authors, DOI, citations with sameAs links and entities it is about', () => {
    const html = pages.find((p) => p.path === 'chapters/repair-mechanisms/')?.html ?? '';
    const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(json['@type']).toBe('ScholarlyArticle');
    expect(json.isBasedOn.author.length).toBeGreaterThan(1);
    expect(json.isBasedOn.identifier).toMatchObject({ propertyID: 'DOI' });
    expect(json.citation.length).toBeGreaterThan(5);
    expect(json.citation.some((c: { sameAs?: string[] }) => c.sameAs?.some((s) => s.startsWith('https://pubmed.ncbi.nlm.nih.gov/')))).toBe(true);
    expect(json.about.some((a: { sameAs: string[] }) => a.sameAs.some((s) => s.startsWith('https://www.ncbi.nlm.nih.gov/gene/')))).toBe(true);
  });
});
