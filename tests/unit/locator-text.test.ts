import { describe, expect, test } from 'vitest';
import { locatorText } from '../../src/lib/citations/locator-text.ts';

describe('a locator as the text shows it', () => {
  test.each([
    [{ label: 'refs', value: '84' }, 'ref. 84'],
    [{ label: 'refs', value: '63–67' }, 'refs 63–67'],
    [{ label: 'refs', value: '12, 15' }, 'refs 12, 15'],
    [{ label: 'refs', value: '3 and 4' }, 'refs 3 and 4'],
    [{ label: 'sec.', value: '2' }, 'sec. 2'],
    [{ label: 'p.', value: '5' }, 'p. 5'],
    [{ label: 'abstract', value: '' }, 'abstract'],
  ])('%o → %s', (locator, shown) => {
    expect(locatorText(locator)).toBe(shown);
  });
});
