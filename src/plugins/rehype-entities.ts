import type { Root } from 'hast';
import { h } from 'hastscript';
import { findMentions, type MentionMatcher } from '../lib/entities/mentions.ts';
import { withBase } from '../lib/site/urls.ts';
import { rewriteProseText, wrapMatches } from './prose-text.ts';

export interface EntityOptions {
  matcher: MentionMatcher | undefined;
  base: string;
  /** Entity id → type (`gene`, `chemical` …), so a reader who asks for highlighting sees mentions coloured by kind. */
  types?: ReadonlyMap<string, string>;
}

/**
 * Links the first mention of each entity in every section to its entry: enough to find it, not a sea of links.
 * Every later mention becomes a plain span with the same id and type, unstyled until the reader turns on
 * "Highlight terms"; it is not a link, so screen readers meet one link per entity per section. The links are not
 * tab stops (tabindex -1) until the reader turns highlighting on, so Tab goes from citation to citation.
 */
export function transformEntities(tree: Root, { matcher, base, types }: EntityOptions): void {
  if (!matcher) return;
  let seen = new Set<string>();
  rewriteProseText(tree, (text) => {
    const mentions = findMentions(text.value, matcher);
    if (!mentions.length) return undefined;
    return wrapMatches(text.value, mentions, (m) => {
      const type = types?.get(m.id);
      if (seen.has(m.id)) return h('span', { className: ['mention'], dataEntity: m.id, dataType: type }, m.text);
      seen.add(m.id);
      // Not a tab stop while reading: "Highlight terms" makes the links focusable (src/scripts/highlight-terms.ts).
      return h('a', { className: ['entity'], href: withBase(base, `entities/#${m.id}`), dataEntity: m.id, dataType: type, tabIndex: -1 }, m.text);
    });
  }, { onSection: () => { seen = new Set(); } });
}

export default function rehypeEntities(options: EntityOptions) {
  return (tree: Root) => transformEntities(tree, options);
}
