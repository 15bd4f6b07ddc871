import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { loadEvidence, parseEvidence } from '../../src/lib/provenance/reference-evidence.ts';
import { loadReferences } from '../../src/lib/bibliography/references.ts';

const entry = (status = 'verified', numbers = '[1]') => `{ "status": "${status}", "reviewCitations": ${numbers}, "claim": "c", "evidence": ["https://example.org"], "notes": "n" }`;
const file = (entries: Record<string, string>) => `{\n${Object.entries(entries).map(([id, e]) => `  "${id}": ${e}`).join(',\n')}\n}\n`;
const failure = (text: string, ids: string[]) => {
  try {
    parseEvidence(text, 'refs.evidence.json', ids);
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('expected a failure');
};

describe('evidence schema', () => {
  test('accepts one valid entry per bibliography record', () => {
    const evidence = parseEvidence(file({ a: entry('verified', '[1, 2]'), b: entry('probable', '[]') }), 'x.json', ['a', 'b']);
    expect(evidence.get('a')?.reviewCitations).toEqual([1, 2]);
    expect(evidence.get('b')?.status).toBe('probable');
  });

  test.each([
    ['an unknown status', entry('likely'), /evidence "b": status:/],
    ['a number that is not a positive integer', entry('verified', '[0]'), /evidence "b": reviewCitations\.0:/],
    ['numbers given as text', entry('verified', '["12"]'), /evidence "b": reviewCitations\.0:/],
    ['a field the schema does not know', entry().replace('"notes"', '"extra": 1, "notes"'), /evidence "b": .*extra/],
    ['a missing note', entry().replace(', "notes": "n"', ''), /evidence "b": notes:/],
  ])('rejects %s, naming the line of the entry', (_name, bad, message) => {
    const error = failure(file({ a: entry(), b: bad }), ['a', 'b']);
    expect(error.message).toMatch(message);
    expect(error.ruleId).toBe('evidence-invalid');
    expect(error.line).toBe(3);
  });

  test('every bibliography record needs an entry', () => {
    const error = failure(file({ a: entry() }), ['a', 'b', 'c']);
    expect(error.ruleId).toBe('evidence-missing');
    expect(error.message).toMatch(/refs\.evidence\.json:1: no evidence for "b", "c"/);
  });

  test('an entry for a record the bibliography lacks fails at its line', () => {
    const error = failure(file({ a: entry(), ghost: entry() }), ['a']);
    expect(error.ruleId).toBe('evidence-unknown-id');
    expect(error.line).toBe(3);
  });

  test('malformed JSON names its line', () => {
    const error = failure('{\n  "a": ' + entry() + ',\n  "b": { "status": }\n}', ['a', 'b']);
    expect(error.ruleId).toBe('evidence-malformed');
    expect(error.line).toBe(3);
  });

  test('the file is optional as a whole', () => {
    expect(loadEvidence('/nonexistent/references.evidence.json', ['a'])).toBeUndefined();
  });

  test("the review's own evidence covers every record of its bibliography", () => {
    const ids = loadReferences('content/references.json').map((r) => r.id);
    const evidence = loadEvidence('content/references.evidence.json', ids);
    expect(evidence).toBeDefined();
    expect([...(evidence?.keys() ?? [])].sort()).toEqual([...ids].sort());
  });
});
