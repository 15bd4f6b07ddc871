// The evidence table as downloads: CSV (RFC 4180) and JSON with its JSON Schema, the same rows as the page.
import { z } from 'zod';
import type { EvidenceData } from './evidence-types.ts';
import type { EvidenceRowView } from './evidence-view.ts';

/** One row of the downloads: the data's own fields, then what the site derives (labels, citation, status, link). */
export const exportRowSchema = z.object({
  id: z.string().describe('Row id; the anchor of the row on /evidence/'),
  study: z.string().describe('What was studied'),
  kind: z.string().describe('Kind of evidence (id from vocabularies.kind)'),
  kindLabel: z.string().describe('Kind of evidence as shown'),
  species: z.string().nullable().describe('Species or population; null when the source does not say'),
  region: z.array(z.string()).describe('Regions (ids from vocabularies.region); empty when not given'),
  regionLabels: z.array(z.string()).describe('Regions as shown'),
  cellType: z.string().nullable().describe('Cell type; null when not given'),
  markers: z.string().nullable().describe('Markers the source names for the cells; null when not given'),
  intervention: z.string().nullable().describe('Intervention or exposure; null when not given'),
  outcome: z.string().nullable().describe('Outcome as the review reports it; null when not given'),
  cite: z.string().describe('The citation as written in the content (Pandoc syntax)'),
  citation: z.string().describe('The citation as the site shows it, with the site\'s reference numbers'),
  keys: z.array(z.string()).describe('Bibliography keys of the cited works'),
  matchStatus: z.enum(['verified', 'probable', 'unverified']).nullable().describe('How sure the weakest reference match is'),
  passage: z.string().describe('Chapter file and heading id of the passage'),
  url: z.string().describe('Site-relative address of the passage'),
  note: z.string().nullable().describe('Editorial note, the site\'s addition'),
}).strict();
export type ExportRow = z.infer<typeof exportRowSchema>;

const vocabularySchema = z.array(z.object({ id: z.string(), label: z.string() }).strict());
export const exportFileSchema = z.object({
  vocabularies: z.object({ kind: vocabularySchema, region: vocabularySchema }).strict(),
  rows: z.array(exportRowSchema),
});

export function exportRows(views: readonly EvidenceRowView[]): ExportRow[] {
  return views.map((v) => ({
    id: v.row.id,
    study: v.row.study,
    kind: v.row.kind,
    kindLabel: v.kindLabel,
    species: v.row.species,
    region: [...v.row.region],
    regionLabels: v.regionLabels,
    cellType: v.row.cellType,
    markers: v.row.markers ?? null,
    intervention: v.row.intervention,
    outcome: v.row.outcome,
    cite: v.row.cite,
    citation: v.citationWords,
    keys: v.works.map((w) => w.key),
    matchStatus: v.status ?? null,
    passage: v.row.passage,
    url: v.passagePath,
    note: v.row.note ?? null,
  }));
}

/** The JSON download: its JSON Schema under `schema`, the vocabularies, and the rows. */
export function evidenceJson(data: EvidenceData, rows: readonly ExportRow[]): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...z.toJSONSchema(exportFileSchema) };
  return `${JSON.stringify({ schema, vocabularies: data.vocabularies, rows }, null, 2)}\n`;
}

const COLUMNS: (keyof ExportRow)[] = ['id', 'study', 'kind', 'kindLabel', 'species', 'region', 'regionLabels', 'cellType', 'markers', 'intervention', 'outcome', 'citation', 'keys', 'matchStatus', 'passage', 'url', 'note', 'cite'];

/** RFC 4180: CRLF line ends, every field holding a comma, quote, CR or LF quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV download; lists are joined with "; ", null is an empty field. */
export function evidenceCsv(rows: readonly ExportRow[]): string {
  const cell = (v: ExportRow[keyof ExportRow]) => csvField(Array.isArray(v) ? v.join('; ') : v ?? '');
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].map((line) => `${line}\r\n`).join('');
}
