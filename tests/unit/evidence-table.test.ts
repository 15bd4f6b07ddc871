// `::evidence-table{table="name"}`: the table is made from the studies data once, by one function that the numbering
// pre-pass and the renderer both run, so the citations in it are numbered like every other citation.
import { describe, expect, test } from 'vitest';
import type { Root, Table } from 'mdast';
import { collectCitations, parsePage } from '../../src/lib/citations/citation-syntax.ts';
import type { EvidenceData } from '../../src/lib/evidence/evidence-data.ts';
import { expandEvidenceTables, rowsOfTable } from '../../src/lib/evidence/evidence-table.ts';
import { evidenceRowPath, evidenceUrl } from '../../src/lib/evidence/evidence-url.ts';
import { chapter, miniReview, render } from '../support/pipeline.ts';

const row = (id: string, cite: string, extra: Record<string, unknown> = {}) => ({
  id, study: `Study ${id}`, kind: 'animal', species: 'rat', region: ['NP'], cellType: null, intervention: null, outcome: `Outcome of ${id}`, cite, passage: '01-a.md#results', tables: ['main'], ...extra,
});
const DATA = {
  vocabularies: { kind: [{ id: 'animal', label: 'Animal' }, { id: 'summary', label: 'Group of studies' }], region: [{ id: 'NP', label: 'Nucleus pulposus' }] },
  tables: { main: { columns: [{ field: 'study', label: 'Study' }, { field: 'species', label: 'Species' }, { field: 'region', label: 'Where' }, { field: 'intervention', label: 'Intervention' }, { field: 'cite', label: 'Citations' }] } },
  rows: [
    row('first', '[@alpha2020, p. 5]'),
    // Not in the table, and the only place delta2023 is cited: it must not take a number from the chapters.
    row('elsewhere', '[@delta2023]', { tables: [] }),
    row('second', '[@beta2021; @gamma2022]', { species: null, region: [], intervention: 'Raw <b>markup</b> stays text' }),
  ],
};
const BODY = 'Intro [@gamma2022].\n\n## Results\n\n::evidence-table{table="main"}\n\nAfter the table [@beta2021].';

describe('a chapter table made from the studies data', () => {
  const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', BODY) }, evidence: DATA, entities: [{ id: 'rat', type: 'species', label: 'rat', textForms: ['rat'], aliases: [], status: 'verified', ids: {} }] });

  test('the numbering pre-pass reads the table\'s citations in place, and nothing from rows outside it', () => {
    expect(review.index.citationGroupsByFile.get('01-a.md')?.map((g) => g.map((i) => i.key).join(' '))).toEqual(['gamma2022', 'alpha2020', 'beta2021 gamma2022', 'beta2021']);
    expect([...review.index.numbers]).toEqual([['gamma2022', 1], ['alpha2020', 2], ['beta2021', 3]]);
    expect(review.index.evidenceRows?.rows.map((r) => r.id)).toEqual(['first', 'elsewhere', 'second']);
  });

  test('renders the selected rows in the data\'s order, each linked to its entry, with the pre-pass\'s numbers', async () => {
    const html = await render(review, '01-a.md');
    const table = /<table data-evidence-table="main">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect([...table.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['Study', 'Species', 'Where', 'Intervention', 'Citations']);
    const rows = [...table.matchAll(/<tr data-evidence-row="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((m) => m[1])).toEqual(rowsOfTable(review.index.evidenceRows as EvidenceData, 'main').map((r) => r.id));
    expect(rows.map((m) => m[1])).toEqual(['first', 'second']);
    expect(rows[0]?.[2]).toContain('<a href="/evidence/#first">Study first</a>');
    const numbers = (cells: string) => [...cells.matchAll(/aria-label="Reference (\d+)"/g)].map((m) => Number(m[1]));
    expect(numbers(rows[0]?.[2] ?? '')).toEqual([review.index.numbers.get('alpha2020')]);
    expect(rows[0]?.[2]).toMatch(/>2<\/a>, p\. 5\]/);
    expect(numbers(rows[1]?.[2] ?? '').sort()).toEqual([review.index.numbers.get('gamma2022'), review.index.numbers.get('beta2021')].sort());
    // Citations after the table keep counting on: the page's fourth group is cite-4.
    expect(html).toContain('id="cite-4"');
  });

  test('a field the source does not give reads "not given"; raw markup in the data stays text', async () => {
    const html = await render(review, '01-a.md');
    const second = /<tr data-evidence-row="second">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect([...second.matchAll(/<td>([\s\S]*?)<\/td>/g)].slice(1, 3).map((m) => m[1])).toEqual(['not given', 'not given']);
    expect(second).toContain('Raw &#x3C;b>markup&#x3C;/b> stays text');
    expect(second).not.toContain('<b>');
  });

  test('mentions in the table\'s cells are counted for their section', () => {
    expect(review.index.entityMentions.get('rat')?.map((s) => [s.sectionId, s.count])).toEqual([['results', 1]]);
  });
});

describe('a table name or review the data does not have', () => {
  test('an unknown table name fails at the directive\'s line, in the pre-pass', () => {
    expect(() => miniReview({ chapters: { '01-a.md': chapter(1, 'A', BODY.replace('table="main"', 'table="mian"')) }, evidence: DATA }))
      .toThrow(/01-a\.md:10: ::evidence-table\{table="mian"\}: unknown table; evidence\.json declares "main" \[evidence-table-unknown\]/);
  });

  test('the renderer fails the same way, at the same line', async () => {
    const tree = parsePage('Text.\n\n::evidence-table{table="nope"}', { mdx: false });
    expect(tree.children[1]?.type).toBe('paragraph'); // without the expansion the directive goes back to text
    const { transformEvidenceTables } = await import('../../src/plugins/remark-evidence-tables.ts');
    const { VFile } = await import('vfile');
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkDirective = (await import('remark-directive')).default;
    const raw = unified().use(remarkParse).use(remarkDirective).parse('Text.\n\n::evidence-table{table="nope"}') as Root;
    expect(() => transformEvidenceTables(raw, new VFile({ path: 'x.md' }), { data: DATA as EvidenceData })).toThrow(expect.objectContaining({ line: 3, ruleId: 'evidence-table-unknown' }));
  });

  test('a review without studies data fails on the directive', () => {
    expect(() => miniReview({ chapters: { '01-a.md': chapter(1, 'A', BODY) } })).toThrow(/01-a\.md:10: .*has no studies data \(content\/evidence\.json\) \[evidence-table-unknown\]/);
  });
});

test('a row\'s address: site-relative for chapter links, with the base for pages', () => {
  expect(evidenceRowPath('rat-gel')).toBe('/evidence/#rat-gel');
  expect(evidenceUrl('/', 'rat-gel')).toBe('/evidence/#rat-gel');
  expect(evidenceUrl('/sub/review', 'rat-gel')).toBe('/sub/review/evidence/#rat-gel');
});

describe('expandEvidenceTables', () => {
  const expand = (source: string, statusOf?: (key: string) => string | undefined) => {
    const data = { ...DATA, tables: { main: { columns: [{ field: 'study', label: 'Study' }, { field: 'record', label: 'Record' }, { field: 'cite', label: 'Citations' }] } } } as EvidenceData;
    const tree = parsePage(source, { mdx: false, expand: (t) => expandEvidenceTables(t, { data, statusOf, sourceKey: 'gamma2022' }, (reason) => { throw new Error(reason); }) });
    return { tree, table: tree.children.find((n): n is Table => n.type === 'table') };
  };
  const cellText = (table: Table | undefined, r: number, c: number) => JSON.stringify(table?.children[r]?.children[c]).match(/"value":"([^"]*)"/g)?.map((v) => v.slice(9, -1)).join('');

  test('every generated node stands at the directive, so errors point there and the citation reader sees no escapes', () => {
    const { tree, table } = expand('Para.\n\n::evidence-table{table="main"}\n');
    expect(table?.position?.start.line).toBe(3);
    const groups = collectCitations(tree, 'Para.\n\n::evidence-table{table="main"}\n');
    expect(groups.map((g) => [g.keys.join(' '), g.line])).toEqual([['alpha2020', 3], ['beta2021 gamma2022', 3]]);
  });

  test('the record column says how sure the records are, leaving out the source review', () => {
    const { table } = expand('::evidence-table{table="main"}', (key) => ({ alpha2020: 'verified', beta2021: 'unverified' })[key]);
    expect(cellText(table, 1, 1)).toBe('verified');
    expect(cellText(table, 2, 1)).toBe('unverified');
    expect(cellText(expand('::evidence-table{table="main"}').table, 1, 1)).toBe('not given');
  });

  test('other leaf directives are left alone, and go back to text as before', () => {
    const { tree } = expand('::note{x="1"}');
    expect(tree.children[0]?.type).toBe('paragraph');
  });
});
