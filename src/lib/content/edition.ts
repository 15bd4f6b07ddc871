import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

export interface EditionPartOptions {
  /** Put before every id of this part, so parts compiled separately (each with cite-1, its headings …) stay unique. */
  prefix: string;
  /** The site's base path, to recognise links to chapter pages. */
  base: string;
  /** Chapter slug → the prefix of its part in the edition; a link to a chapter page becomes a link into the edition. */
  chapters: ReadonlyMap<string, string>;
  /** Id of each chapter's own heading in the edition, for links to a chapter without a fragment. */
  chapterAnchor: (slug: string) => string;
}

const ID_LISTS = ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'htmlFor', 'headers'] as const;
const HEADING = /^h([1-5])$/;

/**
 * One page or chapter, rendered on its own, made into a part of the single-page edition: its ids prefixed, links to
 * its own anchors and to other chapters pointed inside the edition, its headings one level down (the part's title is
 * the h2), and its own reference list dropped (the edition has one at the end; citations keep linking `#ref-key`).
 */
export function transformEditionPart(tree: Root, options: EditionPartOptions): void {
  const { prefix } = options;
  const own = new Set<string>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (hasClass(node, 'reference-list') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'svg') return SKIP; // its internal ids (gradients, clip paths) are referenced as url(#id)
    const id = node.properties['id'];
    if (typeof id === 'string' && id) {
      own.add(id);
      node.properties['id'] = prefix + id;
    }
    const level = HEADING.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Number(level) + 1}`;
    return undefined;
  });
  const local = (id: string) => (own.has(id) ? prefix + id : id);
  visit(tree, 'element', (node: Element) => {
    const properties: Record<string, unknown> = node.properties;
    for (const name of ID_LISTS) {
      const value = properties[name];
      if (Array.isArray(value)) properties[name] = value.map((v) => local(String(v)));
      else if (typeof value === 'string') properties[name] = value.split(/\s+/).map(local).join(' ');
    }
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string') node.properties['href'] = editionHref(href, local, options);
  });
}

function editionHref(href: string, local: (id: string) => string, { base, chapters, chapterAnchor }: EditionPartOptions): string {
  if (href.startsWith('#')) return `#${local(decodeURIComponent(href.slice(1)))}`;
  const chapterRoot = `${base}chapters/`;
  if (!href.startsWith(chapterRoot)) return href;
  const [path = '', fragment] = href.slice(chapterRoot.length).split('#');
  const slug = path.replace(/\/$/, '');
  const prefix = chapters.get(slug);
  if (prefix === undefined) return href;
  if (!fragment) return `#${chapterAnchor(slug)}`;
  // The edition has one reference list; everything else of that chapter carries its prefix.
  return fragment.startsWith('ref-') ? `#${fragment}` : `#${prefix}${decodeURIComponent(fragment)}`;
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

/** The same transform on rendered HTML, for a component that renders a part through its slot. */
export function editionPartHtml(html: string, options: EditionPartOptions): string {
  const tree = fromHtml(html, { fragment: true });
  transformEditionPart(tree, options);
  return toHtml(tree);
}
