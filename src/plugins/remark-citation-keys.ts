import type { Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { basename } from 'node:path';
import { collectCitations, type CitedItem, type FoundCitation } from '../lib/citations/citation-syntax.ts';

export interface CitationKeyOptions {
  /** Every key the bibliography holds. */
  known: ReadonlySet<string>;
  referencesFile: string;
  /** Page file name → the groups the numbering pre-pass found there; the render must find the same. */
  expected?: ReadonlyMap<string, readonly CitedItem[][]>;
}

/** What the rehype plugins need to know about each group, by its place in the page (0-based). */
export interface PageCitation {
  items: CitedItem[];
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    citations: PageCitation[];
  }
}

/** The canonical text handed to rehype-citation for a group: its keys only, as it is left to number them. */
export const citationSource = (items: readonly CitedItem[]) => `[${items.map((i) => `@${i.key}`).join('; ')}]`;

/**
 * Finds the page's citation groups with the same function the numbering pre-pass uses, checks them (known keys, none
 * in headings, the same groups as the pre-pass), and turns each into a `span[data-citation-group]` of its own, so
 * nothing else on the page can be read as a citation later.
 */
export function transformCitationKeys(tree: Root, file: VFile, { known, referencesFile, expected }: CitationKeyOptions): void {
  const found = collectCitations(tree, String(file.value ?? ''));
  // The rule id goes in the text too: Astro prints the reason and the place, not the id.
  const fail = (reason: string, line: number, ruleId: string): never => file.fail(`${reason} [${ruleId}]`, { place: { line, column: 1 }, ruleId, source: 'review' });
  for (const group of found) {
    if (group.inHeading) fail(`Citation ${group.keys.map((k) => `@${k}`).join('; ')} in a heading: headings are labels; cite in the text below`, group.line, 'citation-in-heading');
    for (const key of group.keys) {
      if (!known.has(key)) fail(`Unknown citation key "@${key}": no record with id "${key}" in ${referencesFile}`, group.line, 'citation-unknown-key');
    }
  }
  const before = file.path ? expected?.get(basename(file.path)) : undefined;
  if (before) {
    const differs = found.findIndex((g, i) => g.keys.join(' ') !== before[i]?.map((item) => item.key).join(' '));
    if (differs >= 0 || found.length !== before.length) {
      const at = found[differs >= 0 ? differs : Math.min(found.length, before.length)] ?? found.at(-1);
      fail(`The page renders ${found.length} citation groups but the numbering found ${before.length}; they first differ here`, at?.line ?? 1, 'citation-count-mismatch');
    }
  }
  file.data.citations = found.map((g) => ({ items: g.items, line: g.line }));
  replaceGroups(found);
}

/** Splits each text node around its groups; one pass per parent, so a long paragraph costs its own length. */
function replaceGroups(found: readonly FoundCitation[]): void {
  const byParent = new Map<Parent, Map<Text, { group: FoundCitation; n: number }[]>>();
  found.forEach((group, n) => {
    const texts = byParent.get(group.parent) ?? new Map<Text, { group: FoundCitation; n: number }[]>();
    byParent.set(group.parent, texts);
    const list = texts.get(group.node) ?? [];
    texts.set(group.node, list);
    list.push({ group, n });
  });
  for (const [parent, texts] of byParent) {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      const groups = child.type === 'text' ? texts.get(child) : undefined;
      if (!groups || child.type !== 'text') return [child];
      const out: RootContent[] = [];
      let at = 0;
      for (const { group, n } of groups) {
        if (group.start > at) out.push({ type: 'text', value: child.value.slice(at, group.start) });
        out.push({
          type: 'citation',
          data: { hName: 'span', hProperties: { dataCitationGroup: String(n) } },
          children: [{ type: 'text', value: citationSource(group.items) }],
        } as unknown as RootContent);
        at = group.end;
      }
      if (at < child.value.length) out.push({ type: 'text', value: child.value.slice(at) });
      return out;
    }) as typeof parent.children;
  }
}

export default function remarkCitationKeys(options: CitationKeyOptions) {
  return (tree: Root, file: VFile) => transformCitationKeys(tree, file, options);
}
