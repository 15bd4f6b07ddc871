import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { collectCitations, parseCitationGroup, parsePage, type CitedItem } from '../../src/lib/citations/citation-syntax.ts';
import type { Evidence } from '../../src/lib/provenance/reference-evidence.ts';
import type { CitationSite } from '../../src/lib/content/review-index.ts';
import { buildReviewIndex, splitFrontMatter } from '../../src/lib/content/review-index.ts';
import { sitesBySourceNumber, sourceNumbersAt } from '../../src/lib/provenance/source-citations.ts';
import { authorShort, expandNumberList, formatNumberList, nameSourceNumbers, sourceCoverage, sourceNumbersLabel } from '../../src/lib/provenance/source-numbers.ts';

const evidence = (numbers: Record<string, number[]>) => new Map<string, Evidence>(Object.entries(numbers).map(([id, reviewCitations]) => [id, { status: 'verified', reviewCitations, claim: '', evidence: [], notes: '' }]));
const site = (anchor: string, items: CitationSite['items'], page = 'one'): CitationSite => ({ page, pageTitle: 'One', anchor, section: undefined, keys: items.map((i) => i.key), items });
const cite = (key: string, refs?: string) => ({ key, suppressAuthor: false, ...(refs ? { locator: { label: 'refs', value: refs } } : {}) });

describe('expandNumberList', () => {
  test.each([
    ['22', [22]],
    ['63–67', [63, 64, 65, 66, 67]],
    ['63-65, 70', [63, 64, 65, 70]],
    ['12, 15', [12, 15]],
    ['1—3; 9', [1, 2, 3, 9]],
    ['4 and 6 & 8', [4, 6, 8]],
    ['7--8', [7, 8]],
  ])('%s', (value, numbers) => {
    expect(expandNumberList(value)).toEqual(numbers);
  });

  test.each(['12a', 'iv', '9–3', 'x, 2'])('rejects %s', (value) => {
    expect(() => expandNumberList(value)).toThrow();
  });

  test('formatNumberList turns numbers back into the compact form', () => {
    expect(formatNumberList([16, 14, 15, 22, 30, 31])).toBe('14–16, 22, 30, 31');
    expect(formatNumberList(expandNumberList('63–67, 70'))).toBe('63–67, 70');
  });
});

describe('what a record stands for in the source', () => {
  test('one number says ref., several say refs', () => {
    expect(sourceNumbersLabel('Zhao et al.', [22])).toBe('Zhao et al. ref. 22');
    expect(sourceNumbersLabel('Zhao et al.', [16, 14, 15])).toBe('Zhao et al. refs 14–16');
    expect(sourceNumbersLabel('Zhao et al.', [])).toBeUndefined();
  });

  test('the short author form follows the number of authors', () => {
    expect(authorShort([{ family: 'Kim' }])).toBe('Kim');
    expect(authorShort([{ family: 'Kim' }, { family: 'Lee' }])).toBe('Kim and Lee');
    expect(authorShort([{ family: 'Kim' }, { family: 'Lee' }, { literal: 'Group' }])).toBe('Kim et al.');
    expect(authorShort([])).toBeUndefined();
  });
});

describe('coverage of the source reference list', () => {
  test('counts matched and unmatched numbers up to the highest one named', () => {
    const c = sourceCoverage(evidence({ a: [1, 2], b: [2, 5], c: [] }));
    expect(c).toEqual({ total: 5, matched: [1, 2, 5], unmatched: [3, 4] });
  });

  test('a stated total extends the list beyond the highest matched number', () => {
    expect(sourceCoverage(evidence({ a: [2] }), 4).unmatched).toEqual([1, 3, 4]);
  });

  test('citations of the source with a refs locator are found under each number they name', () => {
    const sites = [
      site('cite-1', [cite('src', '3–4')]),
      site('cite-2', [cite('other'), cite('src', '4, 9')]),
      site('cite-3', [cite('src')]),
      site('cite-4', [cite('other', '3')]),
    ];
    const by = sitesBySourceNumber(sites, 'src');
    expect([...by.keys()].sort((a, b) => a - b)).toEqual([3, 4, 9]);
    expect(by.get(4)?.map((s) => s.anchor)).toEqual(['cite-1', 'cite-2']);
    expect(by.get(3)?.map((s) => s.anchor)).toEqual(['cite-1']);
  });

  test('a refs locator that is not a list of numbers names the citation', () => {
    expect(() => sourceNumbersAt(site('cite-7', [cite('src', 'iv')], 'intro'), 'src')).toThrow(/cite-7 on page "intro": refs iv/);
  });
});

describe('the review content', () => {
  const index = buildReviewIndex('content');
  const sourceKey = index.sourceKey ?? '';

  test('names its source, and the evidence says which source numbers each record stands for', () => {
    expect(index.recordsById.has(sourceKey)).toBe(true);
    expect(index.evidence?.size).toBe(index.references.length);
    const coverage = sourceCoverage(index.evidence ?? new Map());
    const named = new Set([...(index.evidence?.values() ?? [])].flatMap((e) => e.reviewCitations));
    expect(coverage.matched).toEqual([...named].sort((a, b) => a - b));
    expect(coverage.matched.length + coverage.unmatched.length).toBe(coverage.total);
    expect(coverage.unmatched.every((n) => !named.has(n))).toBe(true);
  });

  // A number claimed by several candidate records (the evidence cannot tell which is which) may stay with the review.
  test('no refs locator on the source names a number that has exactly one record of its own (cite the record instead)', () => {
    const owners = new Map<number, string[]>();
    for (const [id, e] of index.evidence ?? []) for (const n of e.reviewCitations) owners.set(n, [...(owners.get(n) ?? []), id]);
    const sites = index.sitesByKey.get(sourceKey) ?? [];
    const clashes = sites.flatMap((s) => sourceNumbersAt(s, sourceKey).filter((n) => owners.get(n)?.length === 1).map((n) => `${s.page}#${s.anchor}: ref. ${n} is ${owners.get(n)?.join(' / ')}`));
    expect(clashes).toEqual([]);
    // Every refs locator on the source is a list of numbers the source has.
    const total = sourceCoverage(index.evidence ?? new Map()).total;
    for (const s of sites) for (const n of sourceNumbersAt(s, sourceKey)) expect(n, `${s.page}#${s.anchor}`).toBeLessThanOrEqual(total);
  });
});

// The source's own citation brackets ([12–14], [15, 63, 79, 80] …), as numbers, in tests/fixtures/source-brackets.json.
// One rule: a source number with exactly one record is cited as that record; a number claimed by several candidate
// records, or by none, stays in the review's `refs` locator, and the bracket it came from is kept whole; the candidate
// records of such a number are cited beside it. Notes, which say why, may name part of a bracket.
describe('every source bracket a locator names is kept whole', () => {
  const index = buildReviewIndex('content');
  const sourceKey = index.sourceKey ?? '';
  const brackets = (JSON.parse(readFileSync('tests/fixtures/source-brackets.json', 'utf8')) as { brackets: number[][] }).brackets;
  const owners = new Map<number, string[]>();
  for (const [id, e] of index.evidence ?? []) for (const n of e.reviewCitations) owners.set(n, [...(owners.get(n) ?? []), id]);

  /** Numbers a group accounts for: its refs locator on the source, and the numbers its records are the only claimants of. */
  const covered = (items: readonly CitedItem[]) => new Set([
    ...items.flatMap((i) => (i.key === sourceKey && i.locator?.label === 'refs' ? expandNumberList(i.locator.value) : [])),
    ...items.flatMap((i) => [...owners].filter(([, ids]) => ids.length === 1 && ids[0] === i.key).map(([n]) => n)),
  ]);
  const brokenBrackets = (items: readonly CitedItem[]) => {
    const named = items.flatMap((i) => (i.key === sourceKey && i.locator?.label === 'refs' ? expandNumberList(i.locator.value) : []));
    const have = covered(items);
    const whole = brackets.filter((b) => b.every((n) => have.has(n)));
    return named.filter((n) => !whole.some((b) => b.includes(n)));
  };

  /** Candidate records of a number the locator names (several records claim it) that the group leaves out. */
  const missingCandidates = (items: readonly CitedItem[]) => {
    const keys = new Set(items.map((i) => i.key));
    const named = items.flatMap((i) => (i.key === sourceKey && i.locator?.label === 'refs' ? expandNumberList(i.locator.value) : []));
    return [...new Set(named.flatMap((n) => ((owners.get(n)?.length ?? 0) > 1 ? owners.get(n) ?? [] : [])).filter((id) => !keys.has(id)))];
  };

  test('the check itself: [12–14] cut to 12, 13 beside candidate records fails; kept whole passes', () => {
    expect(brokenBrackets([{ key: 'han2014nucleus', suppressAuthor: false }, { key: sourceKey, suppressAuthor: false, locator: { label: 'refs', value: '12, 13' } }])).toEqual([12, 13]);
    expect(brokenBrackets([{ key: sourceKey, suppressAuthor: false, locator: { label: 'refs', value: '12–14' } }])).toEqual([]);
    expect(missingCandidates([{ key: sourceKey, suppressAuthor: false, locator: { label: 'refs', value: '12–14' } }])).toEqual(['han2014nucleus', 'tao2013potential']);
  });

  test('in the chapters and on the home page, outside notes', () => {
    const inNotes = new Set<string>();
    const pages = [{ page: '', file: 'content/home.mdx' }, ...index.chapters.map((c) => ({ page: c.slug, file: c.file }))];
    for (const { page, file } of pages) {
      const body = splitFrontMatter(readFileSync(file, 'utf8'), file).body;
      const tree = parsePage(body, { mdx: file.endsWith('.mdx') });
      visit(tree, 'containerDirective', (node) => {
        if (node.name === 'editorial') for (const g of collectCitations({ type: 'root', children: node.children } as Root, body)) inNotes.add(`${page}:${g.line}:${g.keys.join(',')}`);
      });
    }
    const problems: string[] = [];
    for (const [page, file] of pages.map((p) => [p.page, p.file] as const)) {
      const { body, bodyLine } = splitFrontMatter(readFileSync(file, 'utf8'), file);
      for (const g of collectCitations(parsePage(body, { mdx: file.endsWith('.mdx') }), body)) {
        if (inNotes.has(`${page}:${g.line}:${g.keys.join(',')}`)) continue;
        const broken = brokenBrackets(g.items);
        if (broken.length) problems.push(`${file}:${g.line + bodyLine - 1}: refs ${broken.join(', ')} cut from their bracket`);
        const missing = missingCandidates(g.items);
        if (missing.length) problems.push(`${file}:${g.line + bodyLine - 1}: candidates ${missing.join(', ')} not cited beside their numbers`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('in the evidence rows', () => {
    const rows = (JSON.parse(readFileSync('content/evidence.json', 'utf8')) as { rows: { id: string; cite: string }[] }).rows;
    const problems = rows.flatMap((row) => {
      const items = parseCitationGroup(row.cite.replace(/^\[|\]$/g, '')) ?? [];
      const broken = brokenBrackets(items);
      const missing = missingCandidates(items);
      return [
        ...(broken.length ? [`${row.id}: refs ${broken.join(', ')} cut from their bracket`] : []),
        ...(missing.length ? [`${row.id}: candidates ${missing.join(', ')} not cited beside their numbers`] : []),
      ];
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('nameSourceNumbers: a note about the source\'s list names its numbers as the source\'s', () => {
  test.each([
    ['This is one possible [27] but not confirmed.', 'This is one possible Kim et al. ref. 27 but not confirmed.'],
    ['It matches the [14-16] claim.', 'It matches the Kim et al. refs 14–16 claim.'],
    ['Possible [17]/[18] (ASIC link).', 'Possible Kim et al. ref. 17 or 18 (ASIC link).'],
    ['Candidate Table 1 reference ([19,25,28,29,31-40]).', 'Candidate Table 1 reference (Kim et al. refs 19, 25, 28, 29, 31–40).'],
    ['The review cites [100–104] as a block.', 'The review cites Kim et al. refs 100–104 as a block.'],
    ['Same group as ref 7 (Ding).', 'Same group as Kim et al. ref. 7 (Ding).'],
    ['Already Kim et al. ref. 3, and pp 4-15 [no number].', 'Already Kim et al. ref. 3, and pp 4-15 [no number].'],
  ])('%s', (note, named) => {
    expect(nameSourceNumbers(note, 'Kim et al.')).toBe(named);
  });
});
