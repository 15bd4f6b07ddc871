import type { Element, ElementContent, Root, Text } from 'hast';

const SKIP_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'svg', 'script', 'style', 'figure']);
const SKIP_CLASSES = ['citation', 'reference-list', 'heading-anchor'];

/**
 * Walks the text of running prose in document order, skipping headings, links, code, citations and reference lists,
 * and calls `onSection` at each h2 so a transform can restart its "first mention" bookkeeping.
 * `replace` returns the nodes that take a text node's place, or undefined to keep it.
 */
export function rewriteProseText(
  tree: Root,
  replace: (text: Text) => ElementContent[] | undefined,
  { onSection, skipTags = [] }: { onSection?: () => void; skipTags?: string[] } = {},
): void {
  const skip = new Set([...SKIP_TAGS, ...skipTags]);
  const walk = (parent: Root | Element) => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i]!;
      if (node.type === 'element') {
        if (node.tagName === 'h2') onSection?.();
        const classes = ([] as unknown[]).concat(node.properties['className'] ?? []).map(String);
        if (skip.has(node.tagName) || classes.some((c) => SKIP_CLASSES.includes(c))) continue;
        walk(node);
      } else if (node.type === 'text') {
        const replacement = replace(node);
        if (replacement) {
          parent.children.splice(i, 1, ...(replacement as Element['children']));
          i += replacement.length - 1;
        }
      }
    }
  };
  walk(tree);
}

/** Splits a text node's value around matches, wrapping each match in the element `wrap` makes. */
export function wrapMatches<M extends { index: number; text: string }>(value: string, matches: readonly M[], wrap: (m: M) => ElementContent): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.index > at) out.push({ type: 'text', value: value.slice(at, m.index) });
    out.push(wrap(m));
    at = m.index + m.text.length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}
