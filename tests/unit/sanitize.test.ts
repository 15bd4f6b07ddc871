// The allow-list sanitizer on its own: published XSS and SVG filter-evasion payloads, and what content needs kept.
import { readFileSync, readdirSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { checkJsxElement, isSafeLinkUrl, sanitizeSvg } from '../../src/lib/security/sanitize.ts';
import rehypeSanitizeRaw from '../../src/plugins/rehype-sanitize-raw.ts';
import { transformRawMarkup } from '../../src/plugins/remark-raw-markup.ts';
import { HTML_VECTORS, SVG_VECTORS, unsafeMarkup } from '../support/hostile.ts';

// The .md path as Astro runs it: raw HTML kept by remark-rehype, then our sanitizer first among the rehype plugins.
async function markdown(text: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSanitizeRaw).use(rehypeStringify, { allowDangerousHtml: true }).process(text);
  return String(file);
}

describe('raw HTML in .md chapters', () => {
  test('there are at least 30 published payloads to try', () => {
    expect(HTML_VECTORS.length).toBeGreaterThanOrEqual(30);
    expect(SVG_VECTORS.length).toBeGreaterThanOrEqual(5);
  });

  test('the check used below finds every payload as written, before sanitizing', () => {
    expect([...HTML_VECTORS, ...SVG_VECTORS].filter((v) => unsafeMarkup(v).length === 0)).toEqual([]);
  });

  test.each(HTML_VECTORS.map((v, i) => [i + 1, v]))('payload %i is disarmed: %s', async (_n, vector) => {
    const alone = await markdown(`${vector}\n`);
    const inline = await markdown(`Some text ${vector} more text.\n`);
    expect(unsafeMarkup(alone), alone).toEqual([]);
    expect(unsafeMarkup(inline), inline).toEqual([]);
  });

  test('all payloads in one document, where pieces could combine, are disarmed', async () => {
    const html = await markdown(HTML_VECTORS.join('\n\n'));
    expect(unsafeMarkup(html)).toEqual([]);
  });

  test('harmless markup and the Markdown around it are kept', async () => {
    const html = await markdown('A <sup>2</sup> and <abbr title="x">X</abbr> <a href="https://example.org/" title="t">link</a>.\n\n<details><summary>More</summary>\n\n**Bold** text.\n\n</details>\n');
    expect(html).toContain('<sup>2</sup>');
    expect(html).toContain('<abbr title="x">X</abbr>');
    expect(html).toContain('<a href="https://example.org/" title="t">link</a>');
    expect(html).toContain('<summary>More</summary>');
    expect(html).toContain('<strong>Bold</strong>');
  });

  test('Markdown output is not touched, however it looks', async () => {
    const html = await markdown('[a](https://example.org/) and <span>raw</span>\n\n| a |\n|---|\n| b |\n');
    expect(html).toContain('<a href="https://example.org/">a</a>');
    expect(html).not.toContain('data-site-markdown');
  });

  test('raw HTML cannot pretend to be Markdown output', async () => {
    const html = await markdown('<span data-site-markdown="x" onclick="alert(1)">hi</span>\n');
    expect(html).toBe('<p><span>hi</span></p>');
  });

  test('each removal is reported with its line', () => {
    const tree = unified().use(remarkParse).parse('Intro.\n\n<meta http-equiv="refresh" content="0;url=https://x.example/">\n\nText <span onclick="x">y</span>.\n');
    const file = new VFile({ path: 'chapters/01-a.md' });
    transformRawMarkup(tree, file);
    expect(file.messages.map((m) => [m.line, m.ruleId, m.reason])).toEqual([
      [3, 'html-sanitized', 'raw HTML: <meta> is not allowed and is removed'],
      [5, 'html-sanitized', 'raw HTML: onclick on <span> is not allowed and is removed'],
    ]);
  });
});

describe('SVG figures', () => {
  test.each(SVG_VECTORS.map((v, i) => [i + 1, v]))('payload %i is disarmed', (_n, vector) => {
    const { svg, removed } = sanitizeSvg(vector);
    const html = toHtml(svg, { space: 'svg' });
    expect(unsafeMarkup(html), html).toEqual([]);
    expect(removed.length).toBeGreaterThan(0);
  });

  test.each(readdirSync('content/figures').filter((f) => f.endsWith('.svg')))('the review\'s own %s loses nothing', (name) => {
    const text = readFileSync(`content/figures/${name}`, 'utf8');
    const { svg, removed } = sanitizeSvg(text);
    expect(removed).toEqual([]);
    expect(toHtml(svg, { space: 'svg' }).match(/<[a-z]/gi)?.length).toBe(text.replace(/<!--[\s\S]*?-->/g, '').match(/<[a-z]/gi)?.length);
  });

  test.each([['', /no <svg> element/], ['   ', /no <svg> element/], ['<html><body>x</body></html>', /not <svg>|no <svg>/], ['just text', /no <svg>/]])('%j is not an SVG', (text, message) => {
    expect(() => sanitizeSvg(text)).toThrow(message);
  });

  test('references inside the file are kept, references outside are not', () => {
    const { svg } = sanitizeSvg('<svg viewBox="0 0 1 1"><path d="M0 0" marker-end="url(#m)" fill="url(https://x.example/#p)" stroke="#123"/></svg>');
    expect(toHtml(svg, { space: 'svg' })).toBe('<svg viewBox="0 0 1 1"><path d="M0 0" marker-end="url(#m)" stroke="#123"></path></svg>');
  });
});

describe('links and JSX', () => {
  test.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])('link %j is refused', (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  test.each(['https://example.org/', 'http://example.org/a?b=c:d', 'mailto:a@example.org', '/references/', '#cite-1', './02-b.md#x', 'page:colon-after-slash/'.replace('page:', 'a/b:')])('link %j is allowed', (url) => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  test('JSX elements are judged by the same schema', () => {
    expect(checkJsxElement('sup', {})).toEqual([]);
    expect(checkJsxElement('a', { href: 'https://example.org/' })).toEqual([]);
    expect(checkJsxElement('meta', { 'http-equiv': 'refresh', content: '0;url=https://x.example/' })).toEqual(['<meta>']);
    expect(checkJsxElement('span', { onClick: 'alert(1)' })).toEqual(['onclick on <span>']);
    expect(checkJsxElement('a', { href: 'javascript:alert(1)' })).toEqual(['href on <a>']);
    expect(checkJsxElement('img', { src: 'x.png' })).toEqual(['<img>']);
  });

  test.each([
    ['<meta httpEquiv="refresh" content="0;url=https://x.example/" />', /<meta> is not allowed/],
    ['<Chart data={1} />', /<Chart> is a component/],
    ['<span onClick={() => alert(1)}>x</span>', /onClick on <span> is an expression/],
    ['<span {...props}>x</span>', /spread/],
    ['<>x</>', /fragment/],
    ['Text <iframe src="https://x.example/" /> text', /<iframe> is not allowed/],
  ])('in .mdx, %s fails', (source, message) => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse(source);
    expect(() => transformRawMarkup(tree, new VFile({ path: 'chapters/01-a.mdx' }))).toThrow(message);
  });

  test('in .mdx, plain allowed elements pass', () => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse('H<sub>2</sub>O and <abbr title="x">X</abbr>.');
    expect(() => transformRawMarkup(tree, new VFile({ path: 'chapters/01-a.mdx' }))).not.toThrow();
  });
});
