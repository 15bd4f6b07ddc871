import type { Nodes, Root } from 'mdast';
import { findGroupsInValue, type FoundCitation } from './citation-syntax.ts';

export interface LiteralCitation {
  line: number;
  column: number;
  /** The group as written. */
  text: string;
  where: 'attribute' | 'expression' | 'markup';
}

// Blocks whose inline content is read for citations.
const INLINE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Citation groups a reader will see as literal text although they look meant: in a JSX attribute, in an MDX `{…}`
 * expression, or a group whose text holds markup (`[see *Table 2* in @key]`, which the parser splits so no text
 * node holds the whole group). `found` is what collectCitations read from the same tree and source.
 */
export function findLiteralCitations(tree: Root, source: string, found: readonly FoundCitation[]): LiteralCitation[] {
  const out: LiteralCitation[] = [];
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const place = (offset: number) => {
    let line = lineStarts.findLastIndex((s) => s <= offset);
    if (line < 0) line = 0;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  const foundByLine = new Map<number, string[]>();
  for (const g of found) foundByLine.set(g.line, [...(foundByLine.get(g.line) ?? []), g.keys.join(';')]);
  const inValue = (value: string, offset: number | undefined, where: LiteralCitation['where'], fallbackLine: number) => {
    for (const g of findGroupsInValue(value)) {
      const at = offset !== undefined ? place(offset) : { line: fallbackLine, column: 1 };
      out.push({ ...at, text: value.slice(g.start, g.end), where });
    }
  };
  const walk = (node: Nodes) => {
    const start = node.position?.start;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      inValue(node.value, start?.offset, 'expression', start?.line ?? 1);
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const a of node.attributes) {
        const value = a.type === 'mdxJsxAttribute' ? (typeof a.value === 'string' ? a.value : a.value?.value) : a.value;
        if (value) inValue(value, (a.position ?? node.position)?.start.offset, 'attribute', start?.line ?? 1);
      }
    }
    if (INLINE_BLOCKS.has(node.type) && start?.offset !== undefined && node.position?.end.offset !== undefined) {
      const raw = source.slice(start.offset, node.position.end.offset).replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
      const escaped = (i: number) => raw[i - 1] === '\\';
      for (const g of findGroupsInValue(raw, escaped)) {
        const inner = raw.slice(g.start + 1, g.end - 1);
        // Only a group the parser split: markup inside it. A plain group is a citation, read by collectCitations.
        if (!/[*<`]|\]\(|(^|\W)_|_(\W|$)/.test(inner)) continue;
        const at = place(start.offset + g.start);
        const keys = g.items.map((i) => i.key).join(';');
        const seen = foundByLine.get(at.line);
        const k = seen?.indexOf(keys) ?? -1;
        if (seen && k >= 0) {
          seen.splice(k, 1);
          continue;
        }
        out.push({ ...at, text: raw.slice(g.start, g.end).replace(/\s+/g, ' '), where: 'markup' });
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
