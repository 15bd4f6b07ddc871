import type { Element, Root } from 'hast';
import { randomBytes } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { EXIT, visit } from 'unist-util-visit';
import { HTML_SCHEMA, sanitizeTree } from '../lib/security/sanitize.ts';

const MARK = 'dataSiteMarkdown';

/**
 * Raw HTML in a `.md` chapter arrives here as `raw` nodes, pieces of HTML that only make sense together. The tree
 * is serialized and parsed again by a real HTML parser (as the browser would), then every element that did not come
 * from the Markdown — marked beforehand with a value raw HTML cannot guess — goes through the allow-list sanitizer.
 * Runs first among the rehype plugins, before anything the site adds itself; `.mdx` trees hold no raw nodes.
 */
export function transformSanitizeRaw(tree: Root): void {
  let raw = false;
  visit(tree, 'raw', () => {
    raw = true;
    return EXIT;
  });
  if (!raw) return;
  const nonce = randomBytes(12).toString('hex');
  visit(tree, 'element', (el: Element) => {
    el.properties[MARK] = nonce;
  });
  const parsed = fromHtml(toHtml(tree, { allowDangerousHtml: true }), { fragment: true });
  const { tree: clean } = sanitizeTree(parsed, HTML_SCHEMA, (el) => el.properties[MARK] === nonce);
  visit(clean, 'element', (el: Element) => {
    delete el.properties[MARK];
  });
  tree.children = clean.children;
}

export default function rehypeSanitizeRaw() {
  return (tree: Root) => transformSanitizeRaw(tree);
}
