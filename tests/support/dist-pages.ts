import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

export interface BuiltPage {
  /** Site-relative URL path, e.g. `chapters/introduction/`. */
  path: string;
  file: string;
  html: string;
  ids: Set<string>;
  links: { tag: string; attr: string; value: string; rel: string }[];
}

/** Every HTML page of a built site, parsed once: ids and outgoing references. */
export function builtPages(dist: string): BuiltPage[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'pagefind' || n === '_astro' ? [] : walk(p)) : n.endsWith('.html') ? [p] : [];
  });
  return walk(dist).map((file) => {
    const html = readFileSync(file, 'utf8');
    const ids = new Set<string>();
    const links: BuiltPage['links'] = [];
    visit(fromHtml(html), 'element', (el: Element) => {
      const id = el.properties['id'];
      if (typeof id === 'string') ids.add(id);
      for (const attr of ['href', 'src'] as const) {
        const value = el.properties[attr];
        if (typeof value === 'string') links.push({ tag: el.tagName, attr, value, rel: ([] as unknown[]).concat(el.properties['rel'] ?? []).join(' ') });
      }
    });
    const rel = relative(dist, file);
    return { path: rel.replace(/(^|\/)index\.html$/, '$1'), file, html, ids, links };
  });
}

/** The file a site-relative path serves, as a static host resolves it. */
export function resolveInDist(dist: string, path: string): string | undefined {
  const clean = decodeURIComponent(path.replace(/^\//, ''));
  for (const candidate of [clean, join(clean, 'index.html'), `${clean}.html`]) {
    const file = join(dist, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}
