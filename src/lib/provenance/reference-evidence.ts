import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ContentError, lineAt } from '../content/content-error.ts';

/** How sure the site is that a bibliography record is the work the source cites, and what it stands for there. */
export const evidenceSchema = z.object({
  /** `verified`: identifiers seen in a public record; `probable`: a real paper, not certainly the one cited; `unverified`: identifiers not seen. */
  status: z.enum(['verified', 'probable', 'unverified']),
  /** The source review's own reference numbers this record stands for (empty: not in its list). */
  reviewCitations: z.array(z.number().int().positive()),
  /** The claim the record supports. */
  claim: z.string(),
  /** Where the match was checked. */
  evidence: z.array(z.string()),
  /** What a reader should know about the match. */
  notes: z.string(),
}).strict();
export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceStatus = Evidence['status'];

/**
 * Parses the evidence file (an object keyed by bibliography id) and checks it against the bibliography: every
 * record needs an entry, and no entry may name a record that does not exist.
 */
export function parseEvidence(text: string, file: string, ids: readonly string[]): Map<string, Evidence> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const problems: ParseError[] = [];
    parseLenient(text, problems, { allowTrailingComma: false, disallowComments: true });
    const first = problems[0];
    throw new ContentError('evidence-malformed', file, first ? lineAt(text, first.offset) : undefined, `not valid JSON (${first ? printParseErrorCode(first.error) : (error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ContentError('evidence-malformed', file, 1, 'expected an object keyed by reference id');
  const known = new Set(ids);
  const out = new Map<string, Evidence>();
  for (const [id, raw] of Object.entries(data)) {
    if (!known.has(id)) throw new ContentError('evidence-unknown-id', file, keyLine(text, id), `evidence for "${id}", which is not in the bibliography`);
    const parsed = evidenceSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ContentError('evidence-invalid', file, keyLine(text, id), `evidence "${id}": ${issue?.path.join('.') || '(record)'}: ${issue?.message}`);
    }
    out.set(id, parsed.data);
  }
  const missing = ids.filter((id) => !out.has(id));
  if (missing.length) throw new ContentError('evidence-missing', file, 1, `no evidence for ${missing.map((id) => `"${id}"`).join(', ')}: every bibliography record needs a status and its source numbers`);
  return out;
}

/** The evidence next to the bibliography, or undefined when the review has none (it is optional as a whole). */
export function loadEvidence(file: string, ids: readonly string[]): Map<string, Evidence> | undefined {
  return existsSync(file) ? parseEvidence(readFileSync(file, 'utf8'), file, ids) : undefined;
}

function keyLine(text: string, id: string): number | undefined {
  const at = text.indexOf(`${JSON.stringify(id)}:`);
  const loose = at < 0 ? text.search(new RegExp(`${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`)) : at;
  return loose < 0 ? undefined : lineAt(text, loose);
}
