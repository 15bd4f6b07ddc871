// Content mistakes a careless or hostile contributor makes: each must stop the build at its line with a rule id, or
// give correct output, never pass silently; and every error reads `file:line: cause [rule-id]`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ContentError, ContentErrors, collectContentErrors, takeContentErrors } from '../../src/lib/content/content-error.ts';
import { closestName } from '../../src/lib/content/did-you-mean.ts';
import { headingIdMaker } from '../../src/lib/content/slugs.ts';
import { splitFrontMatter } from '../../src/lib/content/review-index.ts';
import { findLiteralCitations } from '../../src/lib/citations/literal-citations.ts';
import { collectCitations, parsePage } from '../../src/lib/citations/citation-syntax.ts';
import { editionPartHtml } from '../../src/lib/content/edition.ts';
import { chapter, miniReview, render } from '../support/pipeline.ts';

afterEach(() => {
  collectContentErrors(false);
  takeContentErrors();
});

const thrown = async (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error as ContentError);

describe('heading ids: one function, never empty, never repeated', () => {
  test('a heading of emoji or signs gets section-N, N its place among the headings', () => {
    const id = headingIdMaker();
    expect(['Intro', '🚀', '!!!', 'Intro', '— –', 'Section 6', '🚀'].map(id)).toEqual(['intro', 'section-2', 'section-3', 'intro-1', 'section-5', 'section-6', 'section-7']);
    const clash = headingIdMaker();
    expect(['Section 2', '🚀'].map(clash)).toEqual(['section-2', 'section-2-1']);
  });

  test('a heading never takes an id the page uses for itself', () => {
    const id = headingIdMaker();
    expect(['References', 'Main', 'Note 1', 'Cite 2', 'Ref: Smith', 'Figure: flow', 'References'].map(id))
      .toEqual(['section-references', 'section-main', 'section-note-1', 'section-cite-2', 'section-ref-smith', 'section-figure-flow', 'section-references-1']);
  });

  test('the review index (link checks) and the rendered page give the same ids, and the contents link has a target', async () => {
    const review = miniReview({ chapters: {
      '01-a.md': chapter(1, 'A', '## Start\n\nText.\n\n## 🚀\n\nMore.\n\n## !!!\n\nEnd.\n\n:::editorial\n### 🙂\n\nA note.\n:::'),
      '02-b.md': chapter(2, 'B', 'See [the rocket](./01-a.md#section-2) and [the note](./01-a.md#section-4).'),
    } });
    expect([...review.index.chapters[0]!.headingIds]).toEqual(['start', 'section-2', 'section-3', 'section-4']);
    const html = await render(review, '01-a.md');
    expect([...html.matchAll(/<h[2-6] id="([^"]*)"/g)].map((m) => m[1])).toEqual(['start', 'section-2', 'section-3', 'section-4']);
    expect(html).not.toMatch(/id=""|href="#"/);
    await expect(render(review, '02-b.md')).resolves.toContain('href="/chapters/a/#section-2"');
    // The single-page edition keeps them, prefixed.
    expect(editionPartHtml(html, { prefix: 'a--', base: '/', chapters: new Map([['a', 'a--']]), chapterAnchor: (s) => s })).toContain('id="a--section-2"');
  });
});

describe('::: blocks', () => {
  const review = (body: string) => miniReview({ chapters: { '01-a.md': chapter(1, 'A', body) } });

  test('an unclosed block fails at the line where it opens [directive-unclosed]', async () => {
    const error = await thrown(render(review('Intro.\n\n:::editorial\nA note.\n\n## Later heading\n\nText.'), '01-a.md'));
    expect(error).toMatchObject({ ruleId: 'directive-unclosed', line: 3 });
    expect(error?.message).toMatch(/":::editorial" is never closed/);
  });

  test('a closed block, and a fence longer than three, pass', async () => {
    await expect(render(review(':::editorial\nA note.\n:::\n\n::::editorial\nAnother.\n::::\n\nAfter.'), '01-a.md')).resolves.toContain('id="note-2"');
  });

  test.each([
    ['same fences', ':::editorial\nOuter.\n:::editorial\nInner.\n:::\nMore.\n:::', 3],
    ['a longer outer fence', '::::editorial\nOuter.\n\n:::editorial\nInner.\n:::\n::::', 4],
  ])('a note inside a note fails at the inner one (%s) [directive-nested]', async (_name, body, line) => {
    await expect(thrown(render(review(body), '01-a.md'))).resolves.toMatchObject({ ruleId: 'directive-nested', line });
  });

  test('a fence that closes nothing fails [directive-stray-fence]', async () => {
    await expect(thrown(render(review('Text.\n\n:::\n\nMore.'), '01-a.md'))).resolves.toMatchObject({ ruleId: 'directive-stray-fence', line: 3 });
  });

  test('a typo in the name says which name was meant', async () => {
    await expect(thrown(render(review(':::editoral\nA note.\n:::'), '01-a.md'))).resolves.toMatchObject({ ruleId: 'directive-unknown', message: expect.stringMatching(/did you mean ":::editorial"\?/) });
  });
});

describe('what an error says', () => {
  test('a near-miss citation key or chapter file is named', async () => {
    const review = miniReview({ chapters: {
      '01-a.md': chapter(1, 'A', 'Known [@Alpha2020] and [@betta2021].'),
      '02-b.md': chapter(2, 'B', 'See [a](./01-aa.md).'),
    } });
    await expect(thrown(render(review, '01-a.md'))).resolves.toMatchObject({ message: expect.stringMatching(/Unknown citation key "@Alpha2020".*did you mean "@alpha2020"\?/) });
    await expect(thrown(render(review, '02-b.md'))).resolves.toMatchObject({ message: expect.stringMatching(/no chapter file "01-aa\.md"; did you mean "01-a\.md"\?/) });
    expect(closestName('knezevic2021Low', ['knezevic2021low', 'other2020x'])).toBe('knezevic2021low');
    expect(closestName('smith2020stem', ['smith2020stea', 'smith2020steb'])).toBeUndefined();
    expect(closestName('zzz', ['alpha2020'])).toBeUndefined();
  });

  test('a citation error gives the column of the citation', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'Fine.\n\nSome words first [@nobody1999].') } });
    await expect(thrown(render(review, '01-a.md'))).resolves.toMatchObject({ line: 3, column: 18 });
  });

  test('raw HTML refused in .mdx carries its rule id', async () => {
    const review = miniReview({ chapters: { '01-a.mdx': chapter(1, 'A', 'Text.\n\n<meta http-equiv="refresh" content="0" />') } });
    await expect(thrown(render(review, '01-a.mdx'))).resolves.toMatchObject({ ruleId: 'mdx-jsx-not-allowed', message: expect.stringMatching(/\[mdx-jsx-not-allowed\]$/) });
  });

  test('while the build collects, every error of a page is kept and the page still renders', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'One [@nobody1999].\n\nTwo [x](./09-none.md) and [@alpha2020].\n\n:::editorial\nOpen.') } });
    collectContentErrors();
    await expect(render(review, '01-a.md')).resolves.toContain('Open.');
    expect(takeContentErrors().map((e) => e.ruleId)).toEqual(['citation-unknown-key', 'link-broken', 'directive-unclosed']);
  });
});

describe('front matter', () => {
  test('invalid YAML is reported at the file line of the bad quote, with one line number', () => {
    const text = '---\ntitle: "Open quote\norder: 1\nsummary: "s"\ndraft: false\n---\nBody.\n';
    let error: ContentError | undefined;
    try {
      splitFrontMatter(text, 'x.md');
    } catch (e) {
      error = e as ContentError;
    }
    expect(error).toMatchObject({ ruleId: 'frontmatter-invalid', line: 2 });
    expect(error?.message).not.toMatch(/at line \d+/);
  });

  test('a chapter without a title, and every other broken chapter, are named together before Astro reads them', () => {
    let error: unknown;
    try {
      miniReview({ chapters: {
        '01-a.md': '---\norder: 1\nsummary: "s"\n---\nText.\n',
        '02-b.md': chapter(2, 'B', 'Text.').replace('order: 2', 'order: "two"'),
        '03-c.md': chapter(3, 'C', 'Text.').replace('summary: "s"', 'summary: "s"\ncolour: red'),
        '04-d.md': chapter(4, 'D', 'Fine.'),
      } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentErrors);
    expect((error as ContentErrors).errors.map((e) => e.message.replace(/^.*chapters\//, ''))).toEqual([
      '01-a.md:1: front matter has no title [frontmatter-invalid]',
      expect.stringMatching(/^02-b\.md:3: front matter order: .* \[frontmatter-invalid\]$/),
      '03-c.md:5: front matter has a field this file does not take: "colour" [frontmatter-invalid]',
    ]);
  });
});

describe('citations the reader will see as literal text', () => {
  test('in a JSX attribute, an MDX expression, or a group holding markup: found with their line', () => {
    const body = 'Intro [@alpha2020].\n\n<abbr title="[@beta2021]">x</abbr> and {"[@gamma2022]"}.\n\nAs [see *Table 2* in @alpha2020] says.';
    const tree = parsePage(body, { mdx: true });
    const found = findLiteralCitations(tree, body, collectCitations(tree, body));
    expect(found.map((f) => [f.where, f.line, f.text])).toEqual([
      ['attribute', 3, '[@beta2021]'],
      ['expression', 3, '[@gamma2022]'],
      ['markup', 5, '[see *Table 2* in @alpha2020]'],
    ]);
  });

  test('a real citation and one in code are not reported', () => {
    const body = 'Plain [@alpha2020] and `[@beta2021]`, and [see @gamma2022, p. 4].';
    const tree = parsePage(body, { mdx: false });
    expect(findLiteralCitations(tree, body, collectCitations(tree, body))).toEqual([]);
  });
});

describe('README', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  test('"What is rejected" names every rule id the build can print', () => {
    const ids = new Set<string>();
    for (const file of files('src')) {
      const text = readFileSync(file, 'utf8');
      // Every line that raises or reports a content problem, and the rule ids written on it.
      for (const line of text.split('\n').filter((l) => /new ContentError\(|contentFail\(|warnContent\(|\bfail\(|ruleId|parseContentJson\(/.test(l))) {
        for (const m of line.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) ids.add(m[1]!);
        // entities.ts names its rules after what it reads: `${what}-duplicate` for entity and glossary.
        const whats = line.includes("what === 'entity' ?") ? ['glossary'] : ['entity', 'glossary'];
        for (const m of line.matchAll(/`\$\{what\}-([a-z-]+)`/g)) for (const what of whats) ids.add(`${what}-${m[1]}`);
      }
    }
    expect(ids.size).toBeGreaterThan(20);
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('### What is rejected'), readme.indexOf('### A chapter'));
    expect([...ids].filter((id) => !table.includes(`[${id}]`) && !table.includes(`\`${id}\``)).sort()).toEqual([]);
  });
});
