import type { Paragraph, Root, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import { contentFail } from './content-problem.ts';

const FENCE_LINE = /^\s*(:{3,})\s*$/;
const STRAY_FENCE = /^[ \t]*:{3,}/m;

/**
 * The shape of every `:::name` block, whatever its name (the names a chapter may use are checked where each is
 * rendered). remark-directive closes a block left open at the end of the document, and a block opened inside
 * another closes the outer one at the first `:::`, leaving a literal `:::` paragraph; both would publish the rest of
 * the chapter in the wrong place, so each fails at its line:
 * - `[directive-unclosed]`: no closing fence line (`:::`, at least as long as the opening one) ends the block;
 * - `[directive-nested]`: a block inside another block;
 * - `[directive-stray-fence]`: a line of prose that starts with `:::` (a fence nothing opened, or a mistyped opening).
 */
export function checkDirectiveFences(tree: Root, file: VFile): void {
  const lines = String(file.value ?? '').split(/\r?\n/);
  const walk = (node: Node, outer: ContainerDirective | undefined) => {
    let inside = outer;
    if (node.type === 'containerDirective') {
      const block = node as ContainerDirective;
      checkBlock(block, outer, lines, file);
      inside ??= block;
    }
    for (const child of (node as Parent).children ?? []) walk(child, inside);
  };
  walk(tree, undefined);
  visit(tree, 'paragraph', (node: Paragraph) => {
    for (const child of node.children) {
      if (child.type !== 'text') continue;
      const m = STRAY_FENCE.exec((child as Text).value);
      if (!m || !child.position) continue;
      // Only a fence at the start of a source line: `a:::b` in a sentence is text.
      const before = (child as Text).value.slice(0, m.index);
      const line = child.position.start.line + (before.match(/\n/g)?.length ?? 0);
      if (!/^\s*:{3,}/.test(lines[line - 1] ?? '')) continue;
      contentFail(file, 'directive-stray-fence', `"${m[0].trim()}" closes no block: a block is opened by ":::name" on a line of its own and closed by ":::"`, { line, column: 1 });
    }
  });
}

function checkBlock(node: ContainerDirective, outer: ContainerDirective | undefined, lines: string[], file: VFile): void {
  const start = node.position?.start;
  if (outer) {
    contentFail(file, 'directive-nested', `":::${node.name}" inside ":::${outer.name}" (opened on line ${outer.position?.start.line ?? '?'}): a block cannot hold another; close the first with ":::" before opening the next`, start);
    return;
  }
  const end = node.position?.end;
  if (!start || !end) return;
  const opening = /^\s*(:{3,})/.exec(lines[start.line - 1] ?? '')?.[1]?.length ?? 3;
  const closing = FENCE_LINE.exec(lines[end.line - 1] ?? '')?.[1]?.length ?? 0;
  if (end.line === start.line || closing < opening) {
    contentFail(file, 'directive-unclosed', `":::${node.name}" is never closed: end it with a line of "${':'.repeat(opening)}" (left open, it takes in the rest of the page)`, start);
  }
}

export default function remarkDirectiveFences() {
  return (tree: Root, file: VFile) => checkDirectiveFences(tree, file);
}
