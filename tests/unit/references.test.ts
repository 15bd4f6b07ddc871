import { describe, expect, test } from 'vitest';
import { parseReferences } from '../../src/lib/bibliography/references.ts';
import { ContentError } from '../../src/lib/content/content-error.ts';

const record = (id: string) => `{"id": "${id}", "type": "article-journal", "title": "T ${id}"}`;

describe('parseReferences', () => {
  test('accepts a CSL-JSON array', () => {
    expect(parseReferences(`[${record('a')}, ${record('b')}]`, 'refs.json').map((r) => r.id)).toEqual(['a', 'b']);
  });

  test('names the line of a duplicate id', () => {
    const text = `[\n${record('a')},\n${record('b')},\n${record('a')}\n]`;
    expect(() => parseReferences(text, 'refs.json')).toThrow(/refs\.json:4: duplicate reference id "a" \[references-duplicate-id\]/);
  });

  test('names the line of malformed JSON', () => {
    const error = (() => { try { parseReferences(`[\n${record('a')},\n{"id": }\n]`, 'refs.json');  return undefined; } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).line).toBe(3);
    expect((error as ContentError).ruleId).toBe('references-malformed');
  });

  test.each([
    ['{"id": "a"}', /not valid|array/],
    ['[{"type": "book", "title": "x"}]', /no string "id"/],
    ['[{"id": "a", "title": "x"}]', /no "type"/],
  ])('rejects %s', (text, message) => {
    expect(() => parseReferences(text, 'refs.json')).toThrow(message);
  });
});
