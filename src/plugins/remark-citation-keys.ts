import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { findCitationGroups } from '../lib/citations.ts';

export interface CitationKeyOptions {
  /** Every key the bibliography holds. */
  known: ReadonlySet<string>;
  referencesFile: string;
}

/** Fails on a cited key the bibliography lacks: rehype-citation would leave it as plain text without a word. */
export function transformCitationKeys(tree: Root, file: VFile, { known, referencesFile }: CitationKeyOptions): void {
  visit(tree, 'text', (node: Text, _index, parent) => {
    if (parent?.type === 'heading') return;
    for (const group of findCitationGroups(node.value)) {
      for (const key of group.keys) {
        if (known.has(key)) continue;
        const before = node.value.slice(0, group.offset);
        const line = (node.position?.start.line ?? 1) + (before.match(/\n/g)?.length ?? 0);
        file.fail(`Unknown citation key "@${key}": no record with id "${key}" in ${referencesFile}`, { place: { line, column: 1 }, ruleId: 'citation-unknown-key', source: 'review' });
      }
    }
  });
}

export default function remarkCitationKeys(options: CitationKeyOptions) {
  return (tree: Root, file: VFile) => transformCitationKeys(tree, file, options);
}
