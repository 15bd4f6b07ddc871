import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import GithubSlugger from 'github-slugger';
import { findCitationGroups, numberCitationsAcrossChapters } from './citations.ts';
import { ContentError, lineAt } from './content-error.ts';
import { loadBibliography } from './bibliography-source.ts';
import type { CslRecord } from './reference-links.ts';
import { chapterSlug } from './slugs.ts';
import { loadEntities, loadGlossary, type Entity, type GlossaryTerm } from './entities.ts';
import { buildMentionMatcher, findMentions, type MentionMatcher } from './mentions.ts';
import { figureFilesIn, loadFigures, type Figure } from './figures.ts';

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
}

export interface ReviewIndex {
  dir: string;
  chapters: ChapterSource[];
  references: CslRecord[];
  referencesFile: string;
  numbers: Map<string, number>;
  sitesByKey: Map<string, CitationSite[]>;
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
  const chapters = readChapters(join(dir, 'chapters'), includeDrafts);
  const pages: { slug: string; title: string; body: string; file?: string }[] = [...chapters];
  const home = join(dir, 'home.mdx');
  if (existsSync(home)) pages.push({ slug: '', title: 'Home', file: home, body: splitFrontMatter(readFileSync(home, 'utf8'), home).body });

  const sitesByKey = new Map<string, CitationSite[]>();
  const groupsInOrder: string[][] = [];
  for (const page of pages) {
    const prose = stripCode(page.body);
    const headings = [...prose.matchAll(/^#{2,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => ({ at: m.index ?? 0, text: plainHeading(m[1] ?? '') }));
    findCitationGroups(prose).forEach((group, i) => {
      groupsInOrder.push(group.keys);
      const section = headings.filter((h) => h.at < group.offset).at(-1)?.text;
      const site = { page: page.slug, pageTitle: page.title, anchor: `cite-${i + 1}`, section, keys: group.keys };
      for (const key of new Set(group.keys)) {
        const list = sitesByKey.get(key);
        if (list) list.push(site);
        else sitesByKey.set(key, [site]);
      }
    });
  }
  if (!bibliography.file) failWithoutBibliography(pages, sitesByKey);
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
  const entityMentions = countMentions(chapters, entityMatcher);
  const index = {
    dir, figures, figureNumbers, chapters, references, referencesFile, numbers: numberCitationsAcrossChapters(groupsInOrder), sitesByKey,
    entities, glossary, entityMatcher, glossaryMatcher,
    entityMentions, termMentions: countMentions(chapters, glossaryMatcher),
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

function readChapters(chaptersDir: string, includeDrafts: boolean): ChapterSource[] {
  const files = existsSync(chaptersDir) ? readdirSync(chaptersDir).filter((f) => /\.mdx?$/.test(f)).sort() : [];
  const chapters: ChapterSource[] = [];
  const byOrder = new Map<number, string>();
  for (const name of files) {
    const file = join(chaptersDir, name);
    const { data, body, bodyLine } = splitFrontMatter(readFileSync(file, 'utf8'), file);
    if (data['draft'] === true && !includeDrafts) continue;
    const order = data['order'];
    if (typeof order !== 'number') continue; // the collection schema reports the missing field
    const clash = byOrder.get(order);
    if (clash) throw new ContentError('chapter-duplicate-order', file, lineOfKey(file, 'order'), `order ${order} is already used by ${clash}`);
    byOrder.set(order, name);
    chapters.push({ file, slug: chapterSlug(name), order, title: String(data['title'] ?? ''), body, bodyLine, headingIds: headingIds(body) });
  }
  return chapters.sort((a, b) => a.order - b.order);
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
  const text = readFileSync(file, 'utf8');
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
