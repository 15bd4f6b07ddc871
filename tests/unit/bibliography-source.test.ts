import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findBibliography, parseBibliography } from '../../src/lib/bibliography/bibliography-source.ts';
import { ContentError } from '../../src/lib/content/content-error.ts';

const caught = (run: () => unknown): ContentError => {
  try { run(); } catch (error) { return error as ContentError; }
  throw new Error('expected a ContentError');
};

describe('BibTeX', () => {
  test('keys are the citekeys; DOI, PubMed and PMC identifiers come through, @string and @comment are skipped', () => {
    const text = [
      '@comment{exported by a reference manager}',
      '@string{js = {Journal of Samples}}',
      '@article{sample2020one,',
      '  title = {A {Sample} record},',
      '  author = {Sample, Ann and Other, Bo},',
      '  journaltitle = js, date = {2020-03},',
      '  doi = {10.5555/sample.1}, eprint = {1000001}, eprinttype = {pubmed}, pmcid = {PMC1000001},',
      '}',
      '@book{sample2021two, title = {Second sample}, year = 2021, publisher = {Sample Press}}',
    ].join('\n');
    const [one, two] = parseBibliography(text, 'refs.bib');
    expect(one).toMatchObject({ id: 'sample2020one', type: 'article-journal', title: 'A Sample record', DOI: '10.5555/sample.1', PMID: '1000001', PMCID: 'PMC1000001', 'container-title': 'Journal of Samples' });
    expect(one?.['author']).toEqual([{ family: 'Sample', given: 'Ann' }, { family: 'Other', given: 'Bo' }]);
    expect(two).toMatchObject({ id: 'sample2021two', type: 'book', publisher: 'Sample Press' });
    expect(Object.keys(one ?? {})).not.toContain('_graph');
  });

  test.each([
    ['an unclosed brace', '@article{a, title = {A}}\n\n@article{b,\n  title = {B {oops},\n}\n@article{c, title = {C}}', 3, 'references-bibtex-unclosed', /never closed/],
    ['a duplicate key', '@article{a, title = {A}}\n@article{b, title = {B}}\n\n@article{a, title = {C}}', 4, 'references-duplicate-id', /duplicate citation key "a" \(first used on line 1\)/],
    ['an entry without a type', '@article{a, title = {A}}\n@{b, title = {B}}', 2, 'references-bibtex-no-type', /entry "b" has no type/],
    ['an entry without a title', '@article{a, title = {A}}\n\n\n@article{b, year = 2020}', 4, 'references-malformed', /record "b" has no "title"/],
  ])('%s fails with the line and the cause', (_name, text, line, ruleId, cause) => {
    const error = caught(() => parseBibliography(text, 'refs.bib'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(new RegExp(`^refs\\.bib:${line}: `));
    expect(error.ruleId).toBe(ruleId);
    expect(error.reason).toMatch(cause);
  });
});

describe('RIS', () => {
  const ris = (id: string, title: string) => `TY  - JOUR\nID  - ${id}\nTI  - ${title}\nAU  - Sample, Ann\nPY  - 2020\nDO  - 10.5555/${id}\nER  - \n`;

  test('keys come from the ID tag', () => {
    const records = parseBibliography(`${ris('one', 'First')}\n${ris('two', 'Second')}`, 'refs.ris');
    expect(records.map((r) => [r.id, r.title, r.DOI])).toEqual([['one', 'First', '10.5555/one'], ['two', 'Second', '10.5555/two']]);
  });

  test.each([
    ['a record without TY', `${ris('one', 'A')}\nID  - two\nTI  - B\nER  - \n`, 9, 'references-ris-no-type'],
    ['a duplicate ID', `${ris('one', 'A')}\n${ris('one', 'B')}`, 9, 'references-duplicate-id'],
    ['a record never closed', `${ris('one', 'A')}\nTY  - JOUR\nID  - two\n\n${ris('three', 'C')}`, 9, 'references-ris-unclosed'],
    ['a record without ID', `${ris('one', 'A')}\nTY  - JOUR\nTI  - B\nER  - \n`, 9, 'references-ris-no-id'],
  ])('%s fails with the line and the cause', (_name, text, line, ruleId) => {
    const error = caught(() => parseBibliography(text, 'refs.ris'));
    expect(error.message).toMatch(new RegExp(`^refs\\.ris:${line}: `));
    expect(error.ruleId).toBe(ruleId);
  });
});

describe('finding the bibliography', () => {
  const folder = (...names: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'bibliography-'));
    for (const name of names) writeFileSync(join(dir, name), '');
    return dir;
  };
  test.each([['references.json', 'csl-json'], ['references.bib', 'bibtex'], ['references.ris', 'ris']])('%s is read as %s', (name, format) => {
    expect(findBibliography(folder(name))?.format).toBe(format);
  });
  test('none is an empty bibliography; two is an error naming both', () => {
    expect(findBibliography(folder('home.mdx'))).toBeUndefined();
    expect(() => findBibliography(folder('references.json', 'references.bib'))).toThrow(/references\.json and references\.bib are both present.*\[references-ambiguous\]/);
  });
});
