// Post-filters and re-ranks Pagefind results by looking at the words it actually matched. Pagefind matches every
// query word as a prefix and, when nothing matches, retries with shorter prefixes, so "xyzzy" returns pages with
// "X" and "IL-1" returns "IL-10" as readily as "IL-1β". Here a result survives only if a matched word starts with
// the query word, and whole-token matches rank above bare prefixes.

/** 0: no match, 1: the word merely starts with the query ("treh" → "trehalose"), 2: a whole token matches. */
export type MatchClass = 0 | 1 | 2;

/** The parts of a Pagefind fragment this module reads (`result.data()` in the Pagefind JS API). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  locations: number[];
  sub_results: PagefindSubResult[];
  filters?: Record<string, string[]>;
}

/** One Pagefind result of one query variant, with its loaded fragment. */
export interface Candidate {
  id: string;
  score: number;
  /** The variant's own words, as Pagefind normalised them (see `pagefindTerms`). */
  terms: string[];
  /** Found through a spelling the reader did not type: ranks below what the reader's own spelling finds. */
  synonym: boolean;
  data: PagefindData;
}

export interface RankedResult {
  id: string;
  cls: MatchClass;
  /** 2: titled with what the reader typed; 1: found by what the reader typed; 0: found through a synonym only. */
  tier: 0 | 1 | 2;
  score: number;
  terms: string[];
  data: PagefindData;
  /** The section to link to: the sub-result holding the best matches. */
  section: PagefindSubResult | undefined;
  /** The matched word as written on the page, to mark it after navigating. */
  matched: string;
}

// Pagefind's query normaliser drops these punctuation classes (dash, open/close, initial/final quote, other).
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
// Pagefind splits fragment text into words on whitespace other than U+FEFF; locations index into that list.
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words Pagefind looks up for a query: punctuation removed, lower case, diacritics stripped. */
export function pagefindTerms(query: string): string[] {
  return stripDiacritics(query.replace(PUNCTUATION, '').toLowerCase()).split(/\s+/).filter(Boolean);
}

// Letters and digits only: how both query words and page words are compared here.
const compact = (s: string) => stripDiacritics(s.toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');

/** The spellings under which a word of page text can be found: whole, its slash parts, and its bare pieces. */
export function wordForms(word: string): readonly string[] {
  let forms = FORMS.get(word);
  if (!forms) {
    forms = [...new Set([compact(word), ...word.split('/').map(compact), ...word.split(/[^\p{L}\p{N}]+/u).map(compact)].filter(Boolean))];
    if (FORMS.size >= 5000) FORMS.clear();
    FORMS.set(word, forms);
  }
  return forms;
}
// Ranking asks for the same page words many times (each term, each sub-result); their forms are worked out once.
const FORMS = new Map<string, readonly string[]>();

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

// Addresses and identifiers written as one word: a URL, a DOI (10.NNNN/…), a DOI/PMID/PMCID with its prefix.
const IDENTIFIER = /:\/\/|(?:^|[/:])10\.\d{4,}\/|^(?:doi|pmid|pmcid):|^PMC\d+$|^\d{6,}$/i;

/** Whether a word of page text is an address or identifier (a DOI, URL, PMID) rather than a word of prose. */
export function isIdentifier(word: string): boolean {
  return IDENTIFIER.test(word.replace(/^[^\p{L}\p{N}]+/u, ''));
}

/** Shortest query word that may match inside an identifier; "00" must not find every DOI with "00" in it. */
export const MIN_IDENTIFIER_TERM = 3;

/** How well a query word matches a page word; prefixes count only from the start of a word or word part. */
export function matchClass(query: string, word: string): MatchClass {
  // Pagefind keeps symbols such as "+" in a query word; the page's "Tie2⁺" should still match "tie2+".
  const term = compact(query);
  if (!term) return 0;
  // Inside an identifier a short query matches only the whole identifier, never one of its digit runs.
  if (term.length < MIN_IDENTIFIER_TERM && isIdentifier(word)) return compact(word) === term ? 2 : 0;
  let best: MatchClass = 0;
  for (const form of wordForms(word)) {
    if (form === term) return 2;
    if (!form.startsWith(term)) continue;
    const rest = form.slice(term.length);
    // "NPPC" → "NPPCs" (a plural) and "IL-1" → "IL-1β" (the number ends where a letter begins) are the same token;
    // "IL-1" → "IL-10" (the number goes on) and "treh" → "trehalose" are only prefixes.
    if (rest === 's' || rest === 'es' || isDigit(term.at(-1)) !== isDigit(rest[0])) return 2;
    best = 1;
  }
  return best;
}

/** Whether any of the terms matches a word at least this well, for deciding which <mark>s to keep in an excerpt. */
export function wordMatches(word: string, terms: readonly string[], atLeast: MatchClass = 1): boolean {
  return terms.some((t) => matchClass(t, word) >= atLeast);
}

// "TEK (TEK receptor tyrosine kinase)" and "NCT01513694 — a trial" are titled by what precedes the gloss.
const titleKeys = (title: string) => [title, title.split(/\s+(?:\(|—|–|-\s)/)[0] ?? ''].map((t) => pagefindTerms(t).join(''));

/** A record titled exactly what was searched for ("ECM", "Tie2", "Introduction") is the best answer there is. */
export function titleMatches(title: string, terms: readonly string[]): boolean {
  const wanted = terms.join('');
  return !!wanted && titleKeys(title).includes(wanted);
}

function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}⁺]+$/gu, '');
}

/** Scores one candidate: the weakest of its terms' best matches, so every query word has to be on the page. */
function assess(candidate: Candidate): RankedResult | undefined {
  // A query word of symbols only (an emoji) can match nothing, so it is not required to.
  const c = { ...candidate, terms: candidate.terms.filter((t) => compact(t)) };
  const words = c.data.content.split(WORD_SEPARATORS);
  const wordAt = (l: number) => words[l] ?? '';
  // A record that matched only in its title has no locations; judge it by the title.
  const titleWords = (c.data.meta['title'] ?? '').split(/\s+/);
  const pool = c.data.locations.length ? c.data.locations.map(wordAt) : titleWords;
  const best = (candidates: string[], term: string) => Math.max(0, ...candidates.map((w) => matchClass(term, w))) as MatchClass;
  const cls = Math.min(...c.terms.map((t) => best(pool, t))) as MatchClass;
  if (!c.terms.length || cls === 0) return undefined;

  let section: PagefindSubResult | undefined;
  let sectionRank = -1;
  for (const sub of c.data.sub_results) {
    const subWords = sub.locations.map(wordAt);
    const hits = subWords.filter((w) => wordMatches(w, c.terms)).length;
    const rank = c.terms.reduce((sum, t) => sum + best(subWords, t), 0) * 1000 + hits;
    if (hits && rank > sectionRank) [section, sectionRank] = [sub, rank];
  }
  const shown = section ? section.locations.map(wordAt) : pool;
  const matched = trimPunctuation(shown.find((w) => c.terms.some((t) => matchClass(t, w) === cls)) ?? shown[0] ?? '');
  // Pagefind adds up its per-word scores; per word, pages found by queries of different lengths compare fairly.
  const score = c.score / Math.max(1, c.terms.length);
  const tier = c.synonym ? 0 : titleMatches(c.data.meta['title'] ?? '', c.terms) ? 2 : 1;
  return { id: c.id, cls, tier, score, terms: c.terms, data: c.data, section, matched };
}

// Evidence rows are short and dense, so Pagefind scores them above the pages that discuss them; at an equal match
// they follow the pages instead (the kind filter shows them alone), and do not count toward a first screen.
const FOLLOWING_KINDS = new Set(['Evidence']);
export const follows = (r: Pick<RankedResult, 'data'>): 0 | 1 => (r.data.filters?.['kind']?.some((k) => FOLLOWING_KINDS.has(k)) ? 1 : 0);

/**
 * Drops results whose matches are not real and keeps the best reading of each page. Order: whole-token matches
 * before prefixes; then records titled with what the reader typed, then other pages with it, then pages found
 * only through a synonym; then Pagefind's score.
 */
export function rankResults(candidates: readonly Candidate[]): RankedResult[] {
  const byId = new Map<string, RankedResult>();
  const better = (a: RankedResult, b: RankedResult) => a.cls - b.cls || a.tier - b.tier || follows(b) - follows(a) || a.score - b.score;
  for (const c of candidates) {
    const r = assess(c);
    const held = r && byId.get(r.id);
    if (r && (!held || better(r, held) > 0)) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => better(b, a));
}
