/** Names to look for in prose, grouped by what they name (an entity id or a glossary term). */
export interface MentionSource {
  id: string;
  forms: readonly string[];
}

export interface MentionMatcher {
  re: RegExp;
  idOf: ReadonlyMap<string, string>;
}

export interface Mention {
  id: string;
  text: string;
  index: number;
}

/** Written forms plus the plural a reader will meet: `NPPC` → `NPPCs`, `rabbit` → `rabbits`, `Tie2` → `Tie2s`. */
export function withPlurals(form: string): string[] {
  if (/s$/.test(form) || !/[\p{L}\p{N}]$/u.test(form)) return [form];
  return [form, `${form}s`];
}

/**
 * One regular expression over every form, longest first so `IL-1β` wins over `IL-1`, matching whole tokens only:
 * a form may not continue a word or number (`IL-1` does not match inside `IL-10`).
 */
export function buildMentionMatcher(sources: readonly MentionSource[]): MentionMatcher | undefined {
  const idOf = new Map<string, string>();
  for (const { id, forms } of sources) {
    for (const form of forms.flatMap(withPlurals)) {
      for (const variant of [form, capitalise(form)]) if (!idOf.has(variant)) idOf.set(variant, id);
    }
  }
  if (!idOf.size) return undefined;
  const alternatives = [...idOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), idOf };
}

export function findMentions(text: string, matcher: MentionMatcher): Mention[] {
  return [...text.matchAll(matcher.re)].map((m) => ({ id: matcher.idOf.get(m[0]) ?? '', text: m[0], index: m.index ?? 0 }));
}

function capitalise(form: string): string {
  return /^\p{Ll}/u.test(form) ? form[0]!.toUpperCase() + form.slice(1) : form;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
