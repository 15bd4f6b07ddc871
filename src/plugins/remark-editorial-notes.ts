import type { Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { contentFail } from './content-problem.ts';
import { didYouMean } from '../lib/content/did-you-mean.ts';

/** Directive names chapters may use; anything else is a typo that would otherwise vanish from the page. */
export const DIRECTIVES = new Set(['editorial']);
export const NOTE_LABEL = 'Editorial note';

/**
 * Turns each `:::editorial` container into `<aside class="editorial-note" id="note-N" role="note">` with a visible
 * label, numbered in document order. Any other container directive fails (a `:::warning` typo must not vanish).
 * Text and leaf directives (`10:30`, a line starting `::`) are put back as text by remark-literal-directives first.
 */
export function transformEditorialNotes(tree: Root, file: VFile): void {
  let count = 0;
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (!DIRECTIVES.has(node.name)) {
      contentFail(file, 'directive-unknown', `Unknown directive ":::${node.name}": the only block directive is ":::editorial" (an editorial note)${didYouMean(node.name, DIRECTIVES, (n) => `":::${n}"`)}`, node.position);
    }
    count += 1;
    renderNote(node, count);
  });
}

function renderNote(node: ContainerDirective, n: number): void {
  // `:::editorial[Label]` gives its label as a first paragraph; the element's own label is always the same.
  const first = node.children[0];
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) node.children.shift();
  const label: Paragraph = { type: 'paragraph', data: { hProperties: { className: ['editorial-note-label'] } }, children: [{ type: 'text', value: NOTE_LABEL }] };
  node.children.unshift(label as never);
  // Each note is a search record of its own (kind "Editorial note", landing on the note), so the page's index
  // leaves it out rather than holding its words twice.
  node.data = { ...node.data, hName: 'aside', hProperties: { className: ['editorial-note'], id: `note-${n}`, role: 'note', ariaLabel: NOTE_LABEL, dataPagefindIgnore: 'all' } };
}

export default function remarkEditorialNotes() {
  return (tree: Root, file: VFile) => transformEditorialNotes(tree, file);
}
