import { describe, expect, test } from 'vitest';
import { isIdentifier, matchClass, pagefindTerms, rankResults, titleMatches, wordForms, wordMatches, type Candidate, type PagefindData } from '../../src/lib/search/search-rank.ts';

/** A Pagefind fragment whose matched words are the given ones (locations point at them), split into sections. */
function fragment(title: string, sections: [heading: string, text: string, matched: string[]][]): PagefindData {
  const words: string[] = [];
  const subs = sections.map(([heading, text, matched]) => {
    const start = words.length;
    words.push(...text.split(' '));
    const locations = matched.map((m) => words.indexOf(m, start));
    return { title: heading, url: `/page/#${heading.toLowerCase()}`, excerpt: text, locations };
  });
  return { url: '/page/', content: words.join(' '), excerpt: '', meta: { title }, locations: subs.flatMap((s) => s.locations), sub_results: subs };
}
const candidate = (id: string, query: string, data: PagefindData, score = 1, synonym = false): Candidate => ({ id, score, terms: pagefindTerms(query), synonym, data });

describe('pagefindTerms: the words Pagefind looks up', () => {
  test.each([
    ['IL-1β', ['il1β']], ['CXCR4/SDF-1', ['cxcr4sdf1']], ['"NP-derived progenitor cells"', ['npderived', 'progenitor', 'cells']],
    ['Crème brûlée', ['creme', 'brulee']], ['  stem   cells ', ['stem', 'cells']], ['-/()', []],
  ])('%s → %j', (query, terms) => expect(pagefindTerms(query)).toEqual(terms));
});

describe('wordForms: how a word of page text can be found', () => {
  test.each([
    ['CXCR4/SDF-1', ['cxcr4sdf1', 'cxcr4', 'sdf1', 'sdf', '1']],
    ['(IL-1β).', ['il1β', 'il', '1β']],
    ['Trehalose', ['trehalose']],
  ])('%s', (word, forms) => expect(wordForms(word)).toEqual(expect.arrayContaining(forms)));
});

describe('matchClass: whole tokens 2, word-start prefixes 1, anything else 0', () => {
  test.each([
    ['il1β', '(IL-1β).', 2], ['il1', 'IL-1β', 2], ['il1', '(IL-10),', 1], ['il10', 'IL-10', 2],
    ['trehalose', 'trehalose.', 2], ['treh', 'Trehalose', 1], ['halose', 'trehalose', 0],
    ['nppc', 'NPPCs', 2], ['nppcs', 'NPPC', 0],
    ['sdf1', 'CXCR4/SDF-1', 2], ['cxcr4', 'CXCR4/SDF-1', 2], ['cxcr4sdf1', 'CXCR4/SDF-1,', 2],
    ['xyzzy', 'X,', 0], ['', 'anything', 0], ['tie2', 'Tie2⁺', 2], ['tie2+', 'Tie2⁺', 2], ['🧬', 'DNA', 0],
  ] as const)('%s in %s → %i', (term, word, cls) => expect(matchClass(term, word)).toBe(cls));

  test('wordMatches can ask for whole tokens only', () => {
    expect(wordMatches('IL-10', ['il1'])).toBe(true);
    expect(wordMatches('IL-10', ['il1'], 2)).toBe(false);
  });
});

describe('titleMatches: a record titled with the query', () => {
  test.each([
    ['ECM', 'ECM', true], ['TEK (TEK receptor tyrosine kinase)', 'TEK', true], ['NCT01513694 — a phase I/II trial', 'NCT01513694', true],
    ['Introduction', 'introduction', true], ['Tie2', 'TEK', false], ['ECM remodelling', 'ECM', false],
  ])('%s / %s → %s', (title, query, yes) => expect(titleMatches(title, pagefindTerms(query))).toBe(yes));
});

describe('rankResults', () => {
  test('a page whose matched words do not start with the query is dropped (Pagefind\'s fallback to shorter words)', () => {
    const junk = fragment('Unrelated', [['Intro', 'cited by X, Y and Z', ['X,']]]);
    expect(rankResults([candidate('a', 'xyzzyq', junk)])).toEqual([]);
  });

  test('a prefix at the start of a word is kept; inside a word it is not', () => {
    const page = fragment('Storage', [['Trehalose', 'Trehalose as an alternative', ['Trehalose']]]);
    expect(rankResults([candidate('a', 'treh', page)])).toHaveLength(1);
    expect(rankResults([candidate('a', 'halose', page)])).toEqual([]);
  });

  test('every word of the query has to match', () => {
    const page = fragment('Cells', [['Stem', 'stem cells xenograft', ['stem', 'xenograft']]]);
    expect(rankResults([candidate('a', 'stem xyz', page)])).toEqual([]);
    expect(rankResults([candidate('a', 'stem xeno', page)])).toHaveLength(1);
  });

  test('IL-1 ranks IL-1β above IL-10 even when Pagefind scores IL-10 higher', () => {
    const ten = fragment('Ten', [['A', 'releases IL-10 mostly', ['IL-10']]]);
    const one = fragment('One', [['B', 'releases IL-1β mostly', ['IL-1β']]]);
    const ranked = rankResults([candidate('ten', 'IL-1', ten, 9), candidate('one', 'IL-1', one, 1)]);
    expect(ranked.map((r) => r.id)).toEqual(['one', 'ten']);
    expect(ranked.map((r) => r.cls)).toEqual([2, 1]);
  });

  test('the section with the whole-token match is the one linked, and its word is the one to mark', () => {
    const page = fragment('Cytokines', [['Ten', 'IL-10 is anti-inflammatory', ['IL-10']], ['One', 'whereas (IL-1β). drives it', ['(IL-1β).']]]);
    const [r] = rankResults([candidate('a', 'IL-1', page)]);
    expect(r?.section?.title).toBe('One');
    expect(r?.matched).toBe('IL-1β');
  });

  test('a record titled with what the reader typed comes first; synonyms come after the reader\'s own spelling', () => {
    const glossary = { ...fragment('ECM', [['ECM', 'ECM extracellular matrix', ['ECM']]]), url: '/glossary/#ecm' };
    const chapter = fragment('Matrix', [['M', 'the ECM holds water', ['ECM']]]);
    const viaSynonym = fragment('Other', [['O', 'extracellular matrix here', ['extracellular', 'matrix']]]);
    const ranked = rankResults([
      candidate('other', '"extracellular matrix"', viaSynonym, 50, true),
      candidate('chapter', 'ECM', chapter, 3),
      candidate('glossary', 'ECM', glossary, 2),
    ]);
    expect(ranked.map((r) => [r.id, r.tier])).toEqual([['glossary', 2], ['chapter', 1], ['other', 0]]);
  });

  test('one page found by several variants is listed once, in its best reading', () => {
    const page = fragment('Tie2', [['T', 'Tie2 marks cells', ['Tie2']]]);
    const ranked = rankResults([candidate('p', 'TEK', fragment('Tie2', [['T', 'TEKTITE rock', ['TEKTITE']]]), 5), candidate('p', 'Tie2', page, 1, true)]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.cls).toBe(2);
  });

  test('a query word of symbols only (an emoji) is not required to match', () => {
    const page = fragment('Cells', [['Stem', 'stem cells here', ['stem']]]);
    expect(rankResults([candidate('a', '🧬 stem', page)])).toHaveLength(1);
    expect(rankResults([candidate('a', '🧬', page)])).toEqual([]);
  });

  test('a record matched only in its title is judged by the title', () => {
    const data: PagefindData = { url: '/x/', content: 'nothing here', excerpt: '', meta: { title: 'Trehalose loading' }, locations: [], sub_results: [] };
    expect(rankResults([candidate('a', 'trehalose', data)])).toHaveLength(1);
  });
});

describe('identifiers: a short query does not match digits inside a DOI, URL or PMID', () => {
  test.each([
    ['https://doi.org/10.2106/JBJS.F.00019.', true], ['10.1016/S0140-6736(21)00733-9', true], ['doi:10.1002/jor.23319', true],
    ['PMC1234567', true], ['12345678', true], ['(https://example.org/a)', true],
    ['IL-1β', false], ['2019', false], ['CXCR4/SDF-1', false], ['3D', false], ['and/or', false],
  ])('%s → %s', (word, expected) => expect(isIdentifier(word)).toBe(expected));

  test.each([
    ['00', 'https://doi.org/10.2106/JBJS.F.00019.', 0], ['00', '10.1016/S0140-6736(21)00733-9', 0], ['21', '10.1016/S0140-6736(21)00733-9', 0],
    ['10', 'https://doi.org/10.1002/jor.23319', 0], ['12', '12345678', 0],
    // Three characters and more still find an identifier by its parts, and a whole short word still matches.
    ['jbjs', 'https://doi.org/10.2106/JBJS.F.00019.', 2], ['000', 'https://doi.org/10.2106/JBJS.F.00019.', 1], ['00019', 'https://doi.org/10.2106/JBJS.F.00019.', 2], ['3d', '3D', 2],
  ] as const)('%s in %s → %i', (term, word, cls) => expect(matchClass(term, word)).toBe(cls));

  test('a reference found only through digits inside its DOI is dropped', () => {
    const ref = fragment('A study', [['Ref', 'Smith J. A study. J Bone. 2006. https://doi.org/10.2106/JBJS.F.00019.', ['https://doi.org/10.2106/JBJS.F.00019.']]]);
    expect(rankResults([candidate('r', '00', ref)])).toEqual([]);
  });
});
