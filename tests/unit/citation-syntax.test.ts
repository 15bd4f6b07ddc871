import { describe, expect, test } from 'vitest';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import { parseCitation } from 'rehype-citation/node/src/parse-citation.js';
import { citationRE } from 'rehype-citation/node/src/regex.js';
import { collectCitations, escapedMarks, parseCitationGroup, parsePage, type CitedItem } from '../../src/lib/citations/citation-syntax.ts';
import { transformCitationKeys } from '../../src/plugins/remark-citation-keys.ts';
import { transformCitationsPerPage } from '../../src/plugins/rehype-citation-per-page.ts';
import { locatorSentence } from '../../src/scripts/citation-preview.ts';
import { chapter, miniReview, render } from '../support/pipeline.ts';

const item = (key: string, more: Partial<CitedItem> = {}): CitedItem => ({ key, suppressAuthor: false, ...more });

describe('parseCitationGroup reads Pandoc citation syntax', () => {
  test.each<[string, CitedItem[] | undefined]>([
    ['@a', [item('a')]],
    ['@a; @b', [item('a'), item('b')]],
    ['see @a, p. 5', [item('a', { prefix: 'see', locator: { label: 'p.', value: '5' } })]],
    ['@a, pp. 33-35, 38-39 and passim', [item('a', { locator: { label: 'pp.', value: '33-35, 38-39' }, suffix: 'and passim' })]],
    ['-@a', [item('a', { suppressAuthor: true })]],
    ['see -@a, chap. 2', [item('a', { prefix: 'see', suppressAuthor: true, locator: { label: 'chap.', value: '2' } })]],
    ['@a, refs 63–67', [item('a', { locator: { label: 'refs', value: '63–67' } })]],
    ['@a, ref. 22', [item('a', { locator: { label: 'refs', value: '22' } })]],
    ['@a, ref 22', [item('a', { locator: { label: 'refs', value: '22' } })]],
    ['@a, references 12, 14', [item('a', { locator: { label: 'refs', value: '12, 14' } })]],
    ['@a, reference 3', [item('a', { locator: { label: 'refs', value: '3' } })]],
    ['@a, sec. 7', [item('a', { locator: { label: 'sec.', value: '7' } })]],
    ['@a, abstract', [item('a', { locator: { label: 'abstract', value: '' } })]],
    ['@a, Abstract, as summarised', [item('a', { locator: { label: 'abstract', value: '' }, suffix: 'as summarised' })]],
    ['@a, abstracts of talks', [item('a', { suffix: 'abstracts of talks' })]],
    ['@a, section 2.3', [item('a', { locator: { label: 'sec.', value: '2.3' } })]],
    ['@a, fig. 3b', [item('a', { locator: { label: 'fig.', value: '3b' } })]],
    ['@a, figures 2–4', [item('a', { locator: { label: 'fig.', value: '2–4' } })]],
    ['@a, chap. iv', [item('a', { locator: { label: 'chap.', value: 'iv' } })]],
    ['@a, 12', [item('a', { locator: { label: 'p.', value: '12' } })]],
    ['@a, {pp. iv, vi-xi} and more', [item('a', { locator: { label: 'pp.', value: 'iv, vi-xi' }, suffix: 'and more' })]],
    ['@a, and elsewhere', [item('a', { suffix: 'and elsewhere' })]],
    ['@van-der-berg:2001.x', [item('van-der-berg:2001.x')]],
    ['me@example.org', undefined],
    ['see @a; no key here', undefined],
    ['@', undefined],
    ["@a's view", undefined],
  ])('[%s]', (inner, expected) => {
    expect(parseCitationGroup(inner)).toEqual(expected);
  });

  // rehype-citation's own parser, on the labels CSL knows, agrees on every part.
  test.each(['see @alpha, p. 5', '-@alpha, chap. 2', '@alpha; see also @beta, sec. 7', 'compare @alpha, fig. 3, a suffix'])('agrees with rehype-citation on [%s]', (inner) => {
    const match = `[${inner}]`.match(citationRE);
    expect(match).not.toBeNull();
    const [theirs] = parseCitation(match!) as [{ id: string; prefix?: string; locator?: string; suffix?: string; 'suppress-author': boolean }[], boolean];
    const ours = parseCitationGroup(inner) ?? [];
    expect(ours.map((i) => [i.key, i.prefix ?? '', i.locator?.value, i.suffix, i.suppressAuthor]))
      // It keeps the comma before a suffix; the site stores the words and writes the comma when rendering.
      .toEqual(theirs.map((i) => [i.id, i.prefix ?? '', i.locator, i.suffix?.replace(/^,\s*/, '') || undefined, i['suppress-author']]));
  });
});

describe('escapedMarks', () => {
  test.each([
    ['\\[@a]', '[@a]', [true, false, false]],
    ['\\\\[@a]', '\\[@a]', [false, false, false]],
    ['&#91;@a&#93;', '[@a]', [true, false, true]],
    ['[\\@a]', '[@a]', [false, true, false]],
    // Typographic changes elsewhere in the text do not shift the marks.
    ['"x" -- [@a]', '“x” – [@a]', [false, false, false]],
  ])('%s', (source, value, expected) => {
    const marks = escapedMarks(value, source);
    expect([...value].flatMap((c, i) => (/[[\]@]/.test(c) ? [marks(i)] : []))).toEqual(expected);
  });
});

// Every trap of the issue, in both chapter formats: the numbering pre-pass and the page must agree.
const TRAPS: [name: string, body: string, groups: string[][]][] = [
  ['link text with an @', 'Follow [on Mastodon @alpha2020](https://example.org). Cited [@beta2021].', [['beta2021']]],
  ['link reference text', 'See [@alpha2020][def] and [@beta2021].\n\n[def]: https://example.org', [['beta2021']]],
  ['fenced code', '```\n[@alpha2020]\n```\n\nCited [@beta2021].', [['beta2021']]],
  ['double-backtick span', 'Code ``a [@alpha2020] b`` and [@beta2021].', [['beta2021']]],
  ['single-backtick span', 'Code `[@alpha2020]` and [@beta2021].', [['beta2021']]],
  ['fence inside a list item', '- item\n\n  ```\n  [@alpha2020]\n  ```\n\nCited [@beta2021].', [['beta2021']]],
  ['escaped bracket', 'Literal \\[@alpha2020] and [@beta2021].', [['beta2021']]],
  ['bracket as a character reference', 'Literal &#91;@alpha2020] and [@beta2021].', [['beta2021']]],
  ['an e-mail address in brackets', 'Write [me@example.org] or see [@beta2021].', [['beta2021']]],
  ['a time that looks like a directive', 'At 10:30 and CXCL12:CXCR4 [@beta2021].', [['beta2021']]],
  ['prefix, locator and suppressed author', 'See [see @beta2021, p. 5; -@alpha2020, refs 63–67].', [['beta2021', 'alpha2020']]],
  ['citations in a table, a quote and a nested list', '| a |\n|---|\n| x [@gamma2022] |\n\n> q [@beta2021]\n\n- l\n  - m [@alpha2020]', [['gamma2022'], ['beta2021'], ['alpha2020']]],
];

describe.each(['md', 'mdx'])('citations read from the parsed tree (.%s)', (ext) => {
  test.each(TRAPS)('%s', async (_name, body, groups) => {
    const name = `01-a.${ext}`;
    const review = miniReview({ chapters: { [name]: chapter(1, 'A', body), [`02-b.${ext}`]: chapter(2, 'B', 'Later [@delta2023].') } });
    const { index } = review;
    // Numbering: the first group's first work is 1, nothing in code or links takes a number.
    const firstKeys = [...new Set(groups.flat())];
    expect([...index.numbers.keys()]).toEqual([...firstKeys, 'delta2023']);
    const html = await render(review, name);
    const spans = [...html.matchAll(/<span id="(cite-\d+)" class="citation" data-cites="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(spans).toEqual(groups.map((keys, i) => [`cite-${i + 1}`, keys.join(' ')]));
    // Back-links: every place the index records is an anchor on this page citing that work.
    for (const [key, sites] of index.sitesByKey) {
      for (const site of sites.filter((s) => s.page === 'a')) expect(spans).toContainEqual([site.anchor, expect.stringContaining(key)]);
    }
    // Every shown number links to its own entry, which is listed with that number.
    for (const m of html.matchAll(/<a href="#ref-([\w-]+)" aria-label="Reference (\d+)">(\d+)<\/a>/g)) {
      expect(m[2]).toBe(String(index.numbers.get(m[1]!)));
      expect(m[3]).toBe(m[2]);
      expect(html).toContain(`<li id="ref-${m[1]}" value="${m[2]}"`);
    }
    expect(html).not.toContain('data-citation-group');
  });

  test('a citation in a heading fails with its line and a rule id', async () => {
    const review = miniReview({ chapters: { [`01-a.${ext}`]: chapter(1, 'A', 'Text [@alpha2020].\n\n## Heading [@beta2021]\n\nMore.') } });
    await expect(render(review, `01-a.${ext}`)).rejects.toMatchObject({ line: 3, ruleId: 'citation-in-heading' });
  });

  test('an unknown key in a heading fails too', async () => {
    const review = miniReview({ chapters: { [`01-a.${ext}`]: chapter(1, 'A', '## About [@nobody1999]\n\nText.') } });
    await expect(render(review, `01-a.${ext}`)).rejects.toMatchObject({ line: 1, ruleId: 'citation-in-heading' });
  });
});

describe('locators in the text', () => {
  const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'One [@alpha2020; @beta2021; @gamma2022]. Two [see @delta2023, p. 5]. Three [@alpha2020, refs 63–67; @beta2021; @gamma2022].') } });

  test.each([
    ['cite-1', '[1–3]', ['alpha2020', 'gamma2022']],
    ['cite-2', '[see 4, p. 5]', ['delta2023']],
    ['cite-3', '[1, refs 63–67; 2, 3]', ['alpha2020', 'beta2021', 'gamma2022']],
  ])('%s reads %s, every number a link to its entry', async (id, shown, linked) => {
    const html = await render(review, '01-a.md');
    const span = new RegExp(`<span id="${id}"[^>]*>(.*?)</span>`).exec(html)?.[1] ?? '';
    expect(span.replace(/<[^>]+>/g, '')).toBe(shown);
    expect([...span.matchAll(/href="#ref-([\w-]+)"/g)].map((m) => m[1])).toEqual(linked);
  });

  test('the span carries each decorated work with its authors, for the card', async () => {
    const html = await render(review, '01-a.md');
    const data = /<span id="cite-3"[^>]*data-items="([^"]*)"/.exec(html)?.[1]?.replace(/&#x22;/g, '"').replace(/&quot;/g, '"');
    expect(JSON.parse(data ?? 'null')).toEqual([{ key: 'alpha2020', suppressAuthor: false, locator: { label: 'refs', value: '63–67' }, by: 'Alpha' }]);
    expect(/<span id="cite-1"[^>]*>/.exec(html)?.[0]).not.toContain('data-items');
  });

  test('the index keeps the items for other pages', () => {
    const site = review.index.sitesByKey.get('delta2023')?.[0];
    expect(site?.items).toEqual([item('delta2023', { prefix: 'see', locator: { label: 'p.', value: '5' } })]);
  });
});

describe('the render and the numbering cannot drift apart', () => {
  const parse = (body: string) => {
    const file = new VFile({ path: '/x/chapters/01-a.md', value: body });
    return { tree: parsePage(body, { mdx: false }), file };
  };

  test('a page whose groups differ from the pre-pass fails at the first difference', () => {
    const { tree, file } = parse('One [@alpha2020].\n\nTwo [@beta2021].');
    const expected = new Map([['01-a.md', [[item('alpha2020')], [item('gamma2022')]]]]);
    expect(() => transformCitationKeys(tree, file, { known: new Set(['alpha2020', 'beta2021', 'gamma2022']), referencesFile: 'r.json', expected }))
      .toThrow(expect.objectContaining({ line: 3, ruleId: 'citation-count-mismatch' }));
  });

  test('a group rehype-citation cannot read as the page does fails at its line', async () => {
    const { tree, file } = parse('Text.\n\nCited [@alpha2020].');
    transformCitationKeys(tree, file, { known: new Set(['alpha2020']), referencesFile: 'r.json' });
    const hast: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'span', properties: { dataCitationGroup: '0' }, children: [] }] };
    // A bibliography without the work: rehype-citation leaves the group as text.
    const options = { options: { bibliography: 'references.json', path: 'tests/fixtures/mini-review', csl: 'vancouver', linkCitations: true }, subsets: new Map<string, string>() };
    await expect(transformCitationsPerPage(hast, file, options)).rejects.toMatchObject({ line: 3, ruleId: 'citation-parse-mismatch' });
  });

  test('collectCitations reports the section each group stands in', () => {
    const body = 'Intro [@a].\n\n## First *part*\n\nText [@b].\n\n### Deeper\n\n[@c]';
    expect(collectCitations(parsePage(body, { mdx: true }), body).map((g) => [g.keys[0], g.section, g.line])).toEqual([['a', undefined, 1], ['b', 'First part', 5], ['c', 'Deeper', 9]]);
  });
});

describe('the preview card says a locator in words', () => {
  test.each([
    [{ key: 'k', locator: { label: 'refs', value: '63–67' }, by: 'Zhao et al.' }, 'Zhao et al. refs 63–67: works Zhao et al. cite here, not identified on this site.'],
    [{ key: 'k', locator: { label: 'refs', value: '22' }, by: 'Kim' }, 'Kim ref. 22: a work Kim cites here, not identified on this site.'],
    [{ key: 'k', locator: { label: 'refs', value: '12, 14' } }, "The authors' refs 12, 14: works they cite here, not identified on this site."],
    [{ key: 'k', locator: { label: 'p.', value: '5' } }, 'Cited at p. 5.'],
    [{ key: 'k', locator: { label: 'sec.', value: '7' }, suffix: 'and passim' }, 'Cited at sec. 7, and passim.'],
    [{ key: 'k', locator: { label: 'abstract', value: '' } }, 'Cited from its abstract.'],
    [{ key: 'k', prefix: 'see' }, undefined],
  ])('%j', (cardItem, sentence) => {
    expect(locatorSentence(cardItem)).toBe(sentence);
  });
});
