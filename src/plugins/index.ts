import { basename, relative } from 'node:path';
import remarkGfm from 'remark-gfm';
import rehypeCitation from 'rehype-citation';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { formatReferences } from '../lib/bibliography.ts';
import type { ReviewIndex } from '../lib/review-index.ts';
import remarkCitationKeys from './remark-citation-keys.ts';
import remarkInternalLinks from './remark-internal-links.ts';
import rehypeCitationNumbers from './rehype-citation-numbers.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';

/** Site pages other than chapters that prose may link to. */
export const SITE_PAGES = new Set(['', 'references/', 'entities/', 'glossary/', 'search/']);

/**
 * The order matters: keys are checked in Markdown before rehype-citation sees them (it skips unknown keys silently);
 * numbering runs after rehype-citation has parsed the groups; anchors come last so they see final headings.
 */
export function buildPlugins(index: ReviewIndex, base: string): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const records = new Map(index.references.map((r) => [r.id, r]));
  const referencesFile = relative(process.cwd(), index.referencesFile);
  const chapters = new Map(index.chapters.map((c) => [basename(c.file), { slug: c.slug, headingIds: c.headingIds }]));
  return {
    remarkPlugins: [
      remarkGfm,
      [remarkCitationKeys, { known: new Set(records.keys()), referencesFile }],
      [remarkInternalLinks, { base, chapters, pages: SITE_PAGES }],
    ],
    rehypePlugins: [
      [rehypeCitation, { bibliography: basename(index.referencesFile), path: index.dir, csl: 'vancouver', linkCitations: true }],
      [rehypeCitationNumbers, { numbers: index.numbers, records, formatted: formatReferences(index.references), heading: 'References' }],
      rehypeHeadingAnchors,
    ],
  };
}
