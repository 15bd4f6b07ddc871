import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { collectEditorialNotes, findEditorialNotes } from '../../src/lib/content/editorial-notes.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';
import { noteRecords } from '../../src/lib/search/search-records.ts';
import remarkEditorialNotes from '../../src/plugins/remark-editorial-notes.ts';
import { chapter, miniReview, render } from '../support/pipeline.ts';

const NOTE_BODY = [
  'Body text [@alpha2020].',
  '',
  ':::editorial',
  'First note, citing [@beta2021; @gamma2022] and [a link](https://example.org).',
  ':::',
  '',
  'More text at 10:30 with a ratio A:B.',
  '',
  ':::editorial',
  'Second note.',
  '',
  'Its second paragraph.',
  ':::',
].join('\n');

describe('editorial notes', () => {
  test('each :::editorial block renders as a labelled aside, numbered in order, with its citations numbered', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', NOTE_BODY) } });
    const html = await render(review, '01-a.md');
    const asides = [...html.matchAll(/<aside class="editorial-note" id="(note-\d+)" role="note" aria-label="Editorial note" data-pagefind-ignore="all"><p class="editorial-note-label">Editorial note<\/p>/g)].map((m) => m[1]);
    expect(asides).toEqual(['note-1', 'note-2']);
    expect(html).toMatch(/<aside[^>]*id="note-1"[\s\S]*?class="citation" data-cites="beta2021 gamma2022"[\s\S]*?href="https:\/\/example\.org"[\s\S]*?<\/aside>/);
    expect(html).toMatch(/<aside[^>]*id="note-2"[^>]*>[\s\S]*?<p>Second note\.<\/p>\s*<p>Its second paragraph\.<\/p>\s*<\/aside>/);
    expect(html).toContain('10:30 with a ratio A:B.');
  });

  test.each([':::warning', ':::editorail', ':::note'])('an unknown directive %s fails at its line', async (marker) => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', `Text.\n\n${marker}\nA note.\n:::\n`) } });
    const error = await render(review, '01-a.md').then(() => undefined, (e: unknown) => e as { message: string; line: number; ruleId: string });
    expect(error?.ruleId).toBe('directive-unknown');
    expect(error?.message).toContain(`Unknown directive "${marker}"`);
    expect(error?.line).toBe(3);
  });

  test('works in MDX as in Markdown', async () => {
    const file = new VFile({ path: 'x.mdx', value: 'Text {1 + 1}.\n\n:::editorial\nA note with <abbr title="x">X</abbr>.\n:::\n' });
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkDirective).use(remarkEditorialNotes);
    const tree = await processor.run(processor.parse(file), file);
    const asides: unknown[] = [];
    visit(tree, (node) => {
      const data = (node as { data?: { hName?: string; hProperties?: unknown } }).data;
      if (data?.hName === 'aside') asides.push(data.hProperties);
    });
    expect(asides).toEqual([{ className: ['editorial-note'], id: 'note-1', role: 'note', ariaLabel: 'Editorial note', dataPagefindIgnore: 'all' }]);
    const bad = new VFile({ path: 'y.mdx', value: 'Text {1 + 1}.\n\n:::warning\nA note.\n:::\n' });
    await expect(processor.run(processor.parse(bad), bad)).rejects.toThrow(/Unknown directive ":::warning"/);
  });

  test('the collector finds the notes the renderer numbers, with their text and citation numbers', () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', NOTE_BODY), '02-b.md': chapter(2, 'B', 'No notes here [@delta2023].\n\n> **Editorial note:** old style.') } });
    const notes = collectEditorialNotes(review.index);
    expect(notes.map((n) => [n.page, n.id, n.line])).toEqual([['a', 'note-1', 8], ['a', 'note-2', 14]]);
    const n = (k: string) => review.index.numbers.get(k);
    expect(notes[0]?.text).toBe(`First note, citing [${n('beta2021')}, ${n('gamma2022')}] and a link.`);
    expect(notes[0]?.keys).toEqual(['beta2021', 'gamma2022']);
    expect(notes[0]?.file).toBe(join(review.dir, 'chapters', '01-a.md'));
    expect(findEditorialNotes('Nothing.', new Map())).toEqual([]);
  });

  test("a note's citations read as on the page: locators, prefixes and written order kept; code and MDX left alone", () => {
    const numbers = new Map([['a', 2], ['b', 3], ['c', 4], ['d', 5]]);
    const body = ':::editorial\nSee [@a, refs 63–67; @b], [@c; @d; @b] and [see @a, ref. 84], not `[@a]`.\n:::\n';
    const [note] = findEditorialNotes(body, numbers);
    expect(note?.text).toBe('See [2, refs 63–67; 3], [3–5] and [see 2, ref. 84], not [@a].');
    expect(note?.keys).toEqual(['a', 'b', 'c', 'd', 'b', 'a']);
    const [mdxNote] = findEditorialNotes('{1 + 1}\n\n:::editorial\nA note <abbr title="x">X</abbr> [@a, sec. 2].\n:::\n', numbers, { mdx: true });
    expect(mdxNote?.text).toBe('A note X [2, sec. 2].');
  });

  test('notes become search records of their own kind, landing on the note', () => {
    const records = noteRecords([{ page: 'a', pageTitle: 'A', id: 'note-2', text: 'Second note.' }, { page: '', pageTitle: 'Home', id: 'note-1', text: 'Home note.' }], 'en');
    expect(records.map((r) => [r.url, r.filters])).toEqual([
      ['/chapters/a/#note-2', { kind: ['Editorial note'], chapter: ['A'] }],
      ['/#note-1', { kind: ['Editorial note'] }],
    ]);
  });

  test('the review has notes in the new form, each with text', () => {
    const notes = collectEditorialNotes(buildReviewIndex('content'));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.text.length, `${note.page}#${note.id}`).toBeGreaterThan(20);
  }, 30_000);
});
