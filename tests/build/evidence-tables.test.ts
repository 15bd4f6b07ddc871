// A whole build of a small review with studies data: the chapter table holds exactly the rows the data selects, in
// its order, each linked under the base path to its entry, and its citation numbers are the site's own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';
import { citeItems, parseEvidenceData } from '../../src/lib/evidence/evidence-data.ts';
import { rowsOfTable } from '../../src/lib/evidence/evidence-table.ts';

test('the built table has the data\'s rows for its name, in order, linked under the base, numbered as the reference list', () => {
  const content = copyFixture();
  const evidence = readFileSync('tests/fixtures/evidence/evidence.json', 'utf8');
  writeFileSync(join(content, 'evidence.json'), evidence);
  const chapterFile = join(content, 'chapters/02-theanine.mdx');
  writeFileSync(chapterFile, `${readFileSync(chapterFile, 'utf8').trimEnd()}\n\n::evidence-table{table="studies"}\n\nAfterwards [@leaf2020night].\n`);
  const out = `${content}-dist`;
  const result = buildSite(content, out, { BASE_PATH: '/sub/review/' });
  expect(result.status, result.output).toBe(0);

  const html = readFileSync(join(out, 'chapters/theanine/index.html'), 'utf8');
  const table = /<table data-evidence-table="studies">[\s\S]*?<\/table>/.exec(html)?.[0];
  expect(table).toBeDefined();
  const rows = [...(table ?? '').matchAll(/<tr data-evidence-row="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1] ?? '', cells: m[2] ?? '' }));
  const data = parseEvidenceData(evidence, 'evidence.json');
  const selected = rowsOfTable(data, 'studies');
  expect(rows.map((r) => r.id)).toEqual(selected.map((r) => r.id));

  // The page's reference list says which number each work has; the table's citations must show the same.
  const listed = new Map([...html.matchAll(/<li id="ref-([^"]+)"[^>]* value="(\d+)"/g)].map((m) => [m[1] ?? '', Number(m[2])]));
  for (const [i, row] of rows.entries()) {
    expect(row.cells, row.id).toContain(`<a href="/sub/review/evidence/#${row.id}">${selected[i]?.study}</a>`);
    const shown = [...row.cells.matchAll(/<a href="#ref-([^"]+)"[^>]*>(\d+)<\/a>/g)].map((m) => [m[1], Number(m[2])]);
    const keys = citeItems(selected[i]?.cite ?? '')?.map((item) => item.key) ?? [];
    expect(shown.map(([key]) => key).sort(), row.id).toEqual([...keys].sort());
    for (const [key, n] of shown) expect(n, `${row.id}: ${key}`).toBe(listed.get(String(key)));
  }
  expect(rows[0]?.cells).toMatch(/, p\. 3\]/);
  // The other rows' null fields read "not given"; the row outside the table is not on the page.
  expect(rows[1]?.cells).toContain('<td>not given</td>');
  expect(html).not.toContain('tea-habits');
  // Citations after the table are numbered on from it: the chapter had two groups, the table adds two.
  expect(html).toContain('id="cite-5"');
});
