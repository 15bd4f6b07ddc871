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
 * Ids for one page's section headings (h2–h6), in document order: GitHub's slugs (as Astro's own), unique on the
 * page, and never empty — a heading of emoji or signs alone (`## 🚀`) gets `section-N`, N its place among the
 * page's headings. The only way a heading id is made: the rendered anchors (rehype-heading-anchors), the review
 * index's link checks and mention sections all call it, so a link that passes the check lands on the heading.
 */
export function headingIdMaker(): (text: string) => string {
  const slugger = new GithubSlugger();
  let n = 0;
  return (text) => {
    n += 1;
    return slugger.slug(/[\p{L}\p{N}]/u.test(slug(text)) ? text : `section-${n}`);
  };
}
