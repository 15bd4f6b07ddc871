// Content read and checked before any page is built: one identity per chapter, strict text, validated records.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { decodeContentText, jsonLine } from '../../src/lib/content/content-text.ts';
import { checkTextForms, entitySchema } from '../../src/lib/entities/entities.ts';
import { loadFigures } from '../../src/lib/content/figures.ts';
import { checkHome, keyFindings } from '../../src/lib/content/home-check.ts';
import { buildMentionMatcher, findMentions } from '../../src/lib/entities/mentions.ts';
import { buildReferenceLinks } from '../../src/lib/bibliography/reference-links.ts';
import { parseReferences } from '../../src/lib/bibliography/references.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';
import { chapterSlug } from '../../src/lib/content/slugs.ts';
import { chapter, miniReview, render } from '../support/pipeline.ts';

const failure = (run: () => unknown): ContentError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
};

describe('chapter identity', () => {
  test.each([
    ['04-raw-html.md', 'raw-html'],
    ['04-Raw-HTML.md', 'raw-html'],
    ['04_Raw HTML.mdx', 'raw-html'],
    ['07-Café--au  lait.mdx', 'cafe-au-lait'],
    ['content/chapters/12-progenitor-cells.mdx', 'progenitor-cells'],
    ['01-2020-trials.mdx', '2020-trials'],
  ])('%s is served at /chapters/%s/', (file, slug) => {
    expect(chapterSlug(file)).toBe(slug);
    expect(chapterSlug(`${slug}.mdx`)).toBe(slug.replace(/^\d+[-_]/, ''));
  });

  test('two files giving one address fail, naming both', () => {
    const review = () => miniReview({ chapters: { '01-caffeine.mdx': chapter(1, 'A', 'x'), '03-Caffeine.md': chapter(3, 'B', 'y') } });
    const error = failure(review);
    expect(error.ruleId).toBe('chapter-duplicate-slug');
    expect(error.message).toMatch(/03-Caffeine\.md:1: 03-Caffeine\.md and 01-caffeine\.mdx both give the page address \/chapters\/caffeine\//);
  });

  test('a draft counts too: it holds the same address in the content collection', () => {
    expect(failure(() => miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'x'), '02-A.md': `---\ntitle: "B"\norder: 2\nsummary: "s"\ndraft: true\n---\nz\n` } })).ruleId).toBe('chapter-duplicate-slug');
  });

  test('a mixed-case file gets the lower-case address everywhere', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'See [it](./02-Raw-HTML.md).'), '02-Raw-HTML.md': chapter(2, 'B', 'Cited [@alpha2020].') } });
    expect(review.index.chapters.map((c) => c.slug)).toEqual(['a', 'raw-html']);
    expect(review.index.keysByPage.get('raw-html')?.has('alpha2020')).toBe(true);
    expect(await render(review, '01-a.md')).toContain('href="/chapters/raw-html/"');
  });

  test('a link to a draft says it is a draft', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'See [it](./02-b.md).'), '02-b.md': `---\ntitle: "B"\norder: 2\nsummary: "s"\ndraft: true\n---\nz\n` } });
    await expect(render(review, '01-a.md')).rejects.toThrow(/Broken internal link "\.\/02-b\.md": 02-b\.md is a draft/);
  });

  test.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x'])('a Markdown link to %s fails', async (url) => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', `Text.\n\n[click](${url}) and [ref][r].\n\n[r]: https://example.org/`) } });
    await expect(render(review, '01-a.md')).rejects.toMatchObject({ ruleId: 'link-unsafe', line: 3 });
  });

  test('so does a link definition with such a scheme', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'Text [ref][r].\n\n[r]: javascript:alert(1)') } });
    await expect(render(review, '01-a.md')).rejects.toMatchObject({ ruleId: 'link-unsafe' });
  });
});

describe('content text', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('a byte-order mark is dropped and CRLF read as LF', () => {
    expect(decodeContentText(utf8('\uFEFF---\r\ntitle: x\r\n---\r\nBody\r\n'), 'a.md')).toBe('---\ntitle: x\n---\nBody\n');
  });

  test('a Latin-1 file fails naming the file, the line and the encoding', () => {
    const bytes = new Uint8Array([...utf8('---\ntitle: "Caf'), 0xe9, ...utf8('"\n---\n')]);
    const error = failure(() => decodeContentText(bytes, 'chapters/01-a.mdx'));
    expect(error.message).toBe('chapters/01-a.mdx:2: the file is not UTF-8 text (Latin-1 or another encoding?); save it as UTF-8 [content-not-utf8]');
  });

  test('a chapter with a BOM is in the index: its citations count and its headings link', () => {
    const review = miniReview({ chapters: { '01-a.md': `\uFEFF${chapter(1, 'A', '## Part\r\n\r\nCited [@alpha2020].').replace(/\n/g, '\r\n')}` } });
    expect(review.index.chapters[0]?.title).toBe('A');
    expect(review.index.numbers.get('alpha2020')).toBe(1);
    expect(review.index.chapters[0]?.headingIds.has('part')).toBe(true);
  });

  test('jsonLine finds the line of a field in a record', () => {
    expect(jsonLine('[\n  {"id": "a",\n   "author": "x"}\n]', [0, 'author'])).toBe(3);
    expect(jsonLine('[\n  {"id": "a"}\n]', [0, 'missing'])).toBe(2);
  });
});

describe('CSL records', () => {
  const refs = (fields: string) => `[\n  {"id": "a", "type": "book", "title": "T"},\n  {"id": "b", "type": "article-journal", "title": "U",\n   ${fields}}\n]`;
  const refused = (fields: string) => failure(() => parseReferences(refs(fields), 'references.json'));

  test.each([
    ['"author": "Smith, J."', /record "b", field "author": expected a list of names/],
    ['"author": [{"given": "Jo"}]', /field "author\.0": a name needs "family"/],
    ['"issued": {"date-parts": [[2021, 13, 2]]}', /field "issued\.date-parts": not a real date/],
    ['"issued": "2021"', /field "issued"/],
    ['"DOI": "not a doi"', /field "DOI": not a DOI/],
    ['"PMID": "12ab34"', /field "PMID": a PMID is digits only/],
    ['"PMCID": "1234567"', /field "PMCID": a PMCID is "PMC" followed by digits/],
    ['"volume": {"n": 3}', /field "volume"/],
    ['"URL": "javascript:alert(1)"', /field "URL": a URL must start with http/],
  ])('%s is refused with the file, line, record and field', (fields, message) => {
    const error = refused(fields);
    expect(error.ruleId).toBe('reference-invalid');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^references\.json:4: /);
    expect(error.message).toMatch(message);
  });

  test.each([['https://doi.org/10.1000/XYZ'], ['http://dx.doi.org/10.1000/XYZ'], ['doi:10.1000/XYZ'], [' 10.1000/XYZ ']])('DOI %j is kept as the bare DOI and linked once', (doi) => {
    const [record] = parseReferences(`[{"id": "a", "type": "book", "title": "T", "DOI": ${JSON.stringify(doi)}, "PMID": 123}]`, 'r.json');
    expect(record?.DOI).toBe('10.1000/XYZ');
    expect(record?.PMID).toBe('123');
    expect(buildReferenceLinks(record!)[0]?.href).toBe('https://doi.org/10.1000/XYZ');
  });

  test('the review\'s own references pass', () => {
    expect(buildReviewIndex('content').references.length).toBeGreaterThan(0);
  });
});

describe('figures.json', () => {
  const review = (json: string, svg = '<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>') => {
    const dir = mkdtempSync(join(tmpdir(), 'figures-'));
    mkdirSync(join(dir, 'figures'));
    writeFileSync(join(dir, 'figures', 'figures.json'), json);
    writeFileSync(join(dir, 'figures', 'a.svg'), svg);
    return dir;
  };
  const entry = '{"id": "a", "file": "a.svg", "title": "A", "alt": "A drawing of a thing, long enough.", "caption": "C"}';

  test('malformed JSON names the file and line', () => {
    const error = failure(() => loadFigures(review(`[\n  ${entry},\n  {"id": }\n]`)));
    expect(error.message).toMatch(/figures\/figures\.json:3: not valid JSON/);
    expect(error.ruleId).toBe('figure-invalid');
  });

  test('a wrong field names the file and the line of the field', () => {
    const error = failure(() => loadFigures(review(`[\n  {"id": "a", "file": "a.svg", "title": "A",\n   "alt": "short", "caption": "C"}\n]`)));
    expect(error.message).toMatch(/figures\.json:3: figure 1, alt:/);
  });

  test.each([[''], ['<html><p>not a drawing</p></html>'], ['<?xml version="1.0"?>']])('an SVG file %j fails naming it', (svg) => {
    const error = failure(() => loadFigures(review(`[${entry}]`, svg)));
    expect(error.ruleId).toBe('figure-invalid-svg');
    expect(error.file).toMatch(/figures\/a\.svg$/);
  });

  test('what the sanitizer takes out of a figure is reported, and the rest is kept', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const figure = loadFigures(review(`[${entry}]`, '<svg viewBox="0 0 1 1" onload="alert(1)"><rect width="1" height="1"/><script>alert(2)</script></svg>')).get('a.svg');
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/figures\/a\.svg:1: removed onload on <svg>: not on the SVG allow-list \[figure-sanitized\]$/),
      expect.stringMatching(/figures\/a\.svg:1: removed <script>: not on the SVG allow-list \[figure-sanitized\]$/),
    ]);
    warn.mockRestore();
    expect(figure?.svg.children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['rect']);
  });
});

describe('home page', () => {
  const text = (updated: string, source = 'a') => `---\ntitle: "T"\nsource: "${source}"\nupdated: ${updated}\n---\n`;
  test.each(['2026-13-45', '2026-02-30', '26-01-01', 'yesterday'])('updated: %s is refused', (updated) => {
    const error = failure(() => checkHome('home.mdx', text(updated), { source: 'a', updated }, new Set(['a'])));
    expect(error.message).toMatch(/^home\.mdx:4: updated: ".*" is not a real date written YYYY-MM-DD \[home-invalid-date\]$/);
  });

  test('a real date and a known source pass', () => {
    expect(() => checkHome('home.mdx', text('2024-02-29'), { source: 'a', updated: '2024-02-29' }, new Set(['a']))).not.toThrow();
  });

  test('a source that is not a reference fails', () => {
    const error = failure(() => checkHome('home.mdx', text('2024-01-01', 'nobody'), { source: 'nobody', updated: '2024-01-01' }, new Set(['a'])));
    expect(error.message).toBe('home.mdx:3: source: "nobody" is not the id of a record in references.json [home-unknown-source]');
  });

  test.each([
    ['02-b.mdx#results', /^home\.mdx:4: key finding links to "02-b\.mdx", which is not a chapter file \[link-broken\]$/],
    ['01-a.mdx#nowhere', /^home\.mdx:4: key finding links to "#nowhere", which is no heading of 01-a\.mdx \[link-broken\]$/],
  ])('a key finding linking to %s fails at its line', (link, message) => {
    const home = `---\nkeyFindings:\n  - text: "A finding."\n    link: "${link}"\n---\n`;
    const chapters = new Map([['01-a.mdx', new Set(['results'])]]);
    const error = failure(() => checkHome('home.mdx', home, { keyFindings: [{ text: 'A finding.', link }] }, new Set(), chapters));
    expect(error.message).toMatch(message);
  });

  test('key findings read as text, with the chapter passage they link to', () => {
    expect(keyFindings(['Plain.', { text: 'Linked.', link: '03-Some Results.mdx#a-b', editorial: true }])).toEqual([
      { text: 'Plain.', editorial: false },
      { text: 'Linked.', editorial: true, link: { slug: 'some-results', id: 'a-b' } },
    ]);
  });
});

describe('entity text forms', () => {
  const entity = (id: string, textForms: string[]) => entitySchema.parse({ id, type: 'gene', label: id, textForms, status: 'unverified' });
  const file = (entities: ReturnType<typeof entity>[]) => JSON.stringify(entities, null, 2);

  test('the same form in two entities fails, naming both', () => {
    const list = [entity('tgfb', ['TGF-β']), entity('tgfb1', ['TGF-β1', 'TGF-β'])];
    const error = failure(() => checkTextForms(list, 'entities.json', file(list)));
    expect(error.ruleId).toBe('entity-form-duplicate');
    expect(error.message).toMatch(/entities\.json:\d+: entity "tgfb1": text form "TGF-β" is also a text form of entity "tgfb"/);
    expect(error.line).toBe(file(list).split('\n').findIndex((l, i) => i > 10 && l.includes('"TGF-β"')) + 1);
  });

  test('a form that is another\'s plural or capitalised form clashes too', () => {
    const list = [entity('rat', ['rat']), entity('rats', ['Rats'])];
    expect(failure(() => checkTextForms(list, 'entities.json', file(list))).ruleId).toBe('entity-form-duplicate');
  });

  test('one-character forms and common words warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const list = [entity('x', ['a', 'The', 'Wnt'])];
    checkTextForms(list, 'entities.json', file(list));
    expect(warn.mock.calls.map((c) => String(c[0]).replace(/:\d+:/, ':n:'))).toEqual([
      'warning: entities.json:n: entity "x": text form "a" is shorter than 2 characters and will mark ordinary text [entity-form-short]',
      'warning: entities.json:n: entity "x": text form "The" is a common word and will mark ordinary text [entity-form-common-word]',
    ]);
    warn.mockRestore();
  });
});

describe('forms that start with a sign', () => {
  test('are found literally, never as a pattern', () => {
    const matcher = buildMentionMatcher([{ id: 'any', forms: ['.*'] }, { id: 'plus', forms: ['+/+'] }, { id: 'il', forms: ['IL-1'] }])!;
    expect(findMentions('Use .* here, +/+ mice, and IL-1; not a.b or xx.', matcher).map((m) => [m.id, m.text])).toEqual([['any', '.*'], ['plus', '+/+'], ['il', 'IL-1']]);
    expect(findMentions('abc', matcher)).toEqual([]);
  });

  test('a glossary term ".*" is marked on the page', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'The pattern .* matches anything.') }, glossary: [{ id: 'any', term: '.*', expansion: 'any text', definition: 'd' }] });
    expect(await render(review, '01-a.md')).toContain('<abbr title="any text">.*</abbr>');
  });
});
