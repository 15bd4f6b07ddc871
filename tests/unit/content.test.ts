// The review itself: eight chapters in order, valid front matter, and citations only of works on file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectCitations, parsePage } from '../../src/lib/citations/citation-syntax.ts';
import { loadReferences } from '../../src/lib/bibliography/references.ts';
import { buildReviewIndex, splitFrontMatter, stripCode } from '../../src/lib/content/review-index.ts';
import { sourceAuthorOf } from '../../src/plugins/reference-provenance.ts';

const dir = 'content/chapters';
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
const chapters = files.map((name) => ({ name, ...splitFrontMatter(readFileSync(join(dir, name), 'utf8'), name) }));
const known = new Set(loadReferences('content/references.json').map((r) => r.id));
// Keys cited in a piece of a chapter, read as the build reads them.
const citationKeys = (text: string) => collectCitations(parsePage(text, { mdx: true }), text).flatMap((g) => g.keys);

describe('the review', () => {
  test('has eight chapters, numbered 1–8 in file order, each with title and summary', () => {
    expect(chapters.map((c) => c.data['order'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(chapters.map((c) => c.name.slice(0, 3))).toEqual(['01-', '02-', '03-', '04-', '05-', '06-', '07-', '08-']);
    for (const c of chapters) {
      expect(typeof c.data['title'], c.name).toBe('string');
      expect(String(c.data['summary']).length, c.name).toBeGreaterThan(20);
    }
  });

  test.each(chapters.map((c) => [c.name, c] as const))('%s names the source\'s own reference numbers in its prose ("Zhao et al. ref. 84")', (_name, c) => {
    const index = buildReviewIndex('content');
    const author = sourceAuthorOf(index.recordsById, index.sourceKey) ?? '';
    // Outside citations, where the locator already follows the source's number: `[@source, ref. 84]`.
    const prose = c.body.replace(/\[[^\]]*@[^\]]*\]/g, '');
    const bare = [...prose.matchAll(/\b(?:ref\.|refs)\s+\d+/g)].filter((m) => !prose.slice(0, m.index).endsWith(`${author} `));
    expect(bare.map((m) => m[0])).toEqual([]);
  });

  test.each(chapters.map((c) => [c.name, c] as const))('%s cites only works in references.json', (_name, c) => {
    const keys = citationKeys(c.body);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !known.has(k))).toEqual([]);
  });

  test.each(chapters.filter((c) => Number(c.data['order']) < 8).map((c) => [c.name, c] as const))('%s: every paragraph that reports a figure carries a citation', (_name, c) => {
    const paragraphs = stripCode(c.body).split(/\n{2,}/).filter((p) => !/^\s*(#|>|\||!\[)/.test(p) && /\d+(?:\.\d+)?\s?(?:%|°C|N\b|mg|weeks?|months?)/.test(p));
    for (const p of paragraphs) expect(citationKeys(p).length, p.slice(0, 120)).toBeGreaterThan(0);
  });

  test('tables of populations, therapies and evidence are in their chapters (written, or made from the studies data)', () => {
    const table = (name: string) => /^\|.+\|\s*\n\|[\s:|-]+\|/m.test(chapters.find((c) => c.name.startsWith(name))?.body ?? '')
      || /^::evidence-table\{table="[^"]+"\}$/m.test(chapters.find((c) => c.name.startsWith(name))?.body ?? '');
    expect(['03-', '04-', '06-'].map(table)).toEqual([true, true, true]);
  });

  test('no chapter writes its own top-level heading or reference list', () => {
    for (const c of chapters) {
      expect(c.body, c.name).not.toMatch(/^# /m);
      expect(c.body, c.name).not.toMatch(/^#+ References\s*$/m);
    }
  });
});
