// Search records for things that are entries on a page rather than pages: each reference, entity and glossary
// term becomes its own Pagefind record pointing at its anchor, so a search lands on the entry, not the list.
import type { CslRecord } from '../bibliography/reference-links.ts';

/** Pagefind's custom record (`index.addCustomRecord`), with the fields this site fills. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface EntityEntry {
  id: string;
  type?: string | undefined;
  label?: string | undefined;
  symbol?: string | undefined;
  textForms?: readonly string[] | undefined;
  aliases?: readonly string[] | undefined;
}
export interface GlossaryEntry {
  id: string;
  term?: string | undefined;
  expansion?: string | undefined;
  definition?: string | undefined;
  plural?: string | undefined;
}

const unique = (items: readonly (string | undefined)[]) => [...new Set(items.filter((s): s is string => !!s?.trim()))];

interface CslName { family?: string; given?: string; literal?: string }

function yearOf(r: CslRecord): string | undefined {
  const parts = (r['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0]?.[0];
  return parts === undefined ? undefined : String(parts);
}

export function referenceRecords(references: readonly CslRecord[], { language, number, chaptersCiting, formatted }: {
  language: string;
  /** Citation number, when the reference is cited. */
  number: (id: string) => number | undefined;
  /** Titles of the chapters that cite it, for the chapter filter. */
  chaptersCiting: (id: string) => string[];
  /** The reference as the references page formats it, in plain text. */
  formatted: (r: CslRecord) => string;
}): SearchRecord[] {
  return references.map((r) => {
    const authors = ((r['author'] as CslName[] | undefined) ?? []).map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(' '));
    const journal = typeof r['container-title'] === 'string' ? r['container-title'] : undefined;
    const year = yearOf(r);
    const n = number(r.id);
    const firstAuthor = (r['author'] as CslName[] | undefined)?.[0];
    const who = firstAuthor ? `${firstAuthor.family ?? firstAuthor.literal ?? ''}${authors.length > 1 ? ' et al.' : ''}` : undefined;
    // The formatted entry cuts long author lists with "et al."; every author stays findable.
    const content = `${formatted(r)} Authors: ${authors.join(', ')}.`;
    return {
      url: `/references/#ref-${r.id}`,
      content,
      language,
      meta: { title: r.title ?? r.id, context: unique([n ? `Reference ${n}` : 'Reference, not cited', who, journal, year]).join(' · ') },
      filters: { kind: ['Reference'], chapter: chaptersCiting(r.id) },
    };
  });
}

export function entityRecords(entities: readonly EntityEntry[], language: string): SearchRecord[] {
  return entities.map((e) => {
    const names = unique([e.label, e.symbol, ...(e.textForms ?? []), ...(e.aliases ?? [])]);
    return {
      url: `/entities/#${e.id}`,
      content: names.join('. '),
      language,
      meta: { title: e.label ?? e.symbol ?? e.id, context: unique([e.type, e.symbol]).join(' · ') },
      filters: { kind: ['Entity'] },
    };
  });
}

export function glossaryRecords(terms: readonly GlossaryEntry[], language: string): SearchRecord[] {
  return terms.map((g) => ({
    url: `/glossary/#${g.id}`,
    content: unique([g.term, g.plural, g.expansion && `(${g.expansion})`, g.definition]).join(' '),
    language,
    meta: { title: g.term ?? g.id, context: g.expansion ?? '' },
    filters: { kind: ['Glossary'] },
  }));
}

export interface NoteEntry {
  /** Chapter slug, or '' for the home page. */
  page: string;
  pageTitle: string;
  /** Anchor on that page. */
  id: string;
  text: string;
}

/** Editorial notes as records of their own kind, landing on the note itself; chapter notes filter by chapter. */
export function noteRecords(notes: readonly NoteEntry[], language: string): SearchRecord[] {
  return notes.map((n) => ({
    url: `/${n.page ? `chapters/${n.page}/` : ''}#${n.id}`,
    content: n.text,
    language,
    meta: { title: `Editorial note, ${n.pageTitle}`, context: n.pageTitle },
    filters: { kind: ['Editorial note'], ...(n.page ? { chapter: [n.pageTitle] } : {}) },
  }));
}
