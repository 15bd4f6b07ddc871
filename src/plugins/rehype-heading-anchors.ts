import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingIdMaker } from '../lib/content/slugs.ts';

const HEADING = /^h[2-6]$/;

/** Gives each section heading a stable, unique, non-empty id (see headingIdMaker) and a copyable link to itself. */
export function transformHeadingAnchors(tree: Root): void {
  const nextId = headingIdMaker();
  visit(tree, 'element', (node: Element) => {
    if (!HEADING.test(node.tagName)) return;
    const text = toString(node);
    const made = nextId(text);
    const given = node.properties['id'];
    const id = typeof given === 'string' && given ? given : made;
    node.properties['id'] = id;
    node.properties['tabIndex'] = -1;
    // The link holds only an icon, so the heading text Astro collects for the table of contents stays clean.
    node.children.push(h('a', { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${text}` }, [
      h('svg', { viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' }, [
        h('path', { d: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round' }),
      ]),
    ]));
  });
}

export default function rehypeHeadingAnchors() {
  return (tree: Root) => transformHeadingAnchors(tree);
}
