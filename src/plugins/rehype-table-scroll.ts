import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** The name a table's scroll box is announced by: its caption, or else its column headings. */
export function tableLabel(table: Element): string {
  let caption = '';
  const headings: string[] = [];
  visit(table, 'element', (el: Element) => {
    if (el.tagName === 'caption' && !caption) caption = toString(el).replace(/\s+/g, ' ').trim();
    if (el.tagName === 'th') headings.push(toString(el).replace(/\s+/g, ' ').trim());
  });
  if (caption) return caption;
  const columns = headings.filter(Boolean);
  return columns.length ? `Table: ${columns.join(', ')}` : 'Table';
}

/**
 * Puts every table in a frame and a scroll box of its own: a wide table scrolls sideways inside the box, never the
 * page. The box is a labelled region and a tab stop, so keyboard users can scroll it with the arrow keys; the frame
 * carries the cue that there is more to the side (drawn by CSS, switched by src/scripts/table-scroll.ts).
 */
export function transformTableScroll(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    if (parent.type === 'element' && (parent.properties['className'] as string[] | undefined)?.includes('table-scroll')) return SKIP;
    const box = h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(node) }, [node]);
    parent.children[index] = h('div', { className: ['table-frame'] }, [box]) as ElementContent;
    return SKIP;
  });
}

export default function rehypeTableScroll() {
  return (tree: Root) => transformTableScroll(tree);
}
