import type { Html, Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import { SKIP, visit } from 'unist-util-visit';
import { warnContent } from '../lib/content/content-error.ts';
import { contentFail } from './content-problem.ts';
import { HTML_SCHEMA, checkJsxElement, sanitizeTree } from '../lib/security/sanitize.ts';

// The parts of an MDX JSX node this check reads (mdast-util-mdx-jsx's shape).
interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface JsxElement extends Node {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

/**
 * Markup written into a chapter rather than produced from Markdown.
 *
 * - `.md`: raw HTML is sanitized (rehype-sanitize-raw.ts, with the schema in lib/security/sanitize.ts); here each piece is
 *   checked on its own so the author gets a warning with the line of what will be removed.
 * - `.mdx`: HTML is JSX, compiled to code, so it cannot be cleaned afterwards; an element or attribute the
 *   sanitizer would change fails the build, as do components (`<Chart>`), fragments and `{…}` attribute values.
 */
export function transformRawMarkup(tree: Root, file: VFile): void {
  visit(tree, (node: Node, index: number | undefined, parent: { children: Node[] } | undefined) => {
    if (node.type === 'html') {
      const html = node as Html;
      const fragment = fromHtml(html.value, { fragment: true });
      const offset = (html.position?.start.line ?? 1) - 1;
      for (const r of sanitizeTree(fragment, HTML_SCHEMA).removed) {
        file.message(`raw HTML: ${r.what} is not allowed and is removed`, { place: { line: offset + (r.line ?? 1), column: 1 }, ruleId: 'html-sanitized', source: 'review' });
      }
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const jsx = node as JsxElement;
    // When the build collects errors, the element is taken out after the report: JSX is code and must not run.
    const fail = (why: string) => {
      contentFail(file, 'mdx-jsx-not-allowed', `${why}: HTML in an .mdx chapter must be plain elements the sanitizer allows, with literal attribute values (or write the chapter as .md)`, jsx.position);
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index] as [typeof SKIP, number | undefined];
    };
    if (!jsx.name) return fail('a JSX fragment <>…</> is not allowed');
    const name = jsx.name;
    if (!/^[a-z][a-z0-9]*$/.test(name)) return fail(`<${name}> is a component, not an HTML element`);
    const attributes: Record<string, string | true> = {};
    for (const a of jsx.attributes) {
      if (a.type !== 'mdxJsxAttribute' || !a.name) return fail(`<${name}> has a spread {…} attribute`);
      if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') return fail(`${a.name} on <${name}> is an expression {…}`);
      attributes[a.name] = a.value ?? true;
    }
    const refused = checkJsxElement(name, attributes);
    if (refused.length) return fail(`${refused.join(', ')} is not allowed`);
    return undefined;
  });
}

export default function remarkRawMarkup() {
  return (tree: Root, file: VFile) => {
    const before = file.messages.length;
    transformRawMarkup(tree, file);
    for (const m of file.messages.slice(before)) warnContent(m.ruleId ?? 'html-sanitized', file.path, m.line ?? undefined, m.reason);
  };
}
