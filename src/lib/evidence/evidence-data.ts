// The studies table: one row per study or group of studies the review names, with its own vocabularies, checked
// against the chapters (passages) and the bibliography (citations) when those are known.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { findGroupsInValue, parseCitationGroup, type CitedItem } from '../citations/citation-syntax.ts';
import { ContentError } from '../content/content-error.ts';
import { jsonLine, parseContentJson, readContentText } from '../content/content-text.ts';

export const EVIDENCE_FILE = 'evidence.json';
const RULE = 'evidence-invalid';
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Row fields a chapter table may show, plus `record` (how sure the cited records are, from references.evidence.json). */
export const TABLE_FIELDS = ['study', 'kind', 'species', 'region', 'cellType', 'markers', 'intervention', 'outcome', 'note', 'record', 'cite'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

// One line of text: a table cell cannot hold a line break.
const line = z.string().trim().min(1).regex(/^[^\n]*$/, 'must be one line');

const vocabularyEntry = z.object({
  /** Stable id used in rows (`animal`, `AF`). */
  id: z.string().min(1),
  /** What readers see. */
  label: line,
}).strict();

export const evidenceRowSchema = z.object({
  /** Kebab-case and unique: the row's anchor on the evidence page. */
  id: z.string().regex(KEBAB, 'must be kebab-case (lower-case letters, digits and single hyphens)'),
  /** What was studied, short. */
  study: line,
  /** One id of vocabularies.kind. */
  kind: z.string(),
  /** Species as the source gives it; null when it does not say. */
  species: line.nullable(),
  /** Ids of vocabularies.region; empty when not given. */
  region: z.array(z.string()),
  cellType: line.nullable(),
  /** Markers the source names for the cells (optional; null when not given). */
  markers: line.nullable().optional(),
  /** Intervention or exposure. */
  intervention: line.nullable(),
  /** The result as the review reports it, with its figures. */
  outcome: line.nullable(),
  /** One Pandoc citation group, as a chapter would write it. */
  cite: line,
  /** `chapter-file.mdx#heading-id` of the passage that discusses it. */
  passage: z.string().regex(/^[^#/]+\.mdx?#[^#]+$/, 'must be "chapter-file.mdx#heading-id"'),
  /** Chapter tables (names under `tables`) that list this row. */
  tables: z.array(z.string()).optional(),
  /** The site's own remark, plain text. */
  note: line.optional(),
}).strict();

const tableSchema = z.object({
  /** Shown above the table (optional). */
  caption: line.optional(),
  /** The columns, in order: a row field and its heading. */
  columns: z.array(z.object({ field: z.enum(TABLE_FIELDS), label: line }).strict()).min(1),
}).strict();

export const evidenceSchema = z.object({
  vocabularies: z.object({ kind: z.array(vocabularyEntry).min(1), region: z.array(vocabularyEntry) }).strict(),
  /** What the regions are, as a column heading ("Tissue region"); "Region" when not given. */
  regionName: z.string().min(1).optional(),
  /** Chapter tables by name (`::evidence-table{table="name"}`). */
  tables: z.record(z.string().regex(KEBAB, 'table names must be kebab-case'), tableSchema).optional(),
  rows: z.array(evidenceRowSchema),
}).strict();

export type EvidenceRow = z.infer<typeof evidenceRowSchema>;
export type EvidenceData = z.infer<typeof evidenceSchema>;
export type EvidenceTable = z.infer<typeof tableSchema>;

/** What the rows are checked against: bibliography keys and each chapter file's heading ids. */
export interface EvidenceContext {
  keys: ReadonlySet<string>;
  /** Heading ids by chapter file; without them passages are not checked (the chapters are not parsed yet). */
  headingIds?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The review's studies table, or undefined when it has none; throws `file:line: row "id": cause [evidence-invalid]`. */
export function readEvidence(contentDir: string, context?: EvidenceContext): EvidenceData | undefined {
  const file = join(contentDir, EVIDENCE_FILE);
  if (!existsSync(file)) return undefined;
  return parseEvidenceData(readContentText(file), file, context);
}

export function parseEvidenceData(text: string, file: string, context?: EvidenceContext): EvidenceData {
  const raw = parseContentJson(text, file, RULE);
  const rowLine = (i: number) => jsonLine(text, ['rows', i]);
  const fail = (path: readonly PropertyKey[], reason: string): never => {
    throw new ContentError(RULE, file, jsonLine(text, path), reason);
  };
  const rawRows = (raw as { rows?: unknown } | null)?.rows;
  const parsed = evidenceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where = path.join('.') || '(file)';
    if (path[0] === 'rows' && typeof path[1] === 'number' && Array.isArray(rawRows)) {
      const id = (rawRows[path[1]] as { id?: unknown } | undefined)?.id;
      const field = path.slice(2).join('.') || '(row)';
      throw new ContentError(RULE, file, jsonLine(text, path) ?? rowLine(path[1]), `row ${typeof id === 'string' ? `"${id}"` : `#${path[1] + 1}`}: ${field}: ${issue?.message}`);
    }
    fail(path, `${where}: ${issue?.message}`);
  }
  const data = (parsed as { data: EvidenceData }).data;
  checkVocabulary(data.vocabularies.kind, 'kind', (path, why) => fail(['vocabularies', ...path], why));
  checkVocabulary(data.vocabularies.region, 'region', (path, why) => fail(['vocabularies', ...path], why));
  const kinds = new Set(data.vocabularies.kind.map((k) => k.id));
  const regions = new Set(data.vocabularies.region.map((r) => r.id));
  const tables = new Set(Object.keys(data.tables ?? {}));
  const seen = new Map<string, number>();
  data.rows.forEach((row, i) => {
    const rowFail = (reason: string): never => {
      throw new ContentError(RULE, file, rowLine(i), `row "${row.id}": ${reason}`);
    };
    const twin = seen.get(row.id);
    if (twin !== undefined) rowFail(`duplicate id: row ${twin + 1} has the same id`);
    seen.set(row.id, i);
    if (!kinds.has(row.kind)) rowFail(`kind "${row.kind}" is not declared in vocabularies.kind`);
    for (const r of row.region) if (!regions.has(r)) rowFail(`region "${r}" is not declared in vocabularies.region`);
    if (new Set(row.region).size !== row.region.length) rowFail('a region is listed twice');
    for (const t of row.tables ?? []) if (!tables.has(t)) rowFail(`table "${t}" is not declared under "tables"`);
    const items = citeItems(row.cite);
    if (!items) rowFail(`cite ${JSON.stringify(row.cite)} is not one Pandoc citation group ("[@key]" or "[@a; @b, ref. 5]")`);
    for (const [field, value] of Object.entries(row)) {
      if (field !== 'cite' && typeof value === 'string' && findGroupsInValue(value).length) rowFail(`${field} holds a citation: citations go in "cite"`);
    }
    if (!context) return;
    for (const item of items ?? []) if (!context.keys.has(item.key)) rowFail(`cite: unknown citation key "@${item.key}": no record with that id in the bibliography`);
    if (!context.headingIds) return;
    const [chapter = '', heading = ''] = row.passage.split('#');
    const ids = context.headingIds.get(chapter);
    if (!ids) rowFail(`passage: no chapter file "${chapter}"`);
    if (!ids?.has(heading)) rowFail(`passage: no heading with id "${heading}" in ${chapter}`);
  });
  return data;
}

/** The cited works of a row's `cite`, read by the site's own citation parser; undefined unless it is exactly one group. */
export function citeItems(cite: string): CitedItem[] | undefined {
  const m = /^\[([^[\]]*)\]$/.exec(cite.trim());
  return m ? parseCitationGroup(m[1] ?? '') : undefined;
}

function checkVocabulary(entries: readonly { id: string }[], name: string, fail: (path: PropertyKey[], why: string) => never): void {
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    if (ids.has(e.id)) fail([name, i], `vocabularies.${name}: id "${e.id}" is declared twice`);
    ids.add(e.id);
  });
}

/** The heading the review gives its regions, or "Region". */
export const regionName = (data: Pick<EvidenceData, 'regionName'>): string => data.regionName ?? 'Region';
