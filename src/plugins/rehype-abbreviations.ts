import type { Root } from 'hast';
import { h } from 'hastscript';
import { findMentions, type MentionMatcher } from '../lib/entities/mentions.ts';
import { rewriteProseText, wrapMatches } from './prose-text.ts';

export interface AbbreviationOptions {
  matcher: MentionMatcher | undefined;
  /** Glossary id → expansion. */
  expansions: ReadonlyMap<string, string>;
}

/** Wraps the first use of each glossary abbreviation on a page in `<abbr title="expansion">`. */
export function transformAbbreviations(tree: Root, { matcher, expansions }: AbbreviationOptions): void {
  if (!matcher) return;
  const seen = new Set<string>();
  rewriteProseText(tree, (text) => {
    const first = findMentions(text.value, matcher).filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
    if (!first.length) return undefined;
    return wrapMatches(text.value, first, (m) => h('abbr', { title: expansions.get(m.id) ?? '' }, m.text));
  });
}

export default function rehypeAbbreviations(options: AbbreviationOptions) {
  return (tree: Root) => transformAbbreviations(tree, options);
}
