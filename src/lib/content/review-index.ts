import { readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import GithubSlugger from 'github-slugger';
import { numberCitationsAcrossChapters } from '../citations/citations.ts';
import type { Root } from 'mdast';
import { collectCitations, parsePage, type CitedItem } from '../citations/citation-syntax.ts';
import { ContentError, lineAt } from './content-error.ts';
import { readContentText } from './content-text.ts';
import { checkHome } from './home-check.ts';
import { loadBibliography } from '../bibliography/bibliography-source.ts';
import { loadEvidence, type Evidence } from '../provenance/reference-evidence.ts';
import type { CslRecord } from '../bibliography/reference-links.ts';
import { chapterSlug } from './slugs.ts';
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
  /** Heading anchors as the page will render them. */
  headingIds: Set<string>;
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

export interface MentionSite {
  page: string;
  pageTitle: string;
  sectionId: string | undefined;
  sectionTitle: string | undefined;
  count: number;
}

const cache = new Map<string, ReviewIndex>();

/** Reads every chapter once so numbering, back-links and link checks agree across pages. */
export function buildReviewIndex(dir: string, { includeDrafts = false } = {}): ReviewIndex {
  const cacheKey = `${dir}|${includeDrafts}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const bibliography = loadBibliography(dir);
  const references = bibliography.records;
  const referencesFile = bibliography.file ?? join(dir, 'references.json');
  const { chapters, drafts } = readChapters(join(dir, 'chapters'), includeDrafts);
  const pages: { slug: string; title: string; body: string; bodyLine: number; file: string }[] = [...chapters];
  const evidence = loadEvidence(join(dir, 'references.evidence.json'), references.map((r) => r.id));
  const home = join(dir, 'home.mdx');
  let sourceKey: string | undefined;
  let checkHomeData = () => {};
  if (existsSync(home)) {
    const text = readContentText(home);
    const { data, body, bodyLine } = splitFrontMatter(text, home);
    // Checked once citations are read, so a missing bibliography is named as such rather than as an unknown source.
    checkHomeData = () => checkHome(home, text, data, new Set(references.map((r) => r.id)));
    pages.push({ slug: '', title: 'Home', body, bodyLine, file: home });
    sourceKey = typeof data['source'] === 'string' ? data['source'] : undefined;
  }

  const evidenceRows = readEvidence(dir, {
    keys: new Set(references.map((r) => r.id)),
    headingIds: new Map(chapters.map((c) => [basename(c.file), c.headingIds])),
  });
  const tables = evidenceTableContext({ evidenceRows, evidence, sourceKey });

  const sitesByKey = new Map<string, CitationSite[]>();
  const citationGroupsByFile = new Map<string, CitedItem[][]>();
  const groupsInOrder: string[][] = [];
  for (const page of pages) {
    const groups = citationGroupsOf(page.file, page.body, page.bodyLine, tables);
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
  if (!bibliography.file) failWithoutBibliography(pages, sitesByKey);
  checkHomeData();
  const entities = loadEntities(join(dir, 'entities.json'));
  const glossary = loadGlossary(join(dir, 'glossary.json'));
  const entityMatcher = buildMentionMatcher(entities.map((e) => ({ id: e.id, forms: e.textForms })));
  const glossaryMatcher = buildMentionMatcher(glossary.map((g) => ({ id: g.id, forms: [g.term, ...(g.plural ? [g.plural] : [])] })));
  const figures = loadFigures(dir);
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
    const slugger = new GithubSlugger();
    let section: { id: string; title: string } | undefined;
    for (const line of stripCode(chapter.body).split('\n')) {
      const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading) {
        const title = plainHeading(heading[1] ?? '');
        section = { id: slugger.slug(title), title };
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

/** A page's citation groups from its parsed tree; citations in headings are left to the render, which rejects them. */
function citationGroupsOf(file: string, body: string, bodyLine: number, tables: EvidenceTableContext | undefined) {
  let tree;
  const expand = (root: Root) => expandEvidenceTables(root, tables, (reason, position) => {
    throw new ContentError('evidence-table-unknown', file, position ? position.start.line + bodyLine - 1 : undefined, reason);
  });
  try {
    tree = parsePage(body, { mdx: file.endsWith('.mdx'), expand });
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const { line, reason } = error as { line?: number; reason?: string };
    throw new ContentError('mdx-invalid', file, line ? line + bodyLine - 1 : undefined, `could not parse MDX: ${reason ?? (error as Error).message}`);
  }
  return collectCitations(tree, body).filter((g) => !g.inHeading);
}

function readChapters(chaptersDir: string, includeDrafts: boolean): { chapters: ChapterSource[]; drafts: Set<string> } {
  const files = existsSync(chaptersDir) ? readdirSync(chaptersDir).filter((f) => /\.mdx?$/.test(f)).sort() : [];
  const chapters: ChapterSource[] = [];
  const drafts = new Set<string>();
  const byOrder = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const file = join(chaptersDir, name);
    // One identity per chapter: drafts too, as the content collection holds them under the same ids.
    const slug = chapterSlug(name);
    if (!slug) throw new ContentError('chapter-slug-empty', file, 1, `the file name gives no page address: after the number it needs letters or digits`);
    const twin = bySlug.get(slug);
    if (twin) throw new ContentError('chapter-duplicate-slug', file, 1, `${name} and ${twin} both give the page address /chapters/${slug}/; rename one`);
    bySlug.set(slug, name);
    const { data, body, bodyLine } = splitFrontMatter(readContentText(file), file);
    if (data['draft'] === true && !includeDrafts) {
      drafts.add(name);
      continue;
    }
    const order = data['order'];
    if (typeof order !== 'number') continue; // the collection schema reports the missing field
    const clash = byOrder.get(order);
    if (clash) throw new ContentError('chapter-duplicate-order', file, lineOfKey(file, 'order'), `order ${order} is already used by ${clash}`);
    byOrder.set(order, name);
    chapters.push({ file, slug, order, title: String(data['title'] ?? ''), body, bodyLine, headingIds: headingIds(body) });
  }
  return { chapters: chapters.sort((a, b) => a.order - b.order), drafts };
}

export function splitFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text, bodyLine: 1 };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch (error) {
    throw new ContentError('frontmatter-invalid', file, 1 + ((error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0), `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(m[0].length), bodyLine: lineAt(text, m[0].length) };
}

function lineOfKey(file: string, key: string): number | undefined {
  const text = readContentText(file);
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

// Fenced code is not prose: a `[@x]` inside it is not a citation.
export function stripCode(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1/gm, (block) => block.replace(/[^\n]/g, ' ')).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

function headingIds(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const m of stripCode(body).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) ids.add(slugger.slug(plainHeading(m[1] ?? '')));
  return ids;
}

// Heading text as rendered: Markdown emphasis and link syntax removed.
function plainHeading(raw: string): string {
  return raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
}
