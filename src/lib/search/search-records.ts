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

// Names compared loosely: case, spaces and punctuation ignored ("Tie2" and "TIE-2" are the same name).
const nameKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Each entity as a record found by every name it goes by. What a result shows is its summary, not that list of
 * names: its label, and the glossary's definition when the glossary defines one of its names.
 */
export function entityRecords(entities: readonly EntityEntry[], language: string, glossary: readonly GlossaryEntry[] = []): SearchRecord[] {
  const definitions = new Map(glossary.filter((g) => g.term && g.definition).map((g) => [nameKey(g.term!), g.definition!]));
  return entities.map((e) => {
    const names = unique([e.label, e.symbol, ...(e.textForms ?? []), ...(e.aliases ?? [])]);
    const definition = [e.symbol, ...(e.textForms ?? []), e.label].map((n) => n && definitions.get(nameKey(n))).find(Boolean);
    const label = e.label ?? e.symbol ?? e.id;
    return {
      url: `/entities/#${e.id}`,
      content: names.join('. '),
      language,
      meta: { title: label, context: unique([e.type, e.symbol]).join(' · '), summary: definition ? `${label}: ${definition}` : label },
      filters: { kind: ['Entity'] },
    };
  });
}

export function glossaryRecords(terms: readonly GlossaryEntry[], language: string): SearchRecord[] {
  return terms.map((g) => {
    const name = unique([g.term ?? g.id, g.expansion && `(${g.expansion})`]).join(' ');
    return {
      url: `/glossary/#${g.id}`,
      content: unique([g.term, g.plural, g.expansion && `(${g.expansion})`, g.definition]).join(' '),
      language,
      meta: { title: g.term ?? g.id, context: g.expansion ?? '', summary: g.definition ? `${name}: ${g.definition}` : name },
      filters: { kind: ['Glossary'] },
    };
  });
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
