// Evidence rows as the /evidence/ page, its downloads, its pictures and search show them: vocabulary labels, the
// citation under the site's own numbers, how sure each cited match is, the years of the cited works and the passage.
import { citationSegments, type CitationSegment } from '../citations/citations.ts';
import { parseCitationGroup, type CitedItem } from '../citations/citation-syntax.ts';
import { locatorText } from '../citations/locator-text.ts';
import type { CslRecord } from '../bibliography/reference-links.ts';
import { authorShort } from '../provenance/source-numbers.ts';
import type { EvidenceStatus } from '../provenance/reference-evidence.ts';
import { chapterSlug } from '../content/slugs.ts';
import type { EvidenceData, EvidenceRow, VocabularyTerm } from './evidence-types.ts';

/** What the view needs from the review index. */
export interface EvidenceViewContext {
  numbers: ReadonlyMap<string, number>;
  records: ReadonlyMap<string, CslRecord>;
  /** Reference-match status by key; undefined when the review has no reference evidence file. */
  statusOf: (key: string) => EvidenceStatus | undefined;
  sourceKey: string | undefined;
  /** Chapter file name → its title and number in reading order. */
  chapters: ReadonlyMap<string, { title: string; number: number }>;
}

export interface CitedWork {
  key: string;
  /** The site's citation number; undefined when only evidence rows cite the work. */
  n: number | undefined;
  /** "Smith et al. 2019": how the table names the work in words. */
  short: string;
  /** Year of issue from the bibliography, when known. */
  year: number | undefined;
  status: EvidenceStatus | undefined;
  /** The source review cited for one of its own reference numbers or sections, not for itself. */
  asLocator: boolean;
  /** "ref. 59", "sec. 5" … as the text shows it. */
  locator: string | undefined;
}

export interface EvidenceRowView {
  row: EvidenceRow;
  kindLabel: string;
  regionLabels: string[];
  items: CitedItem[];
  works: CitedWork[];
  /** `[12; 2, ref. 59]`, pieces for links. */
  segments: CitationSegment[];
  /** `[12]; Smith et al. ref. 59`: the citation in words, for downloads and search. */
  citationWords: string;
  /** Weakest match status among the works the row stands on (the source only when nothing else is cited). */
  status: EvidenceStatus | undefined;
  /** Site-relative path of the passage: `chapters/slug/#heading`. */
  passagePath: string;
  passageLabel: string;
  chapterTitle: string | undefined;
  /** Reading order of the passage's chapter (0 when the file is unknown). */
  chapterNumber: number;
}

export const NOT_GIVEN = 'not given';
/** Filter value for rows whose region the source does not give. */
export const NO_REGION = '_none';
const STATUS_RANK: Record<EvidenceStatus, number> = { verified: 0, probable: 1, unverified: 2 };

export function labelOf(terms: readonly VocabularyTerm[], id: string): string {
  return terms.find((t) => t.id === id)?.label ?? id;
}

/** The items of a Pandoc citation group written `[@a; @b, ref. 59]`. */
export function citedItems(cite: string): CitedItem[] {
  const inner = cite.trim().replace(/^\[/, '').replace(/\]$/, '');
  return parseCitationGroup(inner) ?? [];
}

export function yearOf(record: CslRecord | undefined): number | undefined {
  const year = (record?.['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0]?.[0];
  const n = Number(year);
  return year === undefined || !Number.isInteger(n) ? undefined : n;
}

export function viewEvidence(data: EvidenceData, context: EvidenceViewContext): EvidenceRowView[] {
  return data.rows.map((row) => viewRow(row, data, context));
}

function viewRow(row: EvidenceRow, data: EvidenceData, ctx: EvidenceViewContext): EvidenceRowView {
  const items = citedItems(row.cite);
  const works = items.map((item): CitedWork => {
    const record = ctx.records.get(item.key);
    const who = authorShort(record?.['author'] as { family?: string; literal?: string }[] | undefined) ?? item.key;
    const year = yearOf(record);
    return {
      key: item.key,
      n: ctx.numbers.get(item.key),
      short: year ? `${who} ${year}` : who,
      year,
      status: ctx.statusOf(item.key),
      asLocator: item.key === ctx.sourceKey && !!item.locator,
      locator: item.locator ? locatorText(item.locator) : undefined,
    };
  });
  const [file = '', heading] = row.passage.split('#');
  const chapter = ctx.chapters.get(file);
  const standing = works.filter((w) => w.key !== ctx.sourceKey);
  const statuses = (standing.length ? standing : works).flatMap((w) => (w.status ? [w.status] : []));
  return {
    row,
    kindLabel: labelOf(data.vocabularies.kind, row.kind),
    regionLabels: row.region.map((id) => labelOf(data.vocabularies.region, id)),
    items,
    works,
    segments: citationSegments(items, ctx.numbers),
    citationWords: citationWords(works, ctx),
    status: statuses.sort((a, b) => STATUS_RANK[b] - STATUS_RANK[a])[0],
    passagePath: `chapters/${chapterSlug(file)}/${heading ? `#${heading}` : ''}`,
    passageLabel: chapter ? `Ch. ${chapter.number}: ${chapter.title}` : file,
    chapterTitle: chapter?.title,
    chapterNumber: chapter?.number ?? 0,
  };
}

/** `[12]; Smith et al. ref. 59`: numbered works by number, the source cited for its own references by name. */
function citationWords(works: readonly CitedWork[], ctx: EvidenceViewContext): string {
  const source = ctx.sourceKey ? ctx.records.get(ctx.sourceKey) : undefined;
  const sourceName = authorShort(source?.['author'] as { family?: string; literal?: string }[] | undefined);
  return works.map((w) => {
    if (w.asLocator && sourceName) return `${sourceName} ${w.locator}`;
    const label = w.n === undefined ? w.short : String(w.n);
    return `[${label}${w.locator ? `, ${w.locator}` : ''}]`;
  }).join('; ');
}

/** The text a reader can filter on: every column as shown. */
export function rowText(view: EvidenceRowView): string {
  const r = view.row;
  return [r.study, view.kindLabel, r.species, ...view.regionLabels, r.cellType, r.markers, r.intervention, r.outcome, view.citationWords, ...view.works.map((w) => w.short), r.note]
    .filter((s): s is string => !!s).join(' ');
}


/** `Mouse; human` → ['mouse', 'human']: a free-text column read as the values a filter offers. */
export function facetValues(value: string | null): string[] {
  return (value ?? '').split(';').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** Each distinct facet value with how the data first writes it (capitalised), sorted. */
export function facetOptions(values: readonly (string | null)[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    for (const part of (v ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
      const key = part.toLowerCase();
      if (!seen.has(key)) seen.set(key, part.charAt(0).toUpperCase() + part.slice(1));
    }
  }
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The view's context from the review index: the site's numbers, the bibliography, match statuses and chapters. */
export function evidenceViewContext(index: {
  numbers: ReadonlyMap<string, number>;
  recordsById: ReadonlyMap<string, CslRecord>;
  evidence: ReadonlyMap<string, { status: EvidenceStatus }> | undefined;
  sourceKey: string | undefined;
  chapters: readonly { file: string; title: string }[];
}): EvidenceViewContext {
  return {
    numbers: index.numbers,
    records: index.recordsById,
    statusOf: (key) => index.evidence?.get(key)?.status,
    sourceKey: index.sourceKey,
    chapters: new Map(index.chapters.map((c, i) => [c.file.split(/[\\/]/).pop() ?? c.file, { title: c.title, number: i + 1 }])),
  };
}

/** `evidence/?kind=animal&region=AF#studies`: the table filtered to one cell of the gap map. */
export function filteredPath(filters: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  return `evidence/${query ? `?${query}` : ''}#studies`;
}
