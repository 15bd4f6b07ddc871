// The BibTeX and RIS downloads, read back as a reference manager would: citation-js's own readers, and the site's
// bibliography reader for RIS (which keeps PubMed ids).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { exportReferences } from '../../src/lib/bibliography/bibliography.ts';
import { takeRisIdentifiers, toBibtex, toRis } from '../../src/lib/bibliography/bibliography-export.ts';
import { parseBibliography } from '../../src/lib/bibliography/bibliography-source.ts';
import type { CslRecord } from '../../src/lib/bibliography/reference-links.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';

const index = buildReviewIndex('content');
const records = index.references;

/** Made-up records for what the review's own data may not have: an article number, a day, a long title. */
const SAMPLE: CslRecord[] = [
  {
    id: 'sample2024article-with-a-long-key', type: 'article-journal',
    title: 'A sample record whose title is long enough that a writer wrapping at seventy characters would break it',
    author: [{ family: 'Sample', given: 'Ann' }, { family: 'Other', given: 'Bo' }], 'container-title': 'Journal of Samples',
    issued: { 'date-parts': [[2024, 3, 9]] }, volume: '7', number: 'e1001', DOI: '10.5555/sample.1', PMID: '1000001', PMCID: 'PMC1000001',
  },
  { id: 'sample2019pages', type: 'article-journal', title: 'Pages', author: [{ family: 'Sample', given: 'Cy' }], issued: { 'date-parts': [[2019, 11]] }, page: '10–14', PMID: '1000002' },
];

type Parsed = Record<string, unknown> & { issued?: { 'date-parts': number[][] }; author?: { family?: string; literal?: string }[] };
const byId = (list: Parsed[]) => new Map(list.map((r) => [String(r['citation-key'] ?? r['id']), r]));
/** Family names with their particles ("van Tulder"), however the reader splits them. */
const families = (r: Record<string, unknown>) => ((r['author'] ?? []) as Record<string, string | undefined>[])
  .map((a) => [a['non-dropping-particle'], a['family'] ?? a['literal']].filter(Boolean).join(' '));
const dateOf = (r: Record<string, unknown>) => (r['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0]?.map(Number);

describe('BibTeX download', () => {
  const all = [...records, ...SAMPLE];
  const bib = toBibtex(all);

  test('months are month macros, and a day goes in date, never in month', () => {
    expect(bib).not.toMatch(/month = \{/);
    for (const m of bib.matchAll(/month = (\S+),/g)) expect(m[1]).toMatch(/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/);
    expect(bib).toMatch(/@article\{sample2024article-with-a-long-key,[^@]*\tmonth = mar,\n\tdate = \{2024-03-09\},/);
  });

  // Classic BibTeX has no day and no PubMed field: citation-js's reader for it stops at the month and skips
  // pmid/pmcid (Zotero and JabRef read them); its BibLaTeX reader reads the whole date and both ids.
  test.each([
    ['@biblatex/text', 3, ['DOI', 'PMID', 'PMCID', 'volume']],
    ['@bibtex/text', 2, ['DOI', 'volume']],
  ] as const)('read back by citation-js as %s, every record keeps its title, authors, date and identifiers', (forceType, dateLength, fields) => {
    const back = byId(new Cite(bib, { forceType }).data as Parsed[]);
    expect(back.size).toBe(all.length);
    for (const record of all) {
      const read = back.get(record.id);
      expect(read, record.id).toBeDefined();
      expect(String(read?.['title']).replace(/[{}]/g, ''), record.id).toBe(record.title);
      expect(families(read ?? {}), record.id).toEqual(families(record));
      expect(dateOf(read ?? {}), record.id).toEqual(dateOf(record)?.slice(0, dateLength));
      for (const field of fields) expect(read?.[field], `${record.id} ${field}`).toBe(record[field]);
    }
    expect(back.get('sample2024article-with-a-long-key')?.['number']).toBe('e1001');
  });

  test('the source review is exported with only what its record holds', () => {
    const source = records.find((r) => r.id === index.sourceKey);
    expect(source).toBeDefined();
    const entry = toBibtex([source!]);
    // No field is made up: an article number only where the record has one.
    expect(entry.includes('eid =')).toBe(source!['number'] !== undefined);
    if (source!.PMCID) expect(entry).toContain(`pmcid = {${source!.PMCID}}`);
  });
});

describe('RIS download', () => {
  const all = [...records, ...SAMPLE];
  const ris = toRis(all);

  test('every line is tagged: no title wrapped onto an untagged line', () => {
    const lines = ris.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(all.length * 4);
    expect(lines.filter((l) => !/^[A-Z][A-Z0-9] {2}- /.test(l))).toEqual([]);
    expect(ris).toContain(`TI  - ${SAMPLE[0]!.title}\n`);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(all.length);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(all.length);
  });

  test('page ranges are SP and EP; dates are YYYY/MM/DD/; ids are whole', () => {
    expect(ris).toMatch(/ID {2}- sample2019pages\n/);
    expect(ris).toMatch(/SP {2}- 10\nEP {2}- 14\n/);
    expect(ris).toContain('DA  - 2024/03/09/');
    expect(ris).toContain('DA  - 2019/11//');
    expect(ris).toContain('ID  - sample2024article-with-a-long-key\n');
  });

  test('read back by citation-js, records keep title, authors, date, DOI, PMCID and article number', () => {
    const back = new Cite(ris, { forceType: '@ris/file' }).data as Parsed[];
    expect(back).toHaveLength(all.length);
    back.forEach((read, i) => {
      const record = all[i]!;
      expect(read['title'], record.id).toBe(record.title);
      expect(families(read), record.id).toEqual(families(record));
      expect(dateOf(read), record.id).toEqual(dateOf(record));
      expect(read['DOI'], record.id).toBe(record.DOI);
      if (record.type === 'article-journal') expect(read['PMCID'], record.id).toBe(record.PMCID);
    });
    expect(back[all.length - 2]?.['number']).toBe('e1001');
    expect(back[all.length - 1]?.['page']).toBe('10-14');
  });

  test('RIS out, RIS in through the site reader: DOI, PMID and PMCID survive for every record', () => {
    const back = parseBibliography(exportReferences(all, 'ris'), 'references.ris');
    expect(back.map((r) => r.id)).toEqual(all.map((r) => r.id));
    back.forEach((read, i) => {
      const record = all[i]!;
      for (const field of ['DOI', 'PMID', 'PMCID'] as const) expect(read[field], `${record.id} ${field}`).toBe(record[field]);
      expect(read['page'], record.id).toBe(record['page'] === undefined ? undefined : String(record['page']).replace('–', '-'));
    });
    expect(records.filter((r) => r.PMID).length).toBeGreaterThan(0);
  });

  test('PubMed ids are written as Zotero reads them from RIS (Extra, via M2), whatever tag a file uses', () => {
    expect(ris).toContain('M2  - PMID: 1000001\nM2  - PMCID: PMC1000001\n');
    const file = 'TY  - JOUR\nID  - a\nTI  - A\nN1  - PMID: 42\nER  - \n\nTY  - JOUR\nID  - b\nTI  - B\nER  - \n';
    const taken = takeRisIdentifiers(file);
    expect(taken.identifiers).toEqual([{ PMID: '42' }, {}]);
    expect(taken.text).not.toContain('PMID');
    expect(parseBibliography(file, 'references.ris').map((r) => r.PMID)).toEqual(['42', undefined]);
  });
});
