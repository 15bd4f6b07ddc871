import type { Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { basename } from 'node:path';
import { collectCitations, type CitedItem, type FoundCitation } from '../lib/citations/citation-syntax.ts';
import { didYouMean } from '../lib/content/did-you-mean.ts';
import { contentFail } from './content-problem.ts';
import { findLiteralCitations, type LiteralCitation } from '../lib/citations/literal-citations.ts';
import { warnContent } from '../lib/content/content-error.ts';

const LITERAL_WHY: Record<LiteralCitation['where'], string> = {
  attribute: 'is in a JSX attribute',
  expression: 'is in an MDX {…} expression',
  markup: 'holds markup (emphasis, code or a link)',
};

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
  column: number;
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
  const source = String(file.value ?? '');
  const all = collectCitations(tree, source);
  // What looks like a citation but stays text (README: in JSX, in `{…}`, or split by markup) is worth a warning.
  for (const literal of findLiteralCitations(tree, source, all)) {
    warnContent('citation-literal', file.path, literal.line, `${literal.text} ${LITERAL_WHY[literal.where]}, so it is shown as written, not as a citation`, literal.column);
  }
  const fail = (reason: string, group: FoundCitation, ruleId: string) => contentFail(file, ruleId, reason, { line: group.line, column: group.column });
  // A group with a mistake is reported and, when the build collects errors, left as text so the page still renders.
  const found = all.filter((group) => {
    let ok = true;
    if (group.inHeading) {
      fail(`Citation ${group.keys.map((k) => `@${k}`).join('; ')} in a heading: headings are labels; cite in the text below`, group, 'citation-in-heading');
      ok = false;
    }
    for (const key of group.keys) {
      if (known.has(key)) continue;
      fail(`Unknown citation key "@${key}": no record with id "${key}" in ${referencesFile}${didYouMean(key, known, (k) => `"@${k}"`)}`, group, 'citation-unknown-key');
      ok = false;
    }
    return ok;
  });
  const before = file.path ? expected?.get(basename(file.path)) : undefined;
  if (before && found.length === all.length) {
    const differs = found.findIndex((g, i) => g.keys.join(' ') !== before[i]?.map((item) => item.key).join(' '));
    if (differs >= 0 || found.length !== before.length) {
      const at = found[differs >= 0 ? differs : Math.min(found.length, before.length)] ?? found.at(-1);
      if (at) fail(`The page renders ${found.length} citation groups but the numbering found ${before.length}; they first differ here`, at, 'citation-count-mismatch');
    }
  }
  file.data.citations = found.map((g) => ({ items: g.items, line: g.line, column: g.column }));
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
