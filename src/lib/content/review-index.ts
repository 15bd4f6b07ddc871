import { readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { numberCitationsAcrossChapters } from '../citations/citations.ts';
import { collectCitations, parsePage, plainText, type CitedItem } from '../citations/citation-syntax.ts';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { ContentError, ContentErrors, lineAt, throwAll } from './content-error.ts';
import { chapterSchema, communitySchema, frontMatterProblem, homeSchema } from './schemas.ts';
import type { ZodType } from 'zod';
import { readContentText } from './content-text.ts';
import { checkHome } from './home-check.ts';
import { loadBibliography, type BibliographySource } from '../bibliography/bibliography-source.ts';
import { loadEvidence, type Evidence } from '../provenance/reference-evidence.ts';
import type { CslRecord } from '../bibliography/reference-links.ts';
import { chapterSlug, headingIdMaker } from './slugs.ts';
import { loadEntities, loadGlossary, type Entity, type GlossaryTerm } from '../entities/entities.ts';
import { buildMentionMatcher, findMentions, type MentionMatcher } from '../entities/mentions.ts';
import { figureFilesIn, loadFigures, type Figure } from './figures.ts';
import { readEvidence, type EvidenceData } from '../evidence/evidence-data.ts';
import { EVIDENCE_TABLE_DIRECTIVE, evidenceTableWords, expandEvidenceTables, type EvidenceTableContext } from '../evidence/evidence-table.ts';

export interface ChapterSource {
  file: string;
  slug: string;
  order: number;
  title: string;
  /** Body without front matter, and the line it starts on in the file. */
  body: string;
  bodyLine: number;
  /** Heading anchors as the page will render them (and figure anchors). */
  headingIds: Set<string>;
  /** The section headings (h2–h6): line in the body, id and text. */
  headings: HeadingSource[];
}

/** One citation group on a page: its anchor (`cite-3`) and the keys it cites. */
export interface CitationSite {
  page: string;
  pageTitle: string;
  anchor: string;
  /** Heading of the section the citation stands in, if any. */
  section: string | undefined;
  keys: string[];
  /** The same works with what the text adds to each: prefix, locator (`refs 63–67`, `p. 5`), suffix. */
  items: CitedItem[];
}

export interface ReviewIndex {
  dir: string;
  chapters: ChapterSource[];
  /** File names of chapters left out as drafts, so a link to one can say so. */
  drafts: Set<string>;
  references: CslRecord[];
  referencesFile: string;
  /** How sure each match is and which source numbers it stands for; absent when the review has no evidence file. */
  evidence: Map<string, Evidence> | undefined;
  /** Citation key of the review this site restates (home front matter `source`). */
  sourceKey: string | undefined;
  /** The studies table (content/evidence.json), checked against chapters and bibliography; absent when there is none. */
  evidenceRows: EvidenceData | undefined;
  numbers: Map<string, number>;
  sitesByKey: Map<string, CitationSite[]>;
  /** Page file name (`01-introduction.mdx`, `home.mdx`) → its citation groups in order, as the render must find them. */
  citationGroupsByFile: Map<string, CitedItem[][]>;
  entities: Entity[];
  glossary: GlossaryTerm[];
  entityMatcher: MentionMatcher | undefined;
  glossaryMatcher: MentionMatcher | undefined;
  /** Where each entity id / glossary term id is mentioned, section by section. */
  entityMentions: Map<string, MentionSite[]>;
  termMentions: Map<string, MentionSite[]>;
  /** The same data turned around, so a page can be described in time proportional to its own content. */
  keysByPage: Map<string, Map<string, number>>;
  recordsById: Map<string, CslRecord>;
  entitiesById: Map<string, Entity>;
  entityCountsByPage: Map<string, Map<string, number>>;
  /** Figures by file name, and their numbers across the review by id. */
  figures: Map<string, Figure>;
  figureNumbers: Map<string, number>;
}

export interface HeadingSource {
  line: number;
  id: string;
  title: string;
}

export interface MentionSite {
  page: string;
  pageTitle: string;
  sectionId: string | undefined;
  sectionTitle: string | undefined;
  count: number;
}

// One index per content folder and process: Astro loads the config and the pages' modules as separate module
// instances, and each building its own index read (and warned about) everything again.
const CACHE = Symbol.for('review-site.review-index-cache');
const cache: Map<string, ReviewIndex> = ((globalThis as { [CACHE]?: Map<string, ReviewIndex> })[CACHE] ??= new Map());

/**
 * Reads every chapter once so numbering, back-links and link checks agree across pages. Every file is checked
 * before anything fails, and all the content errors found are thrown together (ContentErrors).
 */
export function buildReviewIndex(dir: string, { includeDrafts = false } = {}): ReviewIndex {
  const cacheKey = `${dir}|${includeDrafts}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const errors: ContentError[] = [];
  let bibliography: BibliographySource = { file: undefined, format: undefined, records: [] };
  const bibliographyRead = collect(errors, () => {
    bibliography = loadBibliography(dir);
  });
  const references = bibliography.records;
  const referencesFile = bibliography.file ?? join(dir, 'references.json');
  const { chapters, drafts } = readChapters(join(dir, 'chapters'), includeDrafts, errors);
  const pages: { slug: string; title: string; body: string; bodyLine: number; file: string }[] = [...chapters];
  let evidence: Map<string, Evidence> | undefined;
  if (bibliographyRead) collect(errors, () => {
    evidence = loadEvidence(join(dir, 'references.evidence.json'), references.map((r) => r.id));
  });
  const home = join(dir, 'home.mdx');
  let sourceKey: string | undefined;
  let checkHomeData = () => {};
  if (existsSync(home)) collect(errors, () => {
    const text = readContentText(home);
    const { data, body, bodyLine } = splitFrontMatter(text, home);
    // Its own date check first: the schema would call 2026-13-45 only an invalid date.
    checkHome(home, text, data);
    checkFrontMatter(home, text, homeSchema, data);
    // Checked once citations are read, so a missing bibliography is named as such rather than as an unknown source.
    checkHomeData = () => checkHome(home, text, data, new Set(references.map((r) => r.id)), new Map(chapters.map((c) => [basename(c.file), c.headingIds])));
    pages.push({ slug: '', title: 'Home', body, bodyLine, file: home });
    sourceKey = typeof data['source'] === 'string' ? data['source'] : undefined;
  });
  checkCommunity(join(dir, 'community'), errors);

  // The studies data first without its passages, so the pages can be parsed with their tables; passages below.
  const referenceIds = new Set(references.map((r) => r.id));
  let evidenceRows: EvidenceData | undefined;
  const evidenceRead = collect(errors, () => { evidenceRows = readEvidence(dir, { keys: referenceIds }); });
  const tables = evidenceTableContext({ evidenceRows, evidence, sourceKey });

  const sitesByKey = new Map<string, CitationSite[]>();
  const citationGroupsByFile = new Map<string, CitedItem[][]>();
  const groupsInOrder: string[][] = [];
  for (const page of pages) {
    let parsed: ReturnType<typeof parseSource> | undefined;
    if (!collect(errors, () => { parsed = parseSource(page.file, page.body, page.bodyLine, tables); }) || !parsed) continue;
    const { groups, headings } = parsed;
    const chapter = chapters.find((c) => c.file === page.file);
    if (chapter) {
      chapter.headings = headings;
      for (const h of headings) chapter.headingIds.add(h.id);
    }
    citationGroupsByFile.set(basename(page.file), groups.map((g) => g.items));
    groups.forEach((group, i) => {
      groupsInOrder.push(group.keys);
      const site = { page: page.slug, pageTitle: page.title, anchor: `cite-${i + 1}`, section: group.section, keys: group.keys, items: group.items };
      for (const key of new Set(group.keys)) {
        const list = sitesByKey.get(key);
        if (list) list.push(site);
        else sitesByKey.set(key, [site]);
      }
    });
  }
  if (bibliographyRead) {
    if (!bibliography.file) collect(errors, () => failWithoutBibliography(pages, sitesByKey));
    collect(errors, checkHomeData);
  }
  // Passages are checked once every chapter's headings are known (they come from the parsed pages above).
  if (evidenceRead) collect(errors, () => readEvidence(dir, { keys: referenceIds, headingIds: new Map(chapters.map((c) => [basename(c.file), c.headingIds])) }));
  let entities: Entity[] = [];
  let glossary: GlossaryTerm[] = [];
  let figures = new Map<string, Figure>();
  collect(errors, () => { entities = loadEntities(join(dir, 'entities.json'), { chapterTitles: chapters.map((c) => c.title) }); });
  collect(errors, () => { glossary = loadGlossary(join(dir, 'glossary.json')); });
  collect(errors, () => { figures = loadFigures(dir); });
  throwAll(errors);
  const entityMatcher = buildMentionMatcher(entities.map((e) => ({ id: e.id, forms: e.textForms })));
  const glossaryMatcher = buildMentionMatcher(glossary.map((g) => ({ id: g.id, forms: [g.term, ...(g.plural ? [g.plural] : [])] })));
  const figureNumbers = new Map<string, number>();
  for (const chapter of chapters) {
    for (const name of figureFilesIn(stripCode(chapter.body))) {
      const figure = figures.get(name);
      if (figure && !figureNumbers.has(figure.id)) figureNumbers.set(figure.id, figureNumbers.size + 1);
      if (figure) chapter.headingIds.add(`figure-${figure.id}`);
    }
  }
  // Mentions are counted in the words a reader sees, so a chapter table made from the studies data counts too.
  const mentionText = chapters.map((c) => ({ ...c, body: withTableWords(c.body, tables) }));
  const entityMentions = countMentions(mentionText, entityMatcher);
  const index = {
    dir, figures, figureNumbers, chapters, drafts, references, referencesFile, evidence, sourceKey, evidenceRows, numbers: numberCitationsAcrossChapters(groupsInOrder), sitesByKey, citationGroupsByFile,
    entities, glossary, entityMatcher, glossaryMatcher,
    entityMentions, termMentions: countMentions(mentionText, glossaryMatcher),
    keysByPage: byPage(sitesByKey, (s) => s.page, () => 1),
    recordsById: new Map(references.map((r) => [r.id, r])),
    entitiesById: new Map(entities.map((e) => [e.id, e])),
    entityCountsByPage: byPage(entityMentions, (s) => s.page, (s) => s.count),
  };
  cache.set(cacheKey, index);
  return index;
}

/** Citations with no bibliography file at all: name the first citing page, not a file that does not exist. */
function failWithoutBibliography(pages: { slug: string; file?: string }[], sitesByKey: Map<string, CitationSite[]>): void {
  const [key, sites] = [...sitesByKey][0] ?? [];
  if (!key || !sites?.[0]) return;
  const page = pages.find((p) => p.slug === sites[0]?.page);
  throw new ContentError('references-missing', page?.file ?? 'content', undefined, `cites "@${key}" but the content folder holds no bibliography: add one of references.json (CSL-JSON), references.bib (BibTeX/BibLaTeX) or references.ris`);
}

/** page → id → count, from id → places. */
function byPage<S>(sites: Map<string, S[]>, pageOf: (s: S) => string, weight: (s: S) => number): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [id, list] of sites) {
    for (const site of list) {
      const page = out.get(pageOf(site)) ?? new Map<string, number>();
      page.set(id, (page.get(id) ?? 0) + weight(site));
      out.set(pageOf(site), page);
    }
  }
  return out;
}

/** Mentions per chapter section, from the prose (headings, citation keys and link targets left out). */
function countMentions(chapters: ChapterSource[], matcher: MentionMatcher | undefined): Map<string, MentionSite[]> {
  const sites = new Map<string, MentionSite[]>();
  if (!matcher) return sites;
  for (const chapter of chapters) {
    const byLine = new Map(chapter.headings.map((h) => [h.line, h]));
    let section: { id: string; title: string } | undefined;
    for (const [i, line] of stripCode(chapter.body).split('\n').entries()) {
      const heading = byLine.get(i + 1);
      if (heading) {
        section = heading;
        continue;
      }
      const prose = line.replace(/\[[^\]]*@[^\]]*\]/g, ' ').replace(/\]\([^)]*\)/g, ']');
      for (const mention of findMentions(prose, matcher)) {
        const list = sites.get(mention.id) ?? [];
        const here = list.find((s) => s.page === chapter.slug && s.sectionId === section?.id);
        if (here) here.count += 1;
        else list.push({ page: chapter.slug, pageTitle: chapter.title, sectionId: section?.id, sectionTitle: section?.title, count: 1 });
        sites.set(mention.id, list);
      }
    }
  }
  return sites;
}

/** What chapter tables made from the studies data need; the renderer builds its own from the same index fields. */
export function evidenceTableContext(index: Pick<ReviewIndex, 'evidenceRows' | 'evidence' | 'sourceKey'>): EvidenceTableContext | undefined {
  const { evidenceRows: data, evidence, sourceKey } = index;
  return data ? { data, sourceKey, statusOf: evidence ? (key) => evidence.get(key)?.status : undefined } : undefined;
}

/** A chapter body with each studies-table directive replaced by the words of its cells. */
function withTableWords(body: string, tables: EvidenceTableContext | undefined): string {
  const directive = new RegExp(`^::${EVIDENCE_TABLE_DIRECTIVE}\\{table="([^"]*)"\\}[ \\t]*$`, 'gm');
  return body.replace(directive, (_m, name: string) => evidenceTableWords(tables, name).join('\n'));
}

/**
 * A page's citation groups and section headings from its parsed tree; citations in headings are left to the render,
 * which rejects them. Heading ids come from the same function as the rendered anchors.
 */
function parseSource(file: string, body: string, bodyLine: number, tables: EvidenceTableContext | undefined) {
  let tree: Root;
  const expand = (root: Root) => expandEvidenceTables(root, tables, (reason, position) => {
    throw new ContentError('evidence-table-unknown', file, position ? position.start.line + bodyLine - 1 : undefined, reason);
  });
  try {
    tree = parsePage(body, { mdx: file.endsWith('.mdx'), expand });
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const { line, column, reason } = error as { line?: number; column?: number; reason?: string };
    throw new ContentError('mdx-invalid', file, line ? line + bodyLine - 1 : undefined, `could not parse MDX: ${reason ?? (error as Error).message}`, column);
  }
  const nextId = headingIdMaker();
  const headings: HeadingSource[] = [];
  visit(tree, 'heading', (node) => {
    if (node.depth < 2) return;
    const title = plainText(node);
    headings.push({ line: node.position?.start.line ?? 1, id: nextId(title), title });
  });
  return { groups: collectCitations(tree, body).filter((g) => !g.inHeading), headings };
}

function readChapters(chaptersDir: string, includeDrafts: boolean, errors: ContentError[]): { chapters: ChapterSource[]; drafts: Set<string> } {
  const files = existsSync(chaptersDir) ? readdirSync(chaptersDir).filter((f) => /\.mdx?$/.test(f)).sort() : [];
  const chapters: ChapterSource[] = [];
  const drafts = new Set<string>();
  const byOrder = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const file = join(chaptersDir, name);
    // Each chapter is checked on its own, so one build names every broken chapter.
    collect(errors, () => {
      // One identity per chapter: drafts too, as the content collection holds them under the same ids.
      const slug = chapterSlug(name);
      if (!slug) throw new ContentError('chapter-slug-empty', file, 1, `the file name gives no page address: after the number it needs letters or digits`);
      const twin = bySlug.get(slug);
      if (twin) throw new ContentError('chapter-duplicate-slug', file, 1, `${name} and ${twin} both give the page address /chapters/${slug}/; rename one`);
      bySlug.set(slug, name);
      const text = readContentText(file);
      const { data, body, bodyLine } = splitFrontMatter(text, file);
      checkFrontMatter(file, text, chapterSchema, data);
      if (data['draft'] === true && !includeDrafts) {
        drafts.add(name);
        return;
      }
      const order = data['order'] as number;
      const clash = byOrder.get(order);
      if (clash) throw new ContentError('chapter-duplicate-order', file, lineOfKey(text, 'order'), `order ${order} is already used by ${clash}`);
      byOrder.set(order, name);
      chapters.push({ file, slug, order, title: String(data['title'] ?? ''), body, bodyLine, headingIds: new Set(), headings: [] });
    });
  }
  return { chapters: chapters.sort((a, b) => a.order - b.order), drafts };
}

/** Readers' reviews and talks (community/*.md, not its README): front matter against the collection's schema. */
function checkCommunity(folder: string, errors: ContentError[]): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const file = join(folder, name);
    collect(errors, () => {
      const text = readContentText(file);
      checkFrontMatter(file, text, communitySchema, splitFrontMatter(text, file).data);
    });
  }
}

/** Runs one check, keeping its content errors (one or several) instead of stopping at them. */
function collect(errors: ContentError[], check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof ContentErrors) errors.push(...error.errors);
    else if (error instanceof ContentError) errors.push(error);
    else throw error;
    return false;
  }
}

/** Front matter against its collection's schema (src/lib/content/schemas.ts), before Astro reads it. */
function checkFrontMatter(file: string, text: string, schema: ZodType, data: Record<string, unknown>): void {
  const problem = frontMatterProblem(schema, data);
  if (problem) throw new ContentError('frontmatter-invalid', file, (problem.field && lineOfKey(text, problem.field)) || 1, problem.reason);
}

export function splitFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text, bodyLine: 1 };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch (error) {
    // One line number, the file's: the front matter starts on line 2, and yaml's own "at line 4, column 9" is dropped.
    const { line, reason } = yamlProblem(m[1] ?? '', error as Error & { linePos?: { line: number }[] });
    throw new ContentError('frontmatter-invalid', file, 1 + line, `front matter is not valid YAML: ${reason}`);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ContentError('frontmatter-invalid', file, 2, 'front matter is not a list of `field: value` lines');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(m[0].length), bodyLine: lineAt(text, m[0].length) };
}

/** Where a YAML mistake is, in the front matter's own lines: yaml reports an unclosed quote where it gave up looking. */
function yamlProblem(yaml: string, error: Error & { linePos?: { line: number }[] }): { line: number; reason: string } {
  const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  let line = error.linePos?.[0]?.line ?? 1;
  if (/^Missing closing .?quote/i.test(reason)) {
    const lines = yaml.split(/\r?\n/);
    const open = lines.findIndex((l) => {
      const value = /^\s*(?:-\s+)?[^:#]+:\s*(["'])(.*)$/.exec(l) ?? /^\s*-\s+(["'])(.*)$/.exec(l);
      if (!value) return false;
      const [, quote, rest = ''] = value;
      return quote === '"' ? !/(^|[^\\])(\\\\)*"/.test(rest) : !/'(?!')/.test(rest.replace(/''/g, ''));
    });
    if (open >= 0 && open + 1 <= line) line = open + 1;
  }
  return { line, reason };
}

function lineOfKey(text: string, key: string): number | undefined {
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

// Fenced code is not prose: a `[@x]` inside it is not a citation.
export function stripCode(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1/gm, (block) => block.replace(/[^\n]/g, ' ')).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

