import { afterEach, expect, test, vi } from 'vitest';
import { FIELD_LENGTH_LIMIT, parseReferences } from '../../src/lib/bibliography/references.ts';

afterEach(() => { vi.restoreAllMocks(); });

test('a field far longer than any real one warns at its line; an abstract or a field at the limit does not', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const records = [
    { id: 'ok', type: 'article-journal', title: 'x'.repeat(FIELD_LENGTH_LIMIT), abstract: 'y'.repeat(5000) },
    { id: 'long', type: 'article-journal', title: 'Short', author: [{ family: 'z'.repeat(1200) }], 'container-title': 'w'.repeat(10_000) },
  ];
  const text = JSON.stringify(records, null, 2);
  parseReferences(text, 'references.json');
  const lineOf = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
  expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
    `warning: references.json:${lineOf('"family"')}: record "long", field "author.0.family" is 1200 characters long (more than 1000): is it a whole abstract or a broken export? It is copied into every page that cites the work [reference-field-long]`,
    `warning: references.json:${lineOf('"container-title"')}: record "long", field "container-title" is 10000 characters long (more than 1000): is it a whole abstract or a broken export? It is copied into every page that cites the work [reference-field-long]`,
  ]);
});
