import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { basename } from 'node:path';
import { visit } from 'unist-util-visit';
import { chapterPath, withBase } from '../lib/urls.ts';

export interface InternalLinkOptions {
  base: string;
  /** Chapter file name → its slug and heading ids. */
  chapters: ReadonlyMap<string, { slug: string; headingIds: ReadonlySet<string> }>;
  /** Site-relative paths of pages other than chapters (`references/`), for links written as `/references/`. */
  pages: ReadonlySet<string>;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** Turns links to chapter files into page URLs, and fails on a link to a chapter, page or heading that does not exist. */
export function transformInternalLinks(tree: Root, file: VFile, { base, chapters, pages }: InternalLinkOptions): void {
  const here = chapters.get(basename(file.path));
  visit(tree, 'link', (node: Link) => {
    const url = node.url;
    if (EXTERNAL.test(url) || url.startsWith('//')) return;
    const [path = '', fragment] = url.split('#');
    const fail = (why: string) =>
      file.fail(`Broken internal link "${url}": ${why}`, { place: node.position, ruleId: 'link-broken', source: 'review' });
    if (!path) {
      if (fragment && here && !here.headingIds.has(fragment)) fail(`no heading with id "${fragment}" in this chapter`);
      return;
    }
    if (/\.mdx?$/.test(path)) {
      const target = chapters.get(basename(path));
      if (!target) return fail(`no chapter file "${basename(path)}"`);
      if (fragment && !target.headingIds.has(fragment)) return fail(`no heading with id "${fragment}" in ${basename(path)}`);
      node.url = withBase(base, chapterPath(target.slug)) + (fragment ? `#${fragment}` : '');
      return;
    }
    const sitePath = path.replace(/^\/+/, '');
    const known = pages.has(sitePath) || [...chapters.values()].some((c) => chapterPath(c.slug) === sitePath);
    if (!known) return fail('no such page');
    node.url = withBase(base, sitePath) + (fragment ? `#${fragment}` : '');
  });
}

export default function remarkInternalLinks(options: InternalLinkOptions) {
  return (tree: Root, file: VFile) => transformInternalLinks(tree, file, options);
}
