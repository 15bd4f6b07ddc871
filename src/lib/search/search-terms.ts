// Nomenclature-aware search: a synonym table generated from the review's own entity and glossary data, and a
// query expander that turns what a reader types into the spellings the Pagefind index actually holds.
// Pagefind indexes "IL-1β" as `il1β`, so "IL-1b", "IL1B" and "IL-1 beta" only find it through a variant.
import { pagefindTerms } from './search-rank.ts';

/** The entity fields read here (content/entities.json). */
export interface EntityLike {
  label?: string | undefined;
  symbol?: string | undefined;
  textForms?: readonly string[] | undefined;
  aliases?: readonly string[] | undefined;
}
/** The glossary fields read here (content/glossary.json). */
export interface GlossaryLike {
  term?: string | undefined;
  expansion?: string | undefined;
  plural?: string | undefined;
}

/** Written to search-terms.json at build time and fetched by the client when search opens. */
export interface SynonymTable {
  /** Each group lists spellings that occur in the text; a query reaching the group searches all of them. */
  groups: string[][];
  /** Lookup key (`termKey`) of every name a reader may type → indices into `groups`. */
  keys: Record<string, number[]>;
}

// Greek letters as written, spelled out, and as the one-letter abbreviation gene nomenclature uses (IL1B, TNFA).
const GREEK: readonly (readonly [char: string, name: string, letter: string])[] = [
  ['α', 'alpha', 'a'], ['β', 'beta', 'b'], ['γ', 'gamma', 'g'], ['δ', 'delta', 'd'], ['ε', 'epsilon', 'e'], ['κ', 'kappa', 'k'],
];

/** Lookup key: case, punctuation, spaces and Greek spelling ignored, so "IL-1 beta", "IL1B" and "IL-1β" collide. */
export function termKey(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [char, name, letter] of GREEK) s = s.replaceAll(char, letter).replaceAll(name, letter);
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Slash compounds written in the text ("CXCR4/SDF-1"), which Pagefind indexes only as a whole. */
export function findSlashCompounds(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[("'[\u2018\u201c]+|[)"'\].,;:!?\u2019\u201d]+$/gu, '');
    if (!word.includes('/') || /:\/\/|\.\w/.test(word)) continue;
    const parts = word.split('/');
    // Each part must look like a name (a capital or a digit somewhere), which leaves out "and/or".
    if (parts.length > 1 && parts.every((p) => /^[\p{L}\p{N}][\p{L}\p{N}⁺+\-–]*$/u.test(p) && /\p{L}/u.test(p) && /[\p{Lu}\p{N}]/u.test(p))) found.add(word);
  }
  return [...found];
}

export function buildSynonymTable({ entities = [], glossary = [], compounds = [] }: {
  entities?: readonly EntityLike[];
  glossary?: readonly GlossaryLike[];
  compounds?: readonly string[];
}): SynonymTable {
  const groups: string[][] = [];
  const keys: Record<string, number[]> = {};
  const add = (search: readonly (string | undefined)[], names: readonly (string | undefined)[]) => {
    const forms = uniqueBySearch(search.filter((s): s is string => !!s?.trim()));
    if (!forms.length) return;
    const id = groups.push(forms) - 1;
    for (const key of new Set([...names, ...forms].filter((n): n is string => !!n).map(termKey))) {
      if (key) (keys[key] ??= []).push(id);
    }
  };
  for (const e of entities) {
    // "CXCL12 (C-X-C motif chemokine ligand 12)": the symbol and the name inside the brackets are names too.
    const labelParts = (e.label ?? '').split(/\s*[()]\s*/);
    add([...(e.textForms ?? []), e.symbol], [e.label, ...labelParts, e.symbol, ...(e.aliases ?? [])]);
  }
  for (const g of glossary) add([g.term, g.expansion], [g.plural]);
  // Reaching a part ("SDF-1") also searches the compounds it stands in ("CXCR4/SDF-1").
  for (const c of compounds) add([c], c.split('/'));
  return { groups, keys };
}

// Variants that Pagefind would normalise to the same words are one search.
function uniqueBySearch(forms: readonly string[]): string[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const k = pagefindTerms(f).join(' ');
    return k && !seen.has(k) && seen.add(k);
  });
}

function lookup(table: SynonymTable, text: string): number[] {
  const key = termKey(text);
  if (!key) return [];
  // "NPPCs" finds the group of "NPPC" when only the singular is listed.
  return table.keys[key] ?? (key.endsWith('s') ? table.keys[key.slice(0, -1)] : undefined) ?? [];
}

// A case-insensitive pattern for a plain word; the `i` flag would also make \p{Ll} match capitals.
const anyCase = (word: string) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');

// Built once: compiling twelve Unicode patterns on every keystroke cost more than the search they serve.
const GREEK_PATTERNS = GREEK.map(([char, name, letter]) => ({
  char,
  // Spelled out, directly after a name or after a number and a space, and not running on into a word.
  name: new RegExp(`(?<=[\\p{L}\\p{N}-]|\\p{N} )${anyCase(name)}(?!\\p{Ll})`, 'gu'),
  // One letter closing a name right after its number or a hyphen: IL-1b, IL1B, TNF-a; not "3D", which is no name.
  letter: new RegExp(`(?<=\\p{L}[\\p{L}\\p{N}-]*\\p{N}|\\p{L}-|\\p{N}-)${anyCase(letter)}(?![\\p{L}\\p{N}])`, 'gu'),
}));

/** "TNF-alpha" → "TNF-α", "IL1B" → "IL1β", "IL-1 beta" → "IL-1β": Greek written the way the text writes it. */
export function greekSpelling(query: string): string {
  let s = query;
  for (const { char, name, letter } of GREEK_PATTERNS) s = s.replace(name, char).replace(letter, char);
  return s.replace(/(\p{N}) (?=[αβγδεκ])/gu, '$1');
}

/** "NPPCs" → "NPPC": acronym plurals, whose singular Pagefind would not find. */
export function acronymSingular(query: string): string {
  return query.replace(/(?<![\p{L}\p{N}])([\p{L}\p{N}-]*[\p{Lu}\p{N}])s(?![\p{L}\p{N}])/gu, '$1');
}

/** Longest query searched; longer input is cut, so 5,000 pasted characters cost no more than a sentence. */
export const MAX_QUERY_LENGTH = 120;

export function cleanQuery(query: string): string {
  return query.normalize('NFKC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** One search to run; `synonym` marks spellings the reader did not type themselves. */
export interface QueryVariant {
  text: string;
  synonym: boolean;
}

/**
 * The query variants to run, the reader's own spelling first: Greek spellings, acronym singulars, both parts of
 * a slash compound, and every spelling the table links to any of those (two steps, so CXCL12 → SDF-1 → CXCR4/SDF-1).
 */
export function expandQuery(query: string, table: SynonymTable, max = 10): QueryVariant[] {
  const q = cleanQuery(query);
  const variants = new Map<string, QueryVariant>();
  const add = (text: string, synonym: boolean) => {
    const key = pagefindTerms(text).join(' ');
    if (key && !variants.has(key) && variants.size < max) variants.set(key, { text: text.trim(), synonym });
  };
  let frontier = [q, greekSpelling(q), acronymSingular(q), ...(q.includes('/') ? q.split('/') : [])];
  frontier.forEach((v) => add(v, false));
  // Several words that the text also writes joined ("CXCR4 SDF-1" as "SDF-1/CXCR4"): Pagefind indexes a joined
  // form as one word found only by its first part, so each compound is searched too, with the words it leaves.
  for (const v of joinedForms(greekSpelling(q), table)) add(v, false);
  for (let step = 0; step < 2; step++) {
    frontier = frontier.flatMap((v) => lookup(table, v).flatMap((g) => table.groups[g] ?? []));
    // A synonym of several words is searched as a phrase (Pagefind's quoted search): its words one by one would
    // match any page that happens to use all of them, and "NP-derived progenitor cells" is not "cells".
    frontier.forEach((v) => add(/\s/.test(v.trim()) ? `"${v.trim()}"` : v, true));
  }
  return [...variants.values()];
}

/**
 * For a query of several words, the slash compounds of the table that hold at least two of them as parts, each
 * followed by the query's other words: "SDF-1 CXCR4 axis" → "CXCR4/SDF-1 axis", "SDF-1/CXCR4 axis".
 */
export function joinedForms(query: string, table: SynonymTable): string[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const keys = words.map(termKey);
  const found: string[] = [];
  for (const g of new Set(words.flatMap((w) => lookup(table, w)))) {
    for (const compound of table.groups[g] ?? []) {
      if (!compound.includes('/')) continue;
      const parts = new Set(compound.split('/').map(termKey));
      const covered = keys.filter((k) => parts.has(k));
      if (covered.length < 2) continue;
      found.push([compound, ...words.filter((_, i) => !parts.has(keys[i]!))].join(' '));
    }
  }
  return found;
}
