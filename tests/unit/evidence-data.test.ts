// The studies table (content/evidence.json): its schema and checks, each rule failing with file, row line, row id and
// rule id; and the review's own data, which must cover every work chapters 4–7 cite for a finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { collectCitations, parsePage } from '../../src/lib/citations/citation-syntax.ts';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { buildReviewIndex, splitFrontMatter } from '../../src/lib/content/review-index.ts';
import { citeItems, parseEvidenceData, readEvidence, type EvidenceContext } from '../../src/lib/evidence/evidence-data.ts';

const VOCABULARIES = {
  kind: [{ id: 'animal', label: 'Animal' }, { id: 'summary', label: 'Group of studies' }],
  region: [{ id: 'NP', label: 'Nucleus pulposus' }, { id: 'AF', label: 'Annulus fibrosus' }],
};
const ROW = { id: 'rat-hydrogel', study: 'Hydrogel in rats', kind: 'animal', species: 'Rat', region: ['NP'], cellType: null, intervention: 'Hydrogel', outcome: 'Less degeneration', cite: '[@smith2020gel; @review2025, ref. 5]', passage: '02-studies.mdx#animal-studies' };
const CONTEXT: EvidenceContext = { keys: new Set(['smith2020gel', 'review2025']), headingIds: new Map([['02-studies.mdx', new Set(['animal-studies'])]]) };

/** The file as a writer would lay it out: one row per line from line 8 on, so row i starts on line 8 + i. */
const file = (rows: unknown[], extra: Record<string, unknown> = {}) => {
  const head = JSON.stringify({ vocabularies: VOCABULARIES, ...extra }, null, 2).replace(/\n}$/, '');
  return `${head},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
};
const lineOfRow = (text: string, id: string) => text.split('\n').findIndex((l) => l.includes(`"id":"${id}"`)) + 1;
const failure = (text: string, context: EvidenceContext | undefined = CONTEXT): ContentError => {
  try {
    parseEvidenceData(text, 'content/evidence.json', context);
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('expected a failure');
};

describe('evidence data: valid rows', () => {
  test('a valid file is read with its rows, vocabularies and tables', () => {
    const data = parseEvidenceData(file([ROW, { ...ROW, id: 'group', kind: 'summary', species: null, region: [], cite: '[@review2025, refs 12–14]', tables: ['main'] }], { tables: { main: { columns: [{ field: 'study', label: 'Study' }, { field: 'cite', label: 'Citations' }] } } }), 'evidence.json', CONTEXT);
    expect(data.rows.map((r) => r.id)).toEqual(['rat-hydrogel', 'group']);
    expect(data.tables?.['main']?.columns.map((c) => c.field)).toEqual(['study', 'cite']);
  });

  test('cite is read by the site\'s own citation parser, locators included', () => {
    expect(citeItems('[@review2025, refs 12–14]')).toEqual([{ key: 'review2025', locator: { label: 'refs', value: '12–14' }, suppressAuthor: false }]);
    expect(citeItems('[@a; @b]')?.map((i) => i.key)).toEqual(['a', 'b']);
    expect(citeItems('[@a] and [@b]')).toBeUndefined();
    expect(citeItems('@a')).toBeUndefined();
  });

  test('a review without evidence.json has none', () => {
    expect(readEvidence('tests/fixtures/mini-review')).toBeUndefined();
  });
});

describe('evidence data: each rule fails with the row\'s line, its id and [evidence-invalid]', () => {
  test.each([
    ['an id that is not kebab-case', { ...ROW, id: 'Rat_Hydrogel' }, 'Rat_Hydrogel', /row "Rat_Hydrogel": id: must be kebab-case/],
    ['a kind not declared in the vocabulary', { ...ROW, kind: 'in-silico' }, 'rat-hydrogel', /row "rat-hydrogel": kind "in-silico" is not declared in vocabularies\.kind/],
    ['a region not declared in the vocabulary', { ...ROW, region: ['NP', 'CEP'] }, 'rat-hydrogel', /row "rat-hydrogel": region "CEP" is not declared in vocabularies\.region/],
    ['a cite that is not a citation group', { ...ROW, cite: 'Smith 2020' }, 'rat-hydrogel', /row "rat-hydrogel": cite "Smith 2020" is not one Pandoc citation group/],
    ['a cite of two groups', { ...ROW, cite: '[@smith2020gel] [@review2025]' }, 'rat-hydrogel', /is not one Pandoc citation group/],
    ['an unknown citation key', { ...ROW, cite: '[@nobody1999]' }, 'rat-hydrogel', /row "rat-hydrogel": cite: unknown citation key "@nobody1999"/],
    ['a passage to a chapter that does not exist', { ...ROW, passage: '09-missing.mdx#animal-studies' }, 'rat-hydrogel', /row "rat-hydrogel": passage: no chapter file "09-missing\.mdx"/],
    ['a passage to a heading that does not exist', { ...ROW, passage: '02-studies.mdx#no-such-heading' }, 'rat-hydrogel', /row "rat-hydrogel": passage: no heading with id "no-such-heading" in 02-studies\.mdx/],
    ['a passage without a heading', { ...ROW, passage: '02-studies.mdx' }, 'rat-hydrogel', /row "rat-hydrogel": passage: must be "chapter-file\.mdx#heading-id"/],
    ['a citation outside cite', { ...ROW, outcome: 'Less degeneration [@smith2020gel]' }, 'rat-hydrogel', /row "rat-hydrogel": outcome holds a citation/],
    ['a table not declared under tables', { ...ROW, tables: ['nowhere'] }, 'rat-hydrogel', /row "rat-hydrogel": table "nowhere" is not declared/],
    ['a field the schema does not know', { ...ROW, year: 2020 }, 'rat-hydrogel', /row "rat-hydrogel": \(row\): .*year/],
    ['a missing field', { ...ROW, species: undefined }, 'rat-hydrogel', /row "rat-hydrogel": species:/],
    ['a line break inside a field', { ...ROW, outcome: 'Less\ndegeneration' }, 'rat-hydrogel', /row "rat-hydrogel": outcome: must be one line/],
    ['an empty study', { ...ROW, study: ' ' }, 'rat-hydrogel', /row "rat-hydrogel": study:/],
  ])('%s', (_name, bad, id, message) => {
    const text = file([{ ...ROW, id: 'first-row' }, bad]);
    const error = failure(text);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.ruleId).toBe('evidence-invalid');
    expect(error.message).toMatch(message);
    expect(error.line).toBe(lineOfRow(text, id));
    expect(error.message).toMatch(new RegExp(`^content/evidence\\.json:${error.line}: row "`));
  });

  test('a duplicate id names the second row and the first', () => {
    const text = file([ROW, { ...ROW, study: 'Another' }]);
    const error = failure(text);
    expect(error.message).toMatch(/row "rat-hydrogel": duplicate id: row 1 has the same id \[evidence-invalid\]/);
    expect(error.line).toBe(lineOfRow(text, 'rat-hydrogel') + 1);
  });

  test('a vocabulary id declared twice fails at the vocabulary', () => {
    const text = file([ROW]).replace('"id": "summary"', '"id": "animal"');
    expect(failure(text).message).toMatch(/vocabularies\.kind: id "animal" is declared twice \[evidence-invalid\]/);
  });

  test('without a context, keys and passages are not checked (structure only)', () => {
    expect(parseEvidenceData(file([{ ...ROW, cite: '[@nobody1999]', passage: 'x.mdx#y' }]), 'e.json').rows).toHaveLength(1);
  });

  test('malformed JSON fails with its line', () => {
    const error = failure('{\n  "vocabularies": {\n  "rows": [}\n');
    expect(error.ruleId).toBe('evidence-invalid');
    expect(error.line).toBe(3);
  });
});

// The review's own data.
const index = buildReviewIndex('content');
const data = index.evidenceRows;

/** Works cited in chapters 4–7 that report no study finding of their own, and why. */
const NOT_A_STUDY: Record<string, string> = {
  schofield1978relationship: 'proposes the stem cell niche concept; the review reports no study finding from it',
  wei2009bmp13: 'one of five candidates for the block the review cites for BMP13/GDF6 as a research direction; no finding is reported',
  miyazaki2018growth: 'as wei2009bmp13: a candidate for the BMP13/GDF6 block, a research direction',
  hodgkinson2019therapeutic: 'as wei2009bmp13: a candidate for the BMP13/GDF6 block, a research direction',
  hodgkinson2020regenerative: 'as wei2009bmp13: a candidate for the BMP13/GDF6 block, a research direction',
  clarke2014growth: 'as wei2009bmp13: a candidate for the BMP13/GDF6 block, a research direction',
  liu2024a2ar: 'CGS-21680 is named as a potential drug for future work; no finding is reported',
};

describe('the review\'s evidence data', () => {
  test('loads and is checked against the chapters and the bibliography', () => {
    expect(data).toBeDefined();
    expect(readEvidence('content')?.rows.length).toBe(data?.rows.length);
    expect(data?.rows.length).toBeGreaterThanOrEqual(8);
  });

  test('every work cited in chapters 4–7 appears in some row\'s cite, or is listed here as not a study', () => {
    const cited = new Set<string>();
    for (const chapter of index.chapters.filter((c) => c.order >= 4 && c.order <= 7)) {
      const { body } = splitFrontMatter(readFileSync(chapter.file, 'utf8'), chapter.file);
      for (const group of collectCitations(parsePage(body, { mdx: chapter.file.endsWith('.mdx') }), body)) for (const key of group.keys) cited.add(key);
    }
    const inRows = new Set(data?.rows.flatMap((r) => citeItems(r.cite)?.map((i) => i.key) ?? []));
    expect([...cited].filter((k) => !inRows.has(k) && !NOT_A_STUDY[k])).toEqual([]);
    // The list holds only works that are cited and have no row, so it cannot hide a missing one.
    expect(Object.keys(NOT_A_STUDY).filter((k) => !cited.has(k) || inRows.has(k))).toEqual([]);
  });

  test('the 24-month follow-up is not named after its unverified record', () => {
    const row = data?.rows.find((r) => r.cite.includes('@yoshikawa2010disc'));
    expect(row).toBeDefined();
    const { cite: _key, ...words } = row ?? {};
    expect(JSON.stringify(words)).not.toMatch(/Yoshikawa/i);
    expect(index.evidence?.get('yoshikawa2010disc')?.status).toBe('unverified');
  });

  test('each source number shared by two candidate records keeps the source\'s bracket whole', () => {
    const row = data?.rows.find((r) => r.id === 'hostile-disc-cell-death');
    expect(row?.cite).toBe('[@han2014nucleus; @tao2013potential; @zhao2025application, refs 12–14]');
  });
});
