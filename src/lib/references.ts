import { readFileSync } from 'node:fs';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ContentError, lineAt } from './content-error.ts';
import type { CslRecord } from './reference-links.ts';

/** Parses a CSL-JSON bibliography, failing on bad JSON, records without id/type/title, and duplicate ids. */
export function parseReferences(text: string, file: string): CslRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; a second, strict-reporting parser does.
    const problems: ParseError[] = [];
    parseLenient(text, problems, { allowTrailingComma: false, disallowComments: true });
    const first = problems[0];
    const reason = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new ContentError('references-malformed', file, first ? lineAt(text, first.offset) : undefined, `not valid JSON (${reason})`);
  }
  if (!Array.isArray(data)) throw new ContentError('references-malformed', file, 1, 'expected a CSL-JSON array of records');
  const seen = new Set<string>();
  return data.map((record: unknown, i) => {
    const where = (id?: string) => (id ? idLine(text, id, seen.has(id) ? 2 : 1) : undefined);
    if (typeof record !== 'object' || record === null) throw new ContentError('references-malformed', file, undefined, `record ${i + 1} is not an object`);
    const r = record as Partial<CslRecord>;
    if (typeof r.id !== 'string' || !r.id) throw new ContentError('references-malformed', file, undefined, `record ${i + 1} has no string "id"`);
    if (typeof r.type !== 'string') throw new ContentError('references-malformed', file, where(r.id), `record "${r.id}" has no "type"`);
    if (typeof r.title !== 'string') throw new ContentError('references-malformed', file, where(r.id), `record "${r.id}" has no "title"`);
    if (seen.has(r.id)) throw new ContentError('references-duplicate-id', file, where(r.id), `duplicate reference id "${r.id}"`);
    seen.add(r.id);
    return r as CslRecord;
  });
}

export function loadReferences(file: string): CslRecord[] {
  return parseReferences(readFileSync(file, 'utf8'), file);
}

// Line of the nth `"id": "<id>"` in the file, so a duplicate points at its second copy.
function idLine(text: string, id: string, nth: number): number | undefined {
  const re = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  let m: RegExpExecArray | null = null;
  for (let k = 0; k < nth; k++) m = re.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}
