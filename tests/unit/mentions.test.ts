import { describe, expect, test } from 'vitest';
import { buildMentionMatcher, findMentions } from '../../src/lib/entities/mentions.ts';

const matcher = buildMentionMatcher([
  { id: 'il1b', forms: ['IL-1β'] },
  { id: 'il1', forms: ['IL-1'] },
  { id: 'il10', forms: ['IL-10'] },
  { id: 'cxcl12', forms: ['SDF-1', 'SDF-1/CXCL12'] },
  { id: 'nppc', forms: ['NPPC'] },
  { id: 'rat', forms: ['rat'] },
  { id: 'msc', forms: ['mesenchymal stem cell'] },
])!;

describe('findMentions', () => {
  test.each([
    ['IL-1β and IL-10 and IL-1.', [['il1b', 'IL-1β'], ['il10', 'IL-10'], ['il1', 'IL-1']]],
    ['SDF-1/CXCL12 axis', [['cxcl12', 'SDF-1/CXCL12']]],
    ['CXCR4/SDF-1 axis', [['cxcl12', 'SDF-1']]],
    ['NPPCs and an NPPC', [['nppc', 'NPPCs'], ['nppc', 'NPPC']]],
    ['Rats, rat and rats; pirate, ratio', [['rat', 'Rats'], ['rat', 'rat'], ['rat', 'rats']]],
    ['mesenchymal stem cells (MSCs)', [['msc', 'mesenchymal stem cells']]],
    ['xIL-1β, IL-1βx, IL-100, 2IL-1', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(findMentions(text, matcher).map((m) => [m.id, m.text])).toEqual(expected);
  });

  test('reports where each mention starts', () => {
    expect(findMentions('the IL-10 level', matcher)).toEqual([{ id: 'il10', text: 'IL-10', index: 4 }]);
  });

  test('looks only at forms that start with the word at hand', () => {
    const many = buildMentionMatcher(Array.from({ length: 5_000 }, (_, i) => ({ id: `e${i}`, forms: [`GENE${i}`] })))!;
    expect(many.byFirstWord.get('GENE4999')).toEqual([{ text: 'GENE4999', id: 'e4999' }]);
    expect(findMentions('GENE4999 and GENE42 but not GENE50000.', many).map((m) => m.id)).toEqual(['e4999', 'e42']);
  });
});
