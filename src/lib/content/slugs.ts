import { basename, extname } from 'node:path';
import GithubSlugger, { slug } from 'github-slugger';

/**
 * `content/chapters/04-Progenitor Cells.mdx` → `progenitor-cells`: the number orders files, the rest names the page.
 * The only way a chapter's URL is made: the review index, the content collection's ids (its glob loader's
 * `generateId`), page routes and links all call it, so they cannot disagree. Lower case, accents folded, anything
 * but letters and digits turned into single hyphens.
 */
export function chapterSlug(fileName: string): string {
  return basename(fileName, extname(fileName))
    .replace(/^\d+[-_]/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Ids the chapter pages use around the text (layout, contents, search dialog, reference list) and the patterns of
 * those the plugins give (`cite-3`, `note-2`, `ref-key`, `figure-id`): a heading must not take one, or the skip link,
 * a citation or the reference list would land on it.
 */
const SITE_IDS = new Set(['main', 'header-end', 'toc-heading', 'chapter-sidebar-heading', 'search-dialog', 'search-dialog-title', 'references']);
const SITE_ID_PATTERN = /^(?:cite|note)-\d+$|^(?:ref|figure)-/;

/**
 * Ids for one page's section headings (h2–h6), in document order: GitHub's slugs (as Astro's own), unique on the
 * page, and never empty — a heading of emoji or signs alone (`## 🚀`) gets `section-N`, N its place among the
 * page's headings; a heading whose slug the page already uses for itself (`## References`, `## Note 1`) gets
 * `section-references`. The only way a heading id is made: the rendered anchors (rehype-heading-anchors), the review
 * index's link checks and mention sections all call it, so a link that passes the check lands on the heading.
 */
export function headingIdMaker(): (text: string) => string {
  const slugger = new GithubSlugger();
  let n = 0;
  return (text) => {
    n += 1;
    const plain = slug(text);
    if (!/[\p{L}\p{N}]/u.test(plain)) return slugger.slug(`section-${n}`);
    return slugger.slug(SITE_IDS.has(plain) || SITE_ID_PATTERN.test(plain) ? `section-${plain}` : text);
  };
}
