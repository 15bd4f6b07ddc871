import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { displayPath } from '../lib/content/content-error.ts';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { formatReferences } from '../lib/bibliography/bibliography.ts';
import { evidenceTableContext, type ReviewIndex } from '../lib/content/review-index.ts';
import remarkEvidenceTables from './remark-evidence-tables.ts';
import { EVIDENCE_PAGE } from '../lib/evidence/evidence-url.ts';
import remarkCitationKeys from './remark-citation-keys.ts';
import remarkLiteralDirectives from './remark-literal-directives.ts';
import remarkDirectiveFences from './remark-directive-fences.ts';
import remarkInternalLinks from './remark-internal-links.ts';
import remarkFigures from './remark-figures.ts';
import remarkRawMarkup from './remark-raw-markup.ts';
import rehypeSanitizeRaw from './rehype-sanitize-raw.ts';
import remarkEditorialNotes from './remark-editorial-notes.ts';
import rehypeCitationPerPage from './rehype-citation-per-page.ts';
import rehypeCitationNumbers from './rehype-citation-numbers.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeAbbreviations from './rehype-abbreviations.ts';
import rehypeEntities from './rehype-entities.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';

/** Site pages other than chapters that prose may link to; `evidence/` too when the review has evidence data. */
export const SITE_PAGES = new Set(['', 'references/', 'entities/', 'glossary/', 'search/', 'notes/', 'community/', 'review/']);

/**
 * The order matters. Citations are found once, in the Markdown tree, by the same function the numbering pre-pass
 * uses (src/lib/citations/citation-syntax.ts): remarkCitationKeys checks them, fails if they differ from the pre-pass, and
 * turns each group into a marked span, so code, escaped brackets, link text and headings never reach rehype-citation
 * as citations. rehype-citation then reads only the marked groups, in batches on a tree of their own so its cost stays
 * linear (it must return the same keys, or the build fails at that line); numbering renders them and appends the
 * reference list, which the prose transforms skip. remark-directive parses as the pre-pass does (`:::` containers);
 * a `:name` nothing renders (`10:30`) goes back to text before citations are read;
 * abbreviations wrap before entity links so a linked term keeps its expansion; anchors come last.
 */
export function buildPlugins(index: ReviewIndex, base: string): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const records = index.recordsById;
  const referencesFile = displayPath(index.referencesFile);
  const chapters = new Map(index.chapters.map((c) => [basename(c.file), { slug: c.slug, headingIds: c.headingIds }]));
  const subsets = writeCitationSubsets(index);
  return {
    remarkPlugins: [
      remarkGfm,
      remarkDirective,
      // Tables made from the studies data, expanded as the numbering pre-pass expands them, before unknown `::name` go back to text.
      [remarkEvidenceTables, evidenceTableContext(index)],
      remarkLiteralDirectives,
      // Every `:::` block closed, none inside another, no stray fence left as text.
      remarkDirectiveFences,
      // `:::editorial` blocks become labelled notes; an unknown block directive fails instead of vanishing.
      remarkEditorialNotes,
      [remarkCitationKeys, { known: new Set(records.keys()), referencesFile, expected: index.citationGroupsByFile }],
      [remarkInternalLinks, { base, chapters, pages: index.evidenceRows ? new Set([...SITE_PAGES, EVIDENCE_PAGE]) : SITE_PAGES, drafts: index.drafts }],
      // Before Astro's own image handling, which would otherwise turn the SVG into an asset import.
      [remarkFigures, { figures: index.figures, numbers: index.figureNumbers }],
      // Raw HTML (.md) and JSX (.mdx) written into a chapter: checked against the sanitizer's allow-list.
      remarkRawMarkup,
    ],
    rehypePlugins: [
      // First, so raw HTML is sanitized before anything the site adds itself.
      rehypeSanitizeRaw,
      // rehype-citation reads only CSL-JSON here, whatever format content/ holds: the records are already converted.
      [rehypeCitationPerPage, { options: { bibliography: 'all.json', path: subsets.dir, csl: 'vancouver', linkCitations: true }, subsets: subsets.files }],
      [rehypeCitationNumbers, { numbers: index.numbers, records, formatted: formatReferences(index.references), heading: 'References', provenance: { evidence: index.evidence, sourceKey: index.sourceKey } }],
      [rehypeAbbreviations, { matcher: index.glossaryMatcher, expansions: new Map(index.glossary.map((g) => [g.id, g.expansion])) }],
      [rehypeEntities, { matcher: index.entityMatcher, base, types: new Map(index.entities.map((e) => [e.id, e.type])) }],
      rehypeHeadingAnchors,
      rehypeTableScroll,
    ],
  };
}

/** One small CSL-JSON file per page with the works it cites (and all.json with every work), in a folder keyed by the content folder. */
function writeCitationSubsets(index: ReviewIndex): { dir: string; files: Map<string, string> } {
  const dir = join(tmpdir(), `review-citations-${createHash('sha1').update(index.dir).digest('hex').slice(0, 10)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'all.json'), JSON.stringify(index.references));
  const pages = [...index.chapters.map((c) => ({ name: basename(c.file), page: c.slug })), { name: 'home.mdx', page: '' }];
  return { dir, files: new Map(pages.map(({ name, page }) => {
    const records = [...(index.keysByPage.get(page)?.keys() ?? [])].flatMap((k) => index.recordsById.get(k) ?? []);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(records));
    return [name, file];
  })) };
}
