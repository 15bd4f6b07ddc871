import { z } from 'zod';
import { ContentError, warnContent } from '../content/content-error.ts';
import { jsonLine, parseContentJson, readContentText } from '../content/content-text.ts';
import type { CslRecord } from './reference-links.ts';

/** `https://doi.org/10.1/x`, `doi:10.1/x`, ` 10.1/x ` → `10.1/x`; anything else is left for the format check. */
export function normaliseDoi(raw: string): string {
  return raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** True for a real calendar date: 2026-02-30 and month 13 are not. */
export function isCalendarDate(year: number, month = 1, day = 1): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const text = z.string().min(1);
const number = z.union([z.string(), z.number()]);
const name = z.looseObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() })
  .refine((n) => !!(n.family || n.literal), 'a name needs "family" (or "literal" for an organisation)');
const datePart = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const date = z.looseObject({
  'date-parts': z.array(z.array(datePart).min(1).max(3)).min(1).max(2)
    .refine((parts) => parts.every(([y, m, d]) => isCalendarDate(y ?? 0, m, d)), 'not a real date (year, month 1–12, day of that month)')
    .optional(),
  literal: z.string().optional(),
  raw: z.string().optional(),
}).refine((d) => d['date-parts'] || d.literal || d.raw, 'a date needs "date-parts": [[year, month, day]]');

/**
 * The CSL-JSON fields the site reads, with the types it relies on; other fields pass through to the formatter.
 * Identifiers are normalised (DOI URL or `doi:` prefix → bare DOI) and checked, so a link is never built from junk.
 */
export const cslRecordSchema = z.looseObject({
  id: text,
  type: text,
  title: text,
  author: z.array(name, { error: 'expected a list of names, e.g. [{"family": "…", "given": "…"}]' }).optional(),
  editor: z.array(name, { error: 'expected a list of names' }).optional(),
  issued: date.optional(),
  'container-title': z.string().optional(),
  volume: number.optional(),
  issue: number.optional(),
  page: number.optional(),
  DOI: z.string().transform(normaliseDoi).pipe(z.string().regex(/^10\.\d{4,9}\/\S+$/, 'not a DOI (10.<prefix>/<suffix>, or its https://doi.org/ form)')).optional(),
  PMID: number.transform(String).pipe(z.string().regex(/^\d+$/, 'a PMID is digits only')).optional(),
  PMCID: z.string().regex(/^PMC\d+$/, 'a PMCID is "PMC" followed by digits').optional(),
  URL: z.string().regex(/^https?:\/\/\S+$/, 'a URL must start with http:// or https://').optional(),
});

/** Parses a CSL-JSON bibliography, failing on bad JSON, any record the schema refuses, and duplicate ids. */
export function parseReferences(raw: string, file: string): CslRecord[] {
  const source = raw.replace(/^\uFEFF/, '');
  const data = parseContentJson(source, file, 'references-malformed');
  if (!Array.isArray(data)) throw new ContentError('references-malformed', file, 1, 'expected a CSL-JSON array of records');
  const seen = new Set<string>();
  return data.map((record: unknown, i) => {
    const id = (record as { id?: unknown } | null)?.id;
    const label = typeof id === 'string' && id ? `"${id}"` : `${i + 1}`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new ContentError('references-malformed', file, jsonLine(source, [i]), `record ${label} is not an object`);
    const parsed = cslRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join('.') : 'record';
      const rule = issue?.path.length === 1 && ['id', 'type', 'title'].includes(String(issue.path[0])) && (record as Record<string, unknown>)[String(issue.path[0])] === undefined ? 'references-malformed' : 'reference-invalid';
      const reason = rule === 'references-malformed' ? `record ${label} has no ${field === 'id' ? 'string ' : ''}"${field}"` : `record ${label}, field "${field}": ${issue?.message}`;
      throw new ContentError(rule, file, jsonLine(source, [i, ...(issue?.path ?? [])]), reason);
    }
    const r = parsed.data as CslRecord;
    if (seen.has(r.id)) throw new ContentError('references-duplicate-id', file, jsonLine(source, [i, 'id']), `duplicate reference id "${r.id}"`);
    seen.add(r.id);
    warnLongFields(r, file, source, i);
    return r;
  });
}

/** Longer than any real title, journal or name: such a field is copied into every page that cites the work. */
export const FIELD_LENGTH_LIMIT = 1000;
// Free text no page copies whole.
const LONG_FIELDS_ALLOWED = new Set(['abstract', 'note', 'annote']);

/** Warns about a field far longer than any real one (a pasted abstract, a broken export), naming its line. */
function warnLongFields(record: CslRecord, file: string, source: string, index: number): void {
  const fields: [(string | number)[], string][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (LONG_FIELDS_ALLOWED.has(key)) continue;
    if (typeof value === 'string') fields.push([[key], value]);
    else if (Array.isArray(value)) {
      value.forEach((item: unknown, k) => {
        if (item && typeof item === 'object') for (const [part, text] of Object.entries(item)) if (typeof text === 'string') fields.push([[key, k, part], text]);
      });
    }
  }
  for (const [path, text] of fields) {
    if (text.length <= FIELD_LENGTH_LIMIT) continue;
    warnContent('reference-field-long', file, jsonLine(source, [index, ...path]), `record "${record.id}", field "${path.join('.')}" is ${text.length} characters long (more than ${FIELD_LENGTH_LIMIT}): is it a whole abstract or a broken export? It is copied into every page that cites the work`);
  }
}

export function loadReferences(file: string): CslRecord[] {
  return parseReferences(readContentText(file), file);
}
