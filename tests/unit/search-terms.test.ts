import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pagefindTerms } from '../../src/lib/search/search-rank.ts';
import {
  acronymSingular, buildSynonymTable, cleanQuery, expandQuery, findSlashCompounds, greekSpelling, joinedForms, termKey, MAX_QUERY_LENGTH,
  type EntityLike, type GlossaryLike,
} from '../../src/lib/search/search-terms.ts';

const texts = (query: string, table = TABLE) => expandQuery(query, table).map((v) => v.text);
// Two spellings Pagefind normalises alike are the same search ("IL1β" and "IL-1β").
const searched = (text: string) => pagefindTerms(text).join(' ');

// A small review's worth of data, shaped like content/entities.json and content/glossary.json.
const ENTITIES: EntityLike[] = [
  { label: 'CXCL12 (C-X-C motif chemokine ligand 12)', symbol: 'CXCL12', textForms: ['SDF-1', 'SDF-1/CXCL12', 'CXCL12'], aliases: ['SDF1', 'SDF-1alpha', 'stromal cell derived factor 1'] },
  { label: 'TEK (TEK receptor tyrosine kinase)', symbol: 'TEK', textForms: ['Tie2'], aliases: ['TIE2', 'Tie-2', 'CD202B'] },
  { label: 'IL1B (interleukin 1 beta)', symbol: 'IL1B', textForms: ['IL-1β'], aliases: ['IL-1beta', 'IL-1b'] },
  { label: 'TNF (tumor necrosis factor)', symbol: 'TNF', textForms: ['TNF-α'], aliases: ['TNF-alpha', 'TNFa'] },
  { label: 'nucleus pulposus progenitor cells', textForms: ['NPPCs', 'NP-derived progenitor cells'], aliases: ['NPPC'] },
  { label: 'CCL5', symbol: 'CCL5', textForms: ['CCL5/RANTES', 'CCL5'], aliases: ['RANTES'] },
];
const GLOSSARY: GlossaryLike[] = [{ term: 'ECM', expansion: 'extracellular matrix' }, { term: 'AFSC', expansion: 'AF stem cell', plural: 'AFSCs' }];
const TABLE = buildSynonymTable({ entities: ENTITIES, glossary: GLOSSARY, compounds: ['CXCR4/SDF-1'] });

describe('termKey: the spellings a reader may type collide', () => {
  test.each([
    ['IL-1β', 'il1b'], ['IL-1 beta', 'il1b'], ['IL1B', 'il1b'], ['il-1b', 'il1b'], ['IL-1beta', 'il1b'],
    ['TNF-α', 'tnfa'], ['TNF-alpha', 'tnfa'], ['TNF alpha', 'tnfa'], ['NF-κB', 'nfkb'], ['NF-kappaB', 'nfkb'],
    ['Tie2⁺', 'tie2'], ['SDF-1', 'sdf1'], ['TGF-γ', 'tgfg'], ['PKC-δ', 'pkcd'], ['Crème', 'creme'],
  ])('%s → %s', (text, key) => expect(termKey(text)).toBe(key));
});

describe('greekSpelling: Greek written the way the text writes it', () => {
  test.each([
    ['TNF-alpha', 'TNF-α'], ['IL-1b', 'IL-1β'], ['IL1B', 'IL1β'], ['IL-1 beta', 'IL-1β'], ['HIF-1a', 'HIF-1α'],
    ['NF-kappaB', 'NF-κB'], ['TGFbeta', 'TGFβ'], ['TNF-a and IL-1b', 'TNF-α and IL-1β'], ['PKC-delta', 'PKC-δ'],
    // Left alone: words that merely contain a letter name, or a letter that is not an abbreviation.
    ['alphabet', 'alphabet'], ['beta cells', 'beta cells'], ['Betaine', 'Betaine'], ['the delta', 'the delta'], ['NF-kB', 'NF-kB'], ['cab', 'cab'],
    ['3D', '3D'], ['2D culture', '2D culture'], ['1a', '1a'],
  ])('%s → %s', (query, spelled) => expect(greekSpelling(query)).toBe(spelled));
});

describe('acronymSingular', () => {
  test.each([['NPPCs', 'NPPC'], ['iPSCs', 'iPSC'], ['MSCs and BMSCs', 'MSC and BMSC'], ['cells', 'cells'], ['Tie2s', 'Tie2'], ['NPPC', 'NPPC']])(
    '%s → %s', (query, singular) => expect(acronymSingular(query)).toBe(singular),
  );
});

describe('findSlashCompounds: names joined by a slash in the text', () => {
  test.each([
    ['the CXCR4/SDF-1 axis', ['CXCR4/SDF-1']],
    ['(Tie2⁺/GD2⁺) cells', ['Tie2⁺/GD2⁺']],
    ['HIF-1α/FASN/mTORC1, then', ['HIF-1α/FASN/mTORC1']],
    ['and/or either', []],
    ['see https://doi.org/10.1155/sci for it', []],
    ['a 10.1155/sci/9974294 doi', []],
    ['no slash here', []],
  ])('%s', (text, found) => expect(findSlashCompounds(text)).toEqual(found));
});

describe('buildSynonymTable', () => {
  test('every name reaches its group; groups hold the spellings found in the text', () => {
    const group = (name: string) => (TABLE.keys[termKey(name)] ?? []).map((g) => TABLE.groups[g]);
    expect(group('stromal cell derived factor 1')).toContainEqual(['SDF-1', 'SDF-1/CXCL12', 'CXCL12']);
    expect(group('C-X-C motif chemokine ligand 12')).toContainEqual(['SDF-1', 'SDF-1/CXCL12', 'CXCL12']);
    expect(group('CD202B')).toContainEqual(['Tie2', 'TEK']);
    expect(group('extracellular matrix')).toContainEqual(['ECM', 'extracellular matrix']);
    expect(group('AFSCs')).toContainEqual(['AFSC', 'AF stem cell']);
    expect(group('SDF-1')).toContainEqual(['CXCR4/SDF-1']);
  });

  test('an empty review gives an empty table', () => {
    expect(buildSynonymTable({})).toEqual({ groups: [], keys: {} });
  });

  test('the table is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(TABLE))).toEqual(TABLE);
  });
});

describe('expandQuery', () => {
  test.each([
    // [typed, a variant that must be searched]
    ['IL-1b', 'IL-1β'], ['IL1B', 'IL-1β'], ['IL-1 beta', 'IL-1β'], ['il-1β', 'il-1β'],
    ['TNF-alpha', 'TNF-α'], ['TNFa', 'TNF-α'],
    ['SDF-1', 'CXCL12'], ['CXCL12', 'SDF-1'], ['SDF-1', 'CXCR4/SDF-1'], ['CXCL12', 'CXCR4/SDF-1'],
    ['Tie2', 'TEK'], ['TEK', 'Tie2'], ['RANTES', 'CCL5'],
    ['NPPCs', 'NPPC'], ['NPPC', 'NPPCs'], ['nppcs', 'NPPCs'],
    ['CXCR4/SDF-1', 'CXCR4'], ['CXCR4/SDF-1', 'SDF-1'],
    ['ECM', '"extracellular matrix"'], ['NPPC', '"NP-derived progenitor cells"'],
  ])('%s searches %s', (query, variant) => expect(texts(query).map(searched)).toContain(searched(variant)));

  test('the reader\'s own spelling comes first and is not a synonym', () => {
    expect(expandQuery('Tie2', TABLE)[0]).toEqual({ text: 'Tie2', synonym: false });
    expect(expandQuery('Tie2', TABLE).slice(1).every((v) => v.synonym)).toBe(true);
  });

  test('spellings Pagefind would search identically are searched once', () => {
    expect(texts('IL-1β')).toEqual(['IL-1β', 'IL1B']);
  });

  test('a word with no synonyms is searched as typed', () => {
    expect(texts('trehalose')).toEqual(['trehalose']);
  });

  test.each([
    ['regex metacharacters', '.*+?^${}()|[]\\'],
    ['5,000 characters', 'IL-1b '.repeat(834)],
    ['emoji', '🧬🔬 stem 👩‍🔬'],
    ['right-to-left text', 'خلايا جذعية'],
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['control characters', 'a\u0000b\u202Ec'],
    ['only punctuation', '-/()…'],
    ['empty', ''],
  ])('%s: no error, few and short variants', (_, query) => {
    const variants = expandQuery(query, TABLE);
    expect(variants.length).toBeLessThanOrEqual(10);
    for (const v of variants) expect(v.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH + 2);
  });

  test('cleanQuery folds compatibility forms, drops control characters and caps the length', () => {
    expect(cleanQuery('  Ｔｉｅ２\u0000  ')).toBe('Tie2');
    expect(cleanQuery('x'.repeat(5000))).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('on this review\'s own data', () => {
  const entities = JSON.parse(readFileSync('content/entities.json', 'utf8')) as EntityLike[];
  const table = buildSynonymTable({ entities });
  test.each([['SDF-1', 'CXCL12'], ['CXCL12', 'SDF-1'], ['Tie2', 'TEK'], ['TEK', 'Tie2'], ['RANTES', 'CCL5'], ['Oct-4', 'POU5F1'], ['POU5F1', 'Oct-4']])(
    '%s reaches %s', (query, other) => expect(texts(query, table).map(termKey)).toContain(termKey(other)),
  );
});

describe('joinedForms: several words the text also writes joined', () => {
  const table = buildSynonymTable({ entities: ENTITIES, compounds: ['CXCR4/SDF-1', 'SDF-1/CXCR4', 'HIF-1α/FASN/mTORC1'] });
  test.each([
    ['CXCR4 SDF-1', ['CXCR4/SDF-1', 'SDF-1/CXCR4']],
    ['SDF-1 CXCR4 axis', ['CXCR4/SDF-1 axis', 'SDF-1/CXCR4 axis']],
    ['FASN mTORC1', ['HIF-1α/FASN/mTORC1']],
    ['sdf1 cxcl12', ['SDF-1/CXCL12']],
  ])('%s → %j', (query, forms) => expect(joinedForms(query, table).sort()).toEqual([...forms].sort()));
  test.each(['CXCR4', 'FASN', 'SDF-1 trehalose', ''])('%s: none', (query) => expect(joinedForms(query, table)).toEqual([]));

  test('expandQuery searches them as the reader\'s own words', () => {
    const variants = expandQuery('SDF-1 CXCR4', table);
    expect(variants.filter((v) => v.text.includes('/'))).toEqual([{ text: 'CXCR4/SDF-1', synonym: false }, { text: 'SDF-1/CXCR4', synonym: false }]);
  });
});
