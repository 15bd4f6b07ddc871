import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';

/** Directive names chapters may use; anything else is a typo that would otherwise vanish from the page. */
export const DIRECTIVES = new Set(['editorial']);
export const NOTE_LABEL = 'Editorial note';

/**
 * Turns each `:::editorial` container into `<aside class="editorial-note" id="note-N" role="note">` with a visible
 * label, numbered in document order. Unknown container and leaf directives fail; a text directive (`a:b` in prose)
 * is put back as the text it was written as.
 */
export function transformEditorialNotes(tree: Root, file: VFile): void {
  let count = 0;
  visit(tree, (node, index, parent) => {
    if (node.type === 'textDirective' && parent && index !== undefined) {
      parent.children.splice(index, 1, { type: 'text', value: sourceOf(node, file) } satisfies Text as never);
      return [SKIP, index + 1];
    }
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const marker = node.type === 'containerDirective' ? ':::' : '::';
    if (node.type === 'leafDirective' || !DIRECTIVES.has(node.name)) {
      file.fail(`Unknown directive "${marker}${node.name}": the only block directive is ":::editorial" (an editorial note)`, { place: node.position, ruleId: 'directive-unknown', source: 'review' });
    }
    count += 1;
    renderNote(node as ContainerDirective, count);
    return undefined;
  });
}

function renderNote(node: ContainerDirective, n: number): void {
  // `:::editorial[Label]` gives its label as a first paragraph; the element's own label is always the same.
  const first = node.children[0];
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) node.children.shift();
  const label: Paragraph = { type: 'paragraph', data: { hProperties: { className: ['editorial-note-label'] } }, children: [{ type: 'text', value: NOTE_LABEL }] };
  node.children.unshift(label as never);
  node.data = { ...node.data, hName: 'aside', hProperties: { className: ['editorial-note'], id: `note-${n}`, role: 'note', ariaLabel: NOTE_LABEL } };
}

function sourceOf(node: RootContent, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const text = String(file.value ?? '');
  if (start !== undefined && end !== undefined && text) return text.slice(start, end);
  return `:${(node as { name?: string }).name ?? ''}`;
}

export default function remarkEditorialNotes() {
  return (tree: Root, file: VFile) => transformEditorialNotes(tree, file);
}
