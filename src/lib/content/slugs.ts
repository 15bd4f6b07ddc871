import { basename, extname } from 'node:path';

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
