import type { Definition, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { basename } from 'node:path';
import { visit } from 'unist-util-visit';
import { chapterPath, withBase } from '../lib/site/urls.ts';
import { isSafeLinkUrl } from '../lib/security/sanitize.ts';
import { didYouMean } from '../lib/content/did-you-mean.ts';
import { contentFail } from './content-problem.ts';

export interface InternalLinkOptions {
  base: string;
  /** Chapter file name → its slug and heading ids. */
  chapters: ReadonlyMap<string, { slug: string; headingIds: ReadonlySet<string> }>;
  /** Site-relative paths of pages other than chapters (`references/`), for links written as `/references/`. */
  pages: ReadonlySet<string>;
  /** File names of draft chapters, which are not published. */
  drafts?: ReadonlySet<string>;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** Turns links to chapter files into page URLs, and fails on a link to a chapter, page or heading that does not exist. */
export function transformInternalLinks(tree: Root, file: VFile, { base, chapters, pages, drafts }: InternalLinkOptions): void {
  const here = chapters.get(basename(file.path));
  // A link or link definition whose scheme the sanitizer refuses (javascript:, data: …) never reaches a page.
  visit(tree, ['link', 'definition'], (node) => {
    const link = node as Link | Definition;
    if (isSafeLinkUrl(link.url)) return;
    contentFail(file, 'link-unsafe', `Unsafe link "${link.url}": only http, https and mailto links, or links within the site, are allowed`, link.position);
    link.url = '#';
  });
  visit(tree, 'link', (node: Link) => {
    const url = node.url;
    if (EXTERNAL.test(url) || url.startsWith('//')) return;
    const [path = '', fragment] = url.split('#');
    const fail = (why: string) => contentFail(file, 'link-broken', `Broken internal link "${url}": ${why}`, node.position);
    if (!path) {
      if (fragment && here && !here.headingIds.has(fragment)) fail(`no heading with id "${fragment}" in this chapter${didYouMean(fragment, here.headingIds)}`);
      return;
    }
    if (/\.mdx?$/.test(path)) {
      const target = chapters.get(basename(path));
      if (!target && drafts?.has(basename(path))) return fail(`${basename(path)} is a draft (draft: true), so it is not published; link to it once it is`);
      if (!target) return fail(`no chapter file "${basename(path)}"${didYouMean(basename(path), chapters.keys())}`);
      if (fragment && !target.headingIds.has(fragment)) return fail(`no heading with id "${fragment}" in ${basename(path)}${didYouMean(fragment, target.headingIds)}`);
      node.url = withBase(base, chapterPath(target.slug)) + (fragment ? `#${fragment}` : '');
      return;
    }
    const sitePath = path.replace(/^\/+/, '');
    const known = pages.has(sitePath) || [...chapters.values()].some((c) => chapterPath(c.slug) === sitePath);
    if (!known) return fail(`no such page${didYouMean(sitePath, [...pages, ...[...chapters.values()].map((c) => chapterPath(c.slug))].filter(Boolean), (p) => `"/${p}"`)}`);
    node.url = withBase(base, sitePath) + (fragment ? `#${fragment}` : '');
  });
}

export default function remarkInternalLinks(options: InternalLinkOptions) {
  return (tree: Root, file: VFile) => transformInternalLinks(tree, file, options);
}
