import { basename, extname } from 'node:path';

/** `content/chapters/04-progenitor-cells.mdx` → `progenitor-cells`: the number orders files, the rest names the page. */
export function chapterSlug(fileName: string): string {
  return basename(fileName, extname(fileName)).replace(/^\d+[-_]/, '');
}
