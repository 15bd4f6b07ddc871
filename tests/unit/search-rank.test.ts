import { describe, expect, test } from 'vitest';
import { bestSentence, isIdentifier, matchClass, pagefindTerms, rankResults, titleMatches, wordForms, wordMatches, type Candidate, type PagefindData } from '../../src/lib/search/search-rank.ts';

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
const pageOf = (r: { id: string }) => r.id.split(' ')[0];
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
    expect(ranked.map((r) => pageOf(r))).toEqual(['one', 'ten']);
    expect(ranked.map((r) => r.cls)).toEqual([2, 1]);
  });

  test('the section with the whole-token match is the one linked, and its word is the one to mark', () => {
    const page = fragment('Cytokines', [['Ten', 'IL-10 is anti-inflammatory', ['IL-10']], ['One', 'whereas (IL-1β). drives it', ['(IL-1β).']]]);
    const [r] = rankResults([candidate('a', 'IL-1', page)]);
    expect(r?.section?.title).toBe('One');
    expect(r?.matched).toBe('IL-1β');
  });

  test('a record titled with what the reader typed comes first; synonyms come after the reader\'s own spelling', () => {
    const glossary = { ...fragment('ECM', [['ECM', 'ECM extracellular matrix', ['ECM']]]), url: '/glossary/#ecm', filters: { kind: ['Glossary'] }, meta: { title: 'ECM', summary: 'ECM (extracellular matrix): the material between cells.' } };
    const chapter = fragment('Matrix', [['M', 'the ECM holds water', ['ECM']]]);
    const viaSynonym = fragment('Other', [['O', 'extracellular matrix here', ['extracellular', 'matrix']]]);
    const ranked = rankResults([
      candidate('other', '"extracellular matrix"', viaSynonym, 50, true),
      candidate('chapter', 'ECM', chapter, 3),
      candidate('glossary', 'ECM', glossary, 2),
    ]);
    expect(ranked.map((r) => [pageOf(r), r.tier, r.role])).toEqual([['glossary', 2, 'definition'], ['chapter', 1, 'section'], ['other', 0, 'section']]);
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

/** A page whose words are given section by section, with Pagefind's anchors; matches are found as Pagefind would. */
function page(title: string, sections: [id: string, heading: string, text: string][], query: string, kind = 'Chapter'): PagefindData {
  const words: string[] = [];
  const terms = pagefindTerms(query);
  const anchors: { element: string; id: string; location: number }[] = [];
  const subs = sections.map(([id, heading, text]) => {
    const start = words.length;
    anchors.push({ element: 'h3', id, location: start });
    words.push(...`${heading}. ${text}`.split(' '));
    const locations = words.map((w, i) => (i >= start && terms.some((t) => matchClass(t, w) > 0) ? i : -1)).filter((i) => i >= 0);
    return { title: heading, url: `/${title}/#${id}`, excerpt: '', locations };
  });
  return { url: `/${title}/`, content: words.join(' '), excerpt: '', meta: { title }, locations: subs.flatMap((s) => s.locations), sub_results: subs, anchors, filters: { kind: [kind] } };
}
const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('rankResults: sections, not pages', () => {
  test('each section holding the query is its own result, the one that discusses it most densely first', () => {
    const data = page('ch5', [
      ['table', 'At a glance', `CXCR4 here. ${filler(300)} CXCR4 there. ${filler(300)} and CXCR4 again.`],
      ['homing', 'Homing', `Cells follow CXCR4 signals. ${filler(20)} CXCR4 is needed.`],
      ['other', 'Other', filler(50)],
    ], 'CXCR4');
    const ranked = rankResults([candidate('p', 'CXCR4', data)]);
    expect(ranked.map((r) => [r.role, r.section?.url])).toEqual([['section', '/ch5/#homing'], ['section', '/ch5/#table']]);
  });

  test('a query of several words lists the sections that hold all of them, joined forms included', () => {
    const data = page('ch5', [
      ['one', 'One', `only SDF-1 here ${filler(30)}`],
      ['both', 'Both', `SDF-1 and CXCR4 together ${filler(30)}`],
      ['joined', 'Joined', `the SDF-1/CXCR4 axis ${filler(30)}`],
    ], 'CXCR4 SDF-1');
    const ranked = rankResults([candidate('p', 'CXCR4 SDF-1', data)]);
    expect(ranked.map((r) => r.section?.url).sort()).toEqual(['/ch5/#both', '/ch5/#joined']);
  });

  test('a page none of whose sections holds every word is still listed once, after the sections that do', () => {
    const split = page('a', [['x', 'X', `SDF-1 ${filler(30)}`], ['y', 'Y', `CXCR4 ${filler(30)}`]], 'CXCR4 SDF-1');
    const whole = page('b', [['z', 'Z', `SDF-1 with CXCR4 ${filler(30)}`]], 'CXCR4 SDF-1');
    const ranked = rankResults([candidate('a', 'CXCR4 SDF-1', split, 9), candidate('b', 'CXCR4 SDF-1', whole, 1)]);
    expect(ranked.map((r) => [pageOf(r), r.role])).toEqual([['b', 'section'], ['a', 'record']]);
  });

  test('sections come before references, notes and entity records that merely mention the word', () => {
    const chapter = page('ch', [['s', 'S', `Tie2 marks progenitors ${filler(60)}`]], 'Tie2');
    const reference = { ...page('r', [['ref-x', 'A paper', 'Tie2 in mice']], 'Tie2', 'Reference'), url: '/references/#ref-x' };
    const ranked = rankResults([candidate('ref', 'Tie2', reference, 40), candidate('ch', 'Tie2', chapter, 1)]);
    expect(ranked.map((r) => pageOf(r))).toEqual(['ch', 'ref']);
  });

  test('one definition at the top: the entity the query names, with a definition to show', () => {
    const entity = { ...page('e', [['tek', 'TEK', 'TEK (TEK receptor tyrosine kinase). TEK. Tie2. TIE-2']], 'Tie2', 'Entity'), url: '/entities/#tek' };
    entity.meta = { title: 'TEK (TEK receptor tyrosine kinase)', summary: 'TEK (TEK receptor tyrosine kinase): A receptor on the cell surface.' };
    const glossary = { ...page('g', [['tie2', 'Tie2', 'Tie2 (tyrosine kinase endothelial receptor) A receptor.']], 'Tie2', 'Glossary'), url: '/glossary/#tie2' };
    glossary.meta = { title: 'Tie2', context: 'tyrosine kinase endothelial receptor', summary: 'Tie2 (tyrosine kinase endothelial receptor): A receptor.' };
    const chapter = page('ch', [['s', 'S', `Tie2 marks progenitors ${filler(60)}`]], 'Tie2');
    const ranked = rankResults([candidate('g', 'Tie2', glossary, 30), candidate('e', 'Tie2', entity, 20), candidate('ch', 'Tie2', chapter, 1)]);
    expect(ranked.map((r) => [pageOf(r), r.role])).toEqual([['e', 'definition'], ['ch', 'section'], ['g', 'record']]);
    expect(ranked[0]?.snippet).toBe('TEK (TEK receptor tyrosine kinase): A receptor on the cell surface.');
  });

  test('a glossary entry that only mentions the query in its definition is no definition of it', () => {
    const glossary = { ...page('g', [['cd', 'CD', 'CD (cluster of differentiation) numbers such as CD44 or CD90']], 'CD44', 'Glossary'), url: '/glossary/#cd' };
    glossary.meta = { title: 'CD', context: 'cluster of differentiation', summary: 'CD (cluster of differentiation): numbers such as CD44.' };
    const ranked = rankResults([candidate('g', 'CD44', glossary, 30)]);
    expect(ranked.map((r) => r.role)).toEqual(['record']);
  });

  test('a reference named by its first author comes first', () => {
    const reference = { ...page('r', [['ref-z', 'A review', 'Zhao W, Li Q. A review.']], 'Zhao', 'Reference'), url: '/references/#ref-z' };
    reference.meta = { title: 'A review', context: 'Reference 2 · Zhao et al. · A journal · 2025' };
    const chapter = page('ch', [['s', 'S', `Zhao et al. say so ${filler(40)}`]], 'Zhao');
    expect(rankResults([candidate('ch', 'Zhao', chapter, 9), candidate('r', 'Zhao', reference, 1)]).map((r) => pageOf(r))).toEqual(['r', 'ch']);
  });
});

describe('bestSentence: a sentence from the text, not a run of words', () => {
  const words = 'Homing. Cells migrate to injuries. The CXCR4/SDF-1 axis guides them there, the review says. SDF-1 is a chemokine.'.split(' ');
  const at = (w: string) => words.indexOf(w);
  test('the sentence holding the most query words', () => {
    expect(bestSentence(words, [at('CXCR4/SDF-1'), at('SDF-1')], ['cxcr4', 'sdf1'], [0, words.length], 1)).toBe('The CXCR4/SDF-1 axis guides them there, the review says.');
  });
  test('a table cell is shown with the cells around it', () => {
    const row = 'Table. TGF-β. Growth factor. none. SDF-1. Stromal cell-derived factor-1. CXCL12. [refs 63–66].'.split(' ');
    expect(bestSentence(row, [row.indexOf('CXCL12.')], ['cxcl12'], [0, row.length], 1).split(' ').length).toBeGreaterThanOrEqual(8);
  });
  test('a cell or clause that does not begin a sentence is marked as a fragment', () => {
    const cell = 'Table. compression and hypoxia; apoptosis, mitophagy, necroptosis and PI3K/AKT modulation.'.split(' ');
    expect(bestSentence(cell, [cell.indexOf('hypoxia;')], ['hypoxia'], [0, cell.length], 1)).toBe('… compression and hypoxia; apoptosis, mitophagy, necroptosis and PI3K/AKT modulation.');
  });
});

describe('rankResults: one section found by several spellings', () => {
  test('its mentions under every spelling add up, and the page is not listed again as a whole', () => {
    const text = (q: string) => page('ch', [
      ['homing', 'Homing', `stromal cell-derived factor-1 (SDF-1) and the CXCR4/SDF-1 axis ${filler(60)}`],
      ['table', 'Table', `SDF-1 once ${filler(40)}`],
    ], q);
    const ranked = rankResults([
      candidate('p', 'SDF-1', text('SDF-1'), 1, true),
      candidate('p', 'CXCR4/SDF-1', text('CXCR4/SDF-1'), 1, true),
      candidate('p', '"stromal cell-derived factor-1"', text('"stromal cell-derived factor-1"'), 1, true),
      candidate('p', 'axis once', text('axis once'), 1, false),
    ]);
    expect(ranked.map((r) => [r.role, r.section?.url])).toEqual([['section', '/ch/#homing'], ['section', '/ch/#table']]);
    const alone = rankResults([candidate('p', 'SDF-1', text('SDF-1'), 1, true)]);
    expect(ranked[0]!.score).toBeGreaterThan(alone[0]!.score);
  });
});
