// The bibliography files a reader can download: the cited works by default, and everything on file under a name
// that says so, so a student importing `references.bib` gets exactly the works the review cites.
import type { ExportFormat } from './bibliography.ts';
import type { CslRecord } from './reference-links.ts';

export type DownloadScope = 'cited' | 'all';

export interface BibliographyDownload {
  /** File name at the site's root. */
  file: string;
  format: ExportFormat;
  scope: DownloadScope;
  /** Format name as a link shows it. */
  label: string;
  contentType: string;
}

const FORMATS: { ext: string; format: ExportFormat; label: string; contentType: string }[] = [
  { ext: 'bib', format: 'bibtex', label: 'BibTeX', contentType: 'application/x-bibtex' },
  { ext: 'ris', format: 'ris', label: 'RIS', contentType: 'application/x-research-info-systems' },
  { ext: 'json', format: 'csl-json', label: 'CSL-JSON', contentType: 'application/json' },
];

export const BIBLIOGRAPHY_DOWNLOADS: readonly BibliographyDownload[] = (['cited', 'all'] as const).flatMap((scope) =>
  FORMATS.map(({ ext, ...rest }) => ({ file: `references${scope === 'all' ? '-all' : ''}.${ext}`, scope, ...rest })));

/**
 * The records a download holds: the cited works in the order of their numbers, then (for `all`) the records on
 * file that no page cites, in the bibliography's order.
 */
export function downloadRecords(references: readonly CslRecord[], numbers: ReadonlyMap<string, number>, scope: DownloadScope): CslRecord[] {
  const cited = references.filter((r) => numbers.has(r.id)).sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  return scope === 'cited' ? cited : [...cited, ...references.filter((r) => !numbers.has(r.id))];
}
