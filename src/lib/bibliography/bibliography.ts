import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslRecord } from './reference-links.ts';
import { toBibtex, toRis } from './bibliography-export.ts';

const STYLE = 'vancouver';

/** Identifier fields the entry shows as its own links, so the formatted text leaves them out. */
const LINKED_IDENTIFIERS = ['DOI', 'PMID', 'PMCID', 'URL'] as const;

/** The record without the identifiers that are shown as links: Vancouver would print them again as "doi:…". */
export function withoutLinkedIdentifiers(record: CslRecord): CslRecord {
  const copy: CslRecord = { ...record };
  for (const field of LINKED_IDENTIFIERS) delete copy[field];
  return copy;
}

/**
 * Formats every record once with the bundled Vancouver CSL style: id → entry HTML without its list number and
 * without the identifiers, which the entry shows as DOI · PubMed · PMC links instead.
 */
export function formatReferences(records: readonly CslRecord[]): Map<string, string> {
  const entries = new Cite(records.map(withoutLinkedIdentifiers) as object[]).format('bibliography', { format: 'html', template: STYLE, asEntryArray: true }) as unknown as [string, string][];
  return new Map(entries.map(([id, html]) => [id, entryBody(html)]));
}

/** Plain text of one entry with its identifiers, as pasted into a manuscript or searched for. */
export function formatReferenceText(record: CslRecord): string {
  const text = new Cite([record as object]).format('bibliography', { format: 'text', template: STYLE }) as string;
  return text.replace(/^\s*\d+\.\s*/, '').trim();
}

export type ExportFormat = 'bibtex' | 'ris' | 'csl-json';

/** The bibliography as a downloadable file: CSL-JSON as stored, BibTeX and RIS as reference managers read them. */
export function exportReferences(records: readonly CslRecord[], format: ExportFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(records, null, 2)}\n`;
  return format === 'bibtex' ? toBibtex(records) : toRis(records);
}

// citation-js wraps each entry as <div class="csl-entry"><div class="csl-left-margin">1. </div><div class="csl-right-inline">…</div></div>.
function entryBody(html: string): string {
  const inline = /<div class="csl-right-inline">([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(html.trim());
  return (inline?.[1] ?? html.replace(/<[^>]+>/g, '')).trim();
}

