import { describe, expect, test } from 'vitest';
import { findGroupsInValue } from '../../src/lib/citations/citation-syntax.ts';
import { compressRanges, formatRuns, numberCitationsAcrossChapters } from '../../src/lib/citations/citations.ts';

describe('citation groups in a plain string (findGroupsInValue)', () => {
  test.each([
    ['plain [@a].', [['a']]],
    ['two [@a; @b] and [@c]', [['a', 'b'], ['c']]],
    ['with locator [see @smith2020, p. 4]', [['smith2020']]],
    ['keys with punctuation [@van-der-berg:2001.x]', [['van-der-berg:2001.x']]],
    ['an email [me@example.org] is not a citation', []],
    ['a link [text](url) is not a citation', []],
  ])('%s', (text, expected) => {
    expect(findGroupsInValue(text).map((g) => g.items.map((i) => i.key))).toEqual(expected);
  });

  test('reports the offset of each group', () => {
    const [group] = findGroupsInValue('abc [@k] d');
    expect(group).toMatchObject({ start: 4, end: 8 });
  });
});

describe('numberCitationsAcrossChapters', () => {
  test('numbers by first citation in reading order, across documents', () => {
    const numbers = numberCitationsAcrossChapters([['b', 'a'], ['a'], ['c', 'b'], ['d']]);
    expect([...numbers]).toEqual([['b', 1], ['a', 2], ['c', 3], ['d', 4]]);
  });
});

describe('compressRanges', () => {
  test.each([
    [[1, 2, 3], '1–3'],
    [[12, 13, 14, 17], '12–14, 17'],
    [[3, 1], '1, 3'],
    [[1, 2], '1, 2'],
    [[5, 5, 4, 6, 9, 10, 11, 20], '4–6, 9–11, 20'],
    [[], ''],
  ])('%j → %s', (numbers, expected) => {
    expect(formatRuns(compressRanges(numbers))).toBe(expected);
  });
});
