// What an entry says about its place in the source's list: the status label and the text beside it agree.
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import type { Evidence } from '../../src/lib/provenance/reference-evidence.ts';
import type { CslRecord } from '../../src/lib/bibliography/reference-links.ts';
import { provenanceOf } from '../../src/plugins/reference-provenance.ts';

const records = new Map<string, CslRecord>([
  ['source', { id: 'source', type: 'article-journal', title: 'S', author: [{ family: 'Kim' }, { family: 'Lee' }, { family: 'Park' }] }],
  ['work', { id: 'work', type: 'article-journal', title: 'W' }],
]);
const evidence = (status: Evidence['status'], reviewCitations: number[], notes = 'A note.') =>
  new Map<string, Evidence>([['work', { status, reviewCitations, claim: '', evidence: [], notes }], ['source', { status: 'verified', reviewCitations: [], claim: '', evidence: [], notes: '' }]]);
const shown = (ev: Map<string, Evidence>) => {
  const tree = provenanceOf('work', records, { evidence: ev, sourceKey: 'source' });
  if (!tree) throw new Error('no provenance');
  const found = (test: (el: Element) => boolean) => { const out: Element[] = []; visit(tree, 'element', (el: Element) => { if (test(el)) out.push(el); }); return out; };
  const text = (className: string) => { const [el] = found((el) => ([] as unknown[]).concat(el.properties['className']).includes(className)); return el ? toText(el) : undefined; };
  return { source: text('reference-source'), label: text('status-label'), meaning: text('status-meaning'), note: text('status-note'), details: found((el) => el.tagName === 'details') };
};

describe('provenance wording', () => {
  test('a matched probable record is a "Probable match" with its source numbers', () => {
    const { source, label, meaning } = shown(evidence('probable', [14, 15, 16]));
    expect(source).toBe('Kim et al. refs 14–16');
    expect(label).toBe('Probable match');
    expect(meaning).toMatch(/not certainly the one the source cites/);
  });

  test.each([
    ['probable', 'Candidate, not matched'],
    ['unverified', 'Unverified, not matched'],
  ] as const)('a %s record matched to no number is never called a match', (status, expected) => {
    const { source, label, meaning, details } = shown(evidence(status, []));
    expect(source).toBe('Not matched to a numbered reference of Kim et al.');
    expect(label).toBe(expected);
    expect(label).not.toMatch(/match$/);
    expect(meaning).toMatch(/not matched to any of/);
    expect(details[0]?.properties['dataMatch']).toBe('none');
  });

  test('a verified record has no label; its note is not shown', () => {
    const { label } = shown(evidence('verified', [3]));
    expect(label).toBeUndefined();
  });

  test("the note names the source's numbers as the source's", () => {
    expect(shown(evidence('probable', [], 'One possible [27], not confirmed.')).note).toBe('One possible Kim et al. ref. 27, not confirmed.');
  });
});
