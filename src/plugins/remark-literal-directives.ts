import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { restoreLiteralDirectives } from '../lib/citations/citation-syntax.ts';

/** `10:30` or `IL6:IL6R` parse as text directives once remark-directive is on; they go back to plain text. */
export function transformLiteralDirectives(tree: Root, file: VFile): void {
  restoreLiteralDirectives(tree, String(file.value ?? ''));
}

export default function remarkLiteralDirectives() {
  return transformLiteralDirectives;
}
