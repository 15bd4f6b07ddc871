import type { Root } from 'hast';
import { h } from 'hastscript';
import { findMentions, type MentionMatcher } from '../lib/mentions.ts';
import { withBase } from '../lib/urls.ts';
import { rewriteProseText, wrapMatches } from './prose-text.ts';

export interface EntityOptions {
  matcher: MentionMatcher | undefined;
  base: string;
}

/** Links the first mention of each entity in every section to its entry: enough to find it, not a sea of links. */
export function transformEntities(tree: Root, { matcher, base }: EntityOptions): void {
  if (!matcher) return;
  let seen = new Set<string>();
  rewriteProseText(tree, (text) => {
    const mentions = findMentions(text.value, matcher).filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
    if (!mentions.length) return undefined;
    return wrapMatches(text.value, mentions, (m) => h('a', { className: ['entity'], href: withBase(base, `entities/#${m.id}`), dataEntity: m.id }, m.text));
  }, { onSection: () => { seen = new Set(); } });
}

export default function rehypeEntities(options: EntityOptions) {
  return (tree: Root) => transformEntities(tree, options);
}
