// The evidence table's view, downloads and pictures, on the mini-review's evidence (a second, unrelated review).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { CslRecord } from '../../src/lib/bibliography/reference-links.ts';
import type { EvidenceData } from '../../src/lib/evidence/evidence-types.ts';
import { facetOptions, facetValues, NO_REGION, viewEvidence, type EvidenceViewContext } from '../../src/lib/evidence/evidence-view.ts';
import { csvField, evidenceCsv, evidenceJson, exportFileSchema, exportRows } from '../../src/lib/evidence/evidence-export.ts';
import { parseCsv } from '../support/csv.ts';
import { gapMapCounts, gapMapSvg, timelineCounts, timelineSvg, wrapLabel } from '../../src/lib/evidence/evidence-charts.ts';

const data = JSON.parse(readFileSync('tests/fixtures/mini-review-evidence/evidence.json', 'utf8')) as EvidenceData;
const records = JSON.parse(readFileSync('tests/fixtures/mini-review/references.json', 'utf8')) as CslRecord[];
const context: EvidenceViewContext = {
  numbers: new Map([['brewer2019tea', 1], ['leaf2020night', 2], ['kettle2021calm', 3]]),
  records: new Map(records.map((r) => [r.id, r])),
  statusOf: (key) => (key === 'kettle2021calm' ? 'probable' : 'verified'),
  sourceKey: 'brewer2019tea',
  chapters: new Map([['01-caffeine.mdx', { title: 'Caffeine and sleep onset', number: 1 }], ['02-theanine.mdx', { title: 'L-theanine', number: 2 }]]),
};
const views = viewEvidence(data, context);

describe('evidence view', () => {
  test('labels come from the vocabularies, citations use the site numbers and name the source by its authors', () => {
    const [first, second, third] = views;
    expect(first?.kindLabel).toBe('Laboratory study');
    expect(second?.regionLabels).toEqual(['Brain', 'Blood']);
    expect(first?.citationWords).toBe('[1]; [2]');
    expect(third?.citationWords).toBe('[3]; Brewer sec. 2');
    expect(third?.works.map((w) => w.asLocator)).toEqual([false, true]);
    expect(second?.passagePath).toBe('chapters/caffeine/#dose-and-timing');
    expect(viewEvidence({ ...data, rows: [{ ...data.rows[0]!, passage: '01-caffeine.mdx' }] }, context)[0]?.passagePath).toBe('chapters/caffeine/');
    expect(third?.passageLabel).toBe('Ch. 2: L-theanine');
  });

  test('the status is the weakest match among the works the row stands on', () => {
    expect(views.map((v) => v.status)).toEqual(['verified', 'verified', 'probable']);
  });

  test('a work only evidence rows cite keeps no number and is named in words', () => {
    const [v] = viewEvidence({ ...data, rows: [{ ...data.rows[0]!, cite: '[@kettle2021calm]' }] }, { ...context, numbers: new Map() });
    expect(v?.citationWords).toBe('[Kettle 2021]');
    expect(v?.works[0]?.n).toBeUndefined();
  });

  test('free-text columns give filter values split at semicolons', () => {
    expect(facetValues('Human; adults')).toEqual(['human', 'adults']);
    expect(facetValues(null)).toEqual([]);
    expect(facetOptions(data.rows.map((r) => r.species))).toEqual([
      { value: 'adults', label: 'Adults' }, { value: 'human', label: 'Human' }, { value: 'rat', label: 'Rat' },
    ]);
  });
});

describe('evidence downloads', () => {
  const rows = exportRows(views);

  test.each([['plain', 'plain'], ['a, b', '"a, b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], ['', '']])('csvField(%j)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('the CSV parses back to the same rows, one header, CRLF line ends', () => {
    const csv = evidenceCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').split('\n').every((l) => l === '' || l.endsWith('\r'))).toBe(true);
    const [header = [], ...body] = parseCsv(csv);
    expect(body).toHaveLength(data.rows.length);
    const parsed = body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    expect(parsed.map((r) => r['id'])).toEqual(data.rows.map((r) => r.id));
    expect(parsed.map((r) => r['outcome'])).toEqual(data.rows.map((r) => r.outcome ?? ''));
    expect(parsed.map((r) => r['region'])).toEqual(data.rows.map((r) => r.region.join('; ')));
    expect(parsed[2]?.['note']).toBe('Doses differ between trials, commas, too.');
    expect(parsed[2]?.['citation']).toBe('[3]; Brewer sec. 2');
  });

  test('the JSON holds the same rows and a schema they satisfy', () => {
    const json = JSON.parse(evidenceJson(data, rows));
    expect(json.schema.$schema).toMatch(/json-schema\.org/);
    expect(json.schema.properties.rows.items.required).toContain('id');
    expect(exportFileSchema.parse({ vocabularies: json.vocabularies, rows: json.rows }).rows.map((r) => r.id)).toEqual(data.rows.map((r) => r.id));
    for (const [i, row] of data.rows.entries()) {
      expect(json.rows[i]).toMatchObject({ id: row.id, study: row.study, kind: row.kind, species: row.species, region: row.region, outcome: row.outcome, cite: row.cite, passage: row.passage });
    }
  });
});

describe('evidence pictures', () => {
  const map = gapMapCounts(data);

  test('the gap map counts rows per kind and region, a row in two regions in both, and adds "Not given" when needed', () => {
    expect(map.regions.map((r) => r.id)).toEqual(['brain', 'blood', 'gut', NO_REGION]);
    expect(map.counts).toEqual([[1, 0, 0, 0], [1, 1, 0, 1], [0, 0, 0, 0]]);
    expect(gapMapCounts({ ...data, rows: data.rows.slice(0, 2) }).regions.map((r) => r.id)).not.toContain(NO_REGION);
  });

  test('the linked map is a labelled group with one link per filled cell and a gap mark per empty one', () => {
    const svg = gapMapSvg(map, { id: 'gm', hrefFor: (k, r) => `/evidence/?kind=${k}&region=${r}` });
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="gm-title gm-desc"/);
    expect(svg).toContain('<title id="gm-title">Evidence-gap map: 4 studies by kind of evidence and region</title>');
    // The review names its regions; the engine does not.
    expect(gapMapSvg(gapMapCounts({ ...data, regionName: 'Body site' }), { id: 'gm' })).toContain('by kind of evidence and body site</title>');
    expect(svg.match(/<a href=/g)).toHaveLength(4);
    expect(svg).toContain('href="/evidence/?kind=trial&amp;region=blood" aria-label="Controlled trial, Blood: 1 study"');
    expect(svg.match(/class="gap-empty"/g)).toHaveLength(8);
    expect(svg).not.toMatch(/style=|fill="#/);
  });

  test('without links the map is one image (the home page thumbnail)', () => {
    const svg = gapMapSvg(map, { id: 'thumb' });
    expect(svg).toMatch(/role="img"/);
    expect(svg).not.toContain('<a ');
  });

  test('labels wrap at spaces', () => {
    expect(wrapLabel('Human case or series', 12)).toEqual(['Human case', 'or series']);
  });

  test('the timeline places cited works by year and kind, leaving out the source cited for what it cites', () => {
    const t = timelineCounts(data, views);
    expect(t.years).toEqual([2019, 2020, 2021]);
    expect(t.kinds.map((k) => k.id)).toEqual(['lab', 'trial']);
    // lab: brewer 2019 (cited plainly), leaf 2020; trial: leaf 2020, kettle 2021 (brewer as "sec. 2" left out).
    expect(t.counts).toEqual([[1, 1, 0], [0, 1, 1]]);
    const svg = timelineSvg(t, { id: 'tl' });
    expect(svg).toMatch(/role="img" aria-labelledby="tl-title tl-desc"/);
    expect(svg).toContain('4 works by year of publication (2019–2021)');
    expect(svg.match(/class="gap-dot"/g)).toHaveLength(4);
  });
});

describe('evidence search records', () => {
  test('one record per row, of kind "Evidence", landing on the row, titled without the study so chapters keep their rank', async () => {
    const { evidenceRecords } = await import('../../src/lib/search/evidence-records.ts');
    const records = evidenceRecords(views, 'en');
    expect(records.map((r) => r.url)).toEqual(data.rows.map((r) => `/evidence/#${r.id}`));
    expect(records[1]).toMatchObject({ meta: { title: 'Evidence (Controlled trial), Ch. 1', context: 'A cup of tea late in the evening' }, filters: { kind: ['Evidence'], chapter: ['Caffeine and sleep onset'] } });
    expect(records[1]?.content).toContain('Sleep onset later by about 20 minutes');
  });
});

describe('evidence rows in search ranking', () => {
  test('at an equal match an evidence row follows a page, whatever Pagefind scored', async () => {
    const { pagefindTerms, rankResults } = await import('../../src/lib/search/search-rank.ts');
    // Evidence rows are records on /evidence/ (an address with a fragment), as the build indexes them.
    const record = (id: string, kind: string, score: number) => ({
      id, score, terms: pagefindTerms('theanine'), synonym: false,
      data: {
        url: kind === 'Evidence' ? `/evidence/#${id}` : `/${id}/`, content: 'about theanine here', excerpt: '', meta: { title: id }, locations: [1],
        // A chapter's passages come as Pagefind sub-results; a record has none of its own.
        sub_results: kind === 'Evidence' ? [] : [{ title: id, url: `/${id}/`, excerpt: '', locations: [1] }], filters: { kind: [kind] },
      },
    });
    const ranked = rankResults([record('row', 'Evidence', 9), record('chapter', 'Chapter', 1), record('other-row', 'Evidence', 5)]);
    expect(ranked.map((r) => r.id.split(' ')[0])).toEqual(['chapter', 'row', 'other-row']);
  });
});
