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
/** A heading (or other element with an id) and the word position where it starts. */
export interface PagefindAnchor {
  element: string;
  id?: string | undefined;
  location: number;
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  locations: number[];
  sub_results: PagefindSubResult[];
  anchors?: PagefindAnchor[];
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

/**
 * definition: the one entity or glossary record that names what was searched for, shown first as a short line;
 * section: a section of a page (a chapter, the home page) holding every query word;
 * record: anything else (references, notes, further entity and glossary records, pages matched only as a whole).
 */
export type ResultRole = 'definition' | 'section' | 'record';

export interface RankedResult {
  /** One per result: the page's id, and for sections the section's address. */
  id: string;
  role: ResultRole;
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
  /** Plain text to show under the title: the sentence with the most matches, or a record's own summary. */
  snippet: string | undefined;
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

/** Whether a fragment is a record added at build time (its address names an anchor) rather than a whole page. */
const isRecord = (d: PagefindData) => d.url.includes('#');
const kindOf = (d: PagefindData) => d.filters?.['kind']?.[0] ?? '';
// Records that say what a name is; the first of them to name the query is shown as its definition.
const DEFINING_KINDS = ['Entity', 'Glossary'];
// The pages that hold the text's own summaries (the home page) count for less than the chapters that discuss it.
const SUMMARY_KINDS = new Set(['Home']);
// A section shorter than this counts as this long, so a heading with one mention does not outweigh a paragraph.
const MIN_SECTION_WORDS = 40;
// Longest snippet, in words, either side of the best match when its sentence is longer.
const SNIPPET_REACH = 18;
// Shortest snippet, in words, before the sentences around a short one are added.
const SHORTEST_SNIPPET = 8;

const best = (candidates: readonly string[], term: string) => Math.max(0, ...candidates.map((w) => matchClass(term, w))) as MatchClass;

/** Where each section of a page starts and ends, in word positions, from Pagefind's anchors. */
function sectionBounds(data: PagefindData, words: number): Map<string, [number, number]> {
  const heads = (data.anchors ?? []).filter((a) => a.id && /^h\d$/i.test(a.element)).sort((a, b) => a.location - b.location);
  const bounds = new Map<string, [number, number]>();
  heads.forEach((a, i) => bounds.set(a.id!, [a.location, heads[i + 1]?.location ?? words]));
  bounds.set('', [0, heads[0]?.location ?? words]);
  return bounds;
}

const anchorOf = (url: string) => {
  const hash = url.indexOf('#');
  return hash < 0 ? '' : decodeURIComponent(url.slice(hash + 1));
};
const endsSentence = (word: string) => /[.!?][)"'\u2019\u201d\]]*$/u.test(word) && !/^(?:al|e\.g|i\.e|vs|ca|cf|Fig|ref|refs|sec|no)\.$/iu.test(word);

/**
 * The sentence of a section that holds the most query words (then the most matches), cut to a readable length
 * around its first match. Headings are sentences here too (Pagefind ends them with a full stop); one is chosen
 * only when no sentence of the text below it matches as well.
 */
export function bestSentence(words: readonly string[], locations: readonly number[], terms: readonly string[], [start, end]: [number, number], headingWords = 0): string {
  let chosen: { from: number; to: number; first: number; distinct: number; hits: number } | undefined;
  for (const at of [...locations].sort((a, b) => a - b)) {
    let from = at;
    while (from > start && !endsSentence(words[from - 1] ?? '')) from--;
    let to = at;
    while (to < end - 1 && !endsSentence(words[to] ?? '')) to++;
    if (chosen && from === chosen.from) continue;
    const inside = locations.filter((l) => l >= from && l <= to).map((l) => words[l] ?? '');
    const distinct = terms.filter((t) => best(inside, t) > 0).length;
    const candidate = { from, to, first: at, distinct, hits: inside.length };
    // More query words first, then text rather than a heading, then a sentence rather than a table cell.
    const rank = (c: typeof candidate) => c.distinct * 1000 + (c.from < start + headingWords ? 0 : 500) + (c.to - c.from >= 6 ? 100 : 0) + c.hits;
    if (!chosen || rank(candidate) > rank(chosen)) chosen = candidate;
  }
  if (!chosen) return words.slice(start, Math.min(end, start + 2 * SNIPPET_REACH)).join(' ');
  // A table cell ("CXCL12.") says little alone: its row, the sentences around it, up to a readable length.
  while (chosen.to - chosen.from < SHORTEST_SNIPPET && (chosen.from > start + headingWords || chosen.to < end - 1)) {
    if (chosen.from > start + headingWords) {
      chosen.from--;
      while (chosen.from > start + headingWords && !endsSentence(words[chosen.from - 1] ?? '')) chosen.from--;
    } else {
      chosen.to++;
      while (chosen.to < end - 1 && !endsSentence(words[chosen.to] ?? '')) chosen.to++;
    }
  }
  const from = Math.max(chosen.from, chosen.first - SNIPPET_REACH);
  const to = Math.min(chosen.to, Math.max(chosen.first + SNIPPET_REACH, from + 2 * SNIPPET_REACH));
  // A table cell or a clause that does not begin a sentence is shown as the fragment it is.
  const fragment = from > chosen.from || /^\p{Ll}/u.test(words[from] ?? '');
  return `${fragment ? '… ' : ''}${words.slice(from, to + 1).join(' ')}${to < chosen.to ? ' …' : ''}`;
}

interface SectionResult extends RankedResult {
  /** Word positions matched in the section, and what each counts for. */
  mentions: ReadonlyMap<number, number>;
  /** What the mentions are multiplied by: the section's length, a matching heading, the kind of page. */
  scale: number;
}

/** The page's sections that hold every query word, each scored by how densely it discusses them. */
function sectionResults(c: Candidate, words: readonly string[]): SectionResult[] {
  const wordAt = (l: number) => words[l] ?? '';
  const bounds = sectionBounds(c.data, words.length);
  const summary = SUMMARY_KINDS.has(kindOf(c.data)) ? 0.5 : 1;
  const found: SectionResult[] = [];
  for (const sub of c.data.sub_results) {
    const subWords = sub.locations.map(wordAt);
    const cls = Math.min(...c.terms.map((t) => best(subWords, t))) as MatchClass;
    if (!cls) continue;
    const span = bounds.get(anchorOf(sub.url)) ?? [0, words.length];
    // Each matching word counts once, a bare prefix half, a synonym's less, and per query word, so that readings
    // of one query with more or fewer words ("IL-1 beta", "IL-1β") compare.
    const mentions = new Map<number, number>();
    for (const l of sub.locations) {
      const weight = (Math.max(0, ...c.terms.map((t) => matchClass(t, wordAt(l)))) / 2 / c.terms.length) * (c.synonym ? 0.6 : 1);
      if (weight) mentions.set(l, weight);
    }
    const titled = c.terms.every((t) => best(sub.title.split(/\s+/), t) > 0) ? 2 : 1;
    // Per length^0.75, so a long table listing the word among many others is not a better answer than the
    // paragraph about it.
    const scale = (titled * summary) / Math.max(MIN_SECTION_WORDS, span[1] - span[0]) ** 0.75;
    const score = sum(mentions) * scale;
    const matched = trimPunctuation(subWords.find((w) => c.terms.some((t) => matchClass(t, w) === cls)) ?? '');
    const headingWords = sub.url.includes('#') ? sub.title.split(/\s+/).length : 0;
    const snippet = bestSentence(words, sub.locations, c.terms, span, headingWords);
    found.push({ id: `${c.id} ${sub.url}`, role: 'section', cls, tier: c.synonym ? 0 : 1, score, terms: c.terms, data: c.data, section: sub, matched, snippet, mentions, scale });
  }
  return found;
}

const sum = (weights: ReadonlyMap<number, number>) => [...weights.values()].reduce((a, b) => a + b, 0);

/**
 * One section found by several readings of the query (its spellings, synonyms, joined forms): every word any of
 * them matched counts, once, so "SDF-1", "CXCR4/SDF-1" and "stromal cell-derived factor-1" in one paragraph add up.
 * What is shown (snippet, marks) comes from the better reading.
 */
function mergeSections(a: SectionResult, b: SectionResult): SectionResult {
  const [better, other] = betterSection(a, b) >= 0 ? [a, b] : [b, a];
  const mentions = new Map(better.mentions);
  for (const [l, w] of other.mentions) mentions.set(l, Math.max(w, mentions.get(l) ?? 0));
  const scale = Math.max(a.scale, b.scale);
  return { ...better, mentions, scale, score: sum(mentions) * scale };
}

/** Scores a record, or a page none of whose sections holds every query word: the weakest of its terms' best matches. */
function wholeResult(c: Candidate, words: readonly string[]): RankedResult | undefined {
  const wordAt = (l: number) => words[l] ?? '';
  // A record that matched only in its title has no locations; judge it by the title.
  const titleWords = (c.data.meta['title'] ?? '').split(/\s+/);
  const pool = c.data.locations.length ? c.data.locations.map(wordAt) : titleWords;
  const cls = Math.min(...c.terms.map((t) => best(pool, t))) as MatchClass;
  if (cls === 0) return undefined;

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
  // Entity and glossary records carry a readable summary of themselves; their indexed text is a list of names.
  const snippet = c.data.meta['summary'] || undefined;
  return { id: c.id, role: 'record', cls, tier, score, terms: c.terms, data: c.data, section, matched, snippet };
}

function assess(candidate: Candidate): (RankedResult | SectionResult)[] {
  // A query word of symbols only (an emoji) can match nothing, so it is not required to.
  const c = { ...candidate, terms: candidate.terms.filter((t) => compact(t)) };
  if (!c.terms.length) return [];
  const words = c.data.content.split(WORD_SEPARATORS);
  if (!isRecord(c.data)) {
    const sections = sectionResults(c, words);
    if (sections.length) return sections;
  }
  const whole = wholeResult(c, words);
  return whole ? [whole] : [];
}

// Greek letters as letters and as words compare equal: "SDF-1α" names the entity listed as "SDF-1alpha".
const GREEK: Record<string, string> = { α: 'a', β: 'b', γ: 'g', δ: 'd', ε: 'e', κ: 'k' };
const nameKey = (name: string) => compact(name).replace(/alpha|beta|gamma|delta|epsilon|kappa/g, (g) => g[0]!).replace(/[αβγδεκ]/g, (g) => GREEK[g]!);

/**
 * Whether a record is named by the query, whole: a glossary term by its term or expansion, an entity by any of
 * its names (an entity record's text is the list of its names). "CD" mentioning CD44 in its definition is not.
 */
function namedBy(r: RankedResult): boolean {
  const names = kindOf(r.data) === 'Entity' ? r.data.content.split(/\.\s+/) : [r.data.meta['title'] ?? '', r.data.meta['context'] ?? ''];
  // A reference is named by its title or its first author, as its context line gives them ("Smith et al.").
  if (kindOf(r.data) === 'Reference') names.push(...(r.data.meta['context'] ?? '').split(' · ').map((p) => p.replace(/ et al\.$/, '')));
  const wanted = nameKey(r.terms.join(''));
  return !!wanted && names.some((n) => nameKey(n) === wanted);
}

const betterRecord = (a: RankedResult, b: RankedResult) => a.cls - b.cls || a.tier - b.tier || a.score - b.score;
const betterSection = (a: RankedResult, b: RankedResult) => a.cls - b.cls || a.score - b.score;

/**
 * Drops results whose matches are not real, keeps the best reading of each section and record, and orders them:
 * first one definition (the first entity record, else glossary record, that the reader's own words name and that
 * has a definition to show), or else a reference its first author or title names; then the sections of pages that hold every query word, by how densely
 * they discuss them (sections found through a synonym count for less); then every other record and page, whole
 * tokens before prefixes, titled with what was typed before the rest, then synonyms, then Pagefind's score.
 */
export function rankResults(candidates: readonly Candidate[]): RankedResult[] {
  const byId = new Map<string, RankedResult>();
  for (const c of candidates) {
    for (const r of assess(c)) {
      const held = byId.get(r.id);
      if (held && 'mentions' in held && 'mentions' in r) byId.set(r.id, mergeSections(held as SectionResult, r as SectionResult));
      else if (!held || betterRecord(r, held) > 0) byId.set(r.id, r);
    }
  }
  const all = [...byId.values()];
  const sections = all.filter((r) => r.role === 'section').sort((a, b) => betterSection(b, a));
  // A page listed by its sections under one reading of the query is not listed again as a whole under another.
  const listed = new Set(sections.map((r) => r.id.slice(0, r.id.indexOf(' '))));
  const records = all.filter((r) => r.role !== 'section' && !listed.has(r.id)).sort((a, b) => betterRecord(b, a));
  // A definition is a record named by what the reader typed, with more to say than its own title.
  const says = (r: RankedResult) => !!r.snippet && r.snippet !== r.data.meta['title'];
  const defining = (kind: string) => records.find((r) => kindOf(r.data) === kind && r.tier > 0 && says(r) && namedBy(r));
  const definition = DEFINING_KINDS.map(defining).find(Boolean);
  if (definition) return [{ ...definition, role: 'definition' }, ...sections, ...records.filter((r) => r !== definition)];
  // Otherwise a record the query names (a reference by its first author or title) is what was looked for.
  const named = records.find((r) => !DEFINING_KINDS.includes(kindOf(r.data)) && r.tier > 0 && namedBy(r));
  return named ? [named, ...sections, ...records.filter((r) => r !== named)] : [...sections, ...records];
}
