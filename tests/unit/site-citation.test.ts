import { expect, test } from 'vitest';
import { siteCitationRecord } from '../../src/lib/bibliography/site-citation.ts';
import { formatReferenceText } from '../../src/lib/bibliography/bibliography.ts';

const record = (url: string | undefined) => siteCitationRecord({ title: 'A review of things', siteName: 'Things Review', url, updated: new Date('2026-01-15'), accessed: new Date('2026-03-02T23:30:00Z') });

test('the site is named once, with the access date, and the URL only when it is known', () => {
  const withUrl = record('https://example.org/things/');
  expect(withUrl).toMatchObject({ type: 'webpage', author: [{ literal: 'Things Review' }], URL: 'https://example.org/things/', accessed: { 'date-parts': [[2026, 3, 2]] }, issued: { 'date-parts': [[2026, 1, 15]] } });
  expect(withUrl['container-title']).toBeUndefined();
  const text = formatReferenceText(withUrl);
  expect(text.split('Things Review')).toHaveLength(2);
  expect(text).toContain('[cited 2026 Mar 2]');
  expect(text).toContain('https://example.org/things/');

  const without = record(undefined);
  expect('URL' in without).toBe(false);
  expect(formatReferenceText(without)).not.toMatch(/https?:|Available from/);
});
