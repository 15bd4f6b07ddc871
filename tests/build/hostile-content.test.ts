// One real build of a review whose .md chapter and SVG figures carry published XSS and SVG filter-evasion payloads
// (tests/fixtures/hostile), with a mixed-case file name, a BOM and CRLF: it must build, give the chapter one
// address everywhere, and ship nothing a browser would act on, searched as text in every file of dist/.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer } from '../../src/cli/static-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, copyFixture } from '../support/build-fixture.ts';
import { HTML_VECTORS, SVG_VECTORS, emptyAnchors, leftoverDirectiveFences, unsafeMarkup } from '../support/hostile.ts';

let out = '';
let output = '';
let status: number | null = null;
let scriptLine = 0;
const page = (path: string) => readFileSync(join(out, path), 'utf8');

beforeAll(() => {
  const content = copyFixture();
  mkdirSync(join(content, 'figures'));
  const figures = SVG_VECTORS.map((svg, i) => {
    writeFileSync(join(content, 'figures', `hostile-${i + 1}.svg`), svg);
    return { id: `hostile-${i + 1}`, file: `hostile-${i + 1}.svg`, title: `Hostile ${i + 1}`, alt: `A drawing that carries payload ${i + 1}.`, caption: 'Sanitized.' };
  });
  writeFileSync(join(content, 'figures', 'figures.json'), JSON.stringify(figures, null, 2));
  // An SVG beside the listed ones that no chapter may publish.
  writeFileSync(join(content, 'figures', 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const body = [
    'This chapter is plain Markdown. Theanine was studied [@kettle2021calm]. The pattern .* matches anything.',
    '```js\nconst late = cup => cup.hour > 17;\n```',
    ...HTML_VECTORS,
    ...figures.map((f) => `![${f.alt}](../figures/${f.file})`),
    // Headings with nothing to make a slug of, and a note: each gets an id and a contents link with a target.
    '## 🚀', 'Launch.', '## !!!', 'Signs.', ':::editorial\nA note with a heading.\n\n### 🙂\n\nInside.\n:::', 'After the note.',
  ].join('\n\n');
  const chapter = `\uFEFF---\ntitle: "Raw HTML and figures"\norder: 3\nsummary: "A chapter in plain Markdown carrying hostile markup."\n---\n\n${body}\n`;
  writeFileSync(join(content, 'chapters', '03-Raw-HTML.md'), chapter.replace(/\n/g, '\r\n'));
  scriptLine = chapter.split('\n').indexOf(HTML_VECTORS[0]!) + 1;
  const first = join(content, 'chapters', '01-caffeine.mdx');
  writeFileSync(first, `${readFileSync(first, 'utf8')}\nMore in [the raw chapter](./03-Raw-HTML.md).\n`);
  const glossary = JSON.parse(readFileSync(join(content, 'glossary.json'), 'utf8')) as unknown[];
  writeFileSync(join(content, 'glossary.json'), JSON.stringify([...glossary, { id: 'any-text', term: '.*', expansion: 'any text', definition: 'A pattern that matches anything.' }]));
  const refs = JSON.parse(readFileSync(join(content, 'references.json'), 'utf8')) as Record<string, unknown>[];
  refs[2]!['DOI'] = 'https://doi.org/10.1000/XYZ';
  writeFileSync(join(content, 'references.json'), JSON.stringify(refs, null, 2));
  out = `${content}-dist`;
  // Astro's own log too, to see every warning as often as it is printed.
  ({ status, output } = buildSite(content, out, {}, { quiet: false }));
}, 240_000);

describe('a review with hostile markup builds, and none of it survives', () => {
  test('the build succeeds and says what it removed, with file and line', () => {
    expect(status, output).toBe(0);
    expect(HTML_VECTORS[0]).toMatch(/^<script>/);
    expect(output).toContain(`03-Raw-HTML.md:${scriptLine}: raw HTML: <script> is not allowed and is removed [html-sanitized]`);
    expect(output).toMatch(/warning: \S*03-Raw-HTML\.md:\d+: raw HTML: <meta> is not allowed and is removed \[html-sanitized\]/);
    expect(output).toMatch(/warning: \S*hostile-1\.svg:1: removed onload on <svg>: not on the SVG allow-list \[figure-sanitized\]/);
  });

  test('each warning is printed once', () => {
    const warnings = output.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.length).toBeGreaterThan(5);
    expect(warnings.filter((l, i) => warnings.indexOf(l) !== i)).toEqual([]);
  });

  test('no page shows a leftover ::: fence, an empty id or a link to "#"', () => {
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    expect(pages.flatMap((f) => leftoverDirectiveFences(readFileSync(f, 'utf8')).map((l) => `${f.slice(out.length)}: ${l}`))).toEqual([]);
    expect(pages.flatMap((f) => emptyAnchors(readFileSync(f, 'utf8')).map((l) => `${f.slice(out.length)}: ${l}`))).toEqual([]);
    const html = page('chapters/raw-html/index.html');
    const ids = [...html.matchAll(/<h[2-6] id="(section-\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(html).toContain(`href="#${id}"`);
    // The same ids in the single-page edition, prefixed, with their contents links.
    expect(page('review/index.html')).toMatch(/<h3 id="[^"]+section-\d+"/);
  });

  test('no file in dist/ holds a payload in a form a browser would act on', () => {
    const files = walk(out).filter((f) => /\.(?:html|svg|xml|json|js|css|txt|bib|ris)$/.test(f) || !f.includes('.'));
    expect(files.length).toBeGreaterThan(10);
    // The site's own search form and its no-script note are the only forms and noscript elements on a page.
    const found = files.flatMap((f) => unsafeMarkup(readFileSync(f, 'utf8'), { siteElements: ['form', 'noscript'] }).map((what) => `${f.slice(out.length)}: ${what}`));
    expect(found).toEqual([]);
    // The unlisted SVG is not copied to the site, and no SVG file other than the site's own icon is published.
    expect(files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(out.length))).toEqual(['/favicon.svg']);
  });

  test('the payloads were really on the page, disarmed: the check would have seen them', () => {
    const html = page('chapters/raw-html/index.html');
    expect(html).toContain('a good link with a handler');
    expect(html).toContain('<a href="https://ok.example/">');
    expect(html.match(/<figure id="figure-hostile-\d"/g)).toHaveLength(SVG_VECTORS.length);
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 10 10"[^>]*><rect width="10" height="10"><\/rect><\/svg>/);
  });

  test('the mixed-case, BOM, CRLF .md chapter has one address everywhere', () => {
    expect(existsSync(join(out, 'chapters/raw-html/index.html'))).toBe(true);
    expect(existsSync(join(out, 'chapters/Raw-HTML'))).toBe(false);
    expect(page('chapters/caffeine/index.html')).toContain('href="/chapters/raw-html/"');
    for (const p of ['index.html', 'chapters/caffeine/index.html', 'references/index.html']) expect(page(p), p).not.toMatch(/chapters\/Raw-HTML/);
    const html = page('chapters/raw-html/index.html');
    expect(html).toContain('<h1 data-pagefind-filter="chapter">Raw HTML and figures</h1>');
    // Its citation keeps the review-wide number and appears in its citation tags.
    expect(html).toMatch(/<a href="#ref-kettle2021calm"[^>]*>3<\/a>/);
    expect(html).toContain('<meta name="citation_reference"');
    expect(page('references/index.html')).toMatch(/href="\/chapters\/raw-html\/#cite-1"/);
  });

  test('a glossary term made of signs is marked literally', () => {
    expect(page('chapters/raw-html/index.html')).toContain('<abbr title="any text">.*</abbr>');
  });

  test('a code block has no inline style for the CSP to block', () => {
    const html = page('chapters/raw-html/index.html');
    expect(html).toMatch(/<pre><code class="language-js">const late = cup => cup.hour > 17;/);
    expect(html).not.toMatch(/<pre[^>]*style=/);
  });

  test('a DOI written as a URL is linked once', () => {
    const refs = page('references/index.html');
    expect(refs).toContain('href="https://doi.org/10.1000/XYZ"');
    expect(refs).not.toContain('doi.org/https');
  });
});

test('in Chromium, with the page policy bypassed, nothing runs, loads from outside or redirects', async () => {
  const { server, url } = await startStaticServer(out);
  const browser = await launchBrowser();
  try {
    // With the policy off, only the sanitizer stands between the payloads and the reader.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const events: string[] = [];
    page.on('dialog', (d) => { events.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith(url)) events.push(`request: ${r.url()}`); });
    page.on('framenavigated', (f) => { if (f === page.mainFrame() && !f.url().startsWith(`${url}chapters/raw-html/`)) events.push(`navigated: ${f.url()}`); });
    await page.goto(`${url}chapters/raw-html/`);
    // Hover, focus and click everything a payload could hang on, then wait out any timed redirect.
    for (const el of await page.locator('.prose :is(a, span, div, details, svg *, td, p)').all()) {
      await el.hover({ timeout: 500, trial: false }).catch(() => undefined);
      await el.focus().catch(() => undefined);
    }
    for (const link of await page.locator('.prose a:not([href])').all()) await link.click({ timeout: 500 }).catch(() => undefined);
    await page.waitForTimeout(3500);
    expect(events).toEqual([]);
    await context.close();
    // With the policy on, as served: a code block and the sanitized figures cause no CSP report.
    const strict = await browser.newPage();
    const violations: string[] = [];
    strict.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await strict.goto(`${url}chapters/raw-html/`);
    await strict.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}, 120_000);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : walk(path);
    return [path];
  });
}
