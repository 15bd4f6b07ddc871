/** Names to look for in prose, grouped by what they name (an entity id or a glossary term). */
export interface MentionSource {
  id: string;
  forms: readonly string[];
}

interface Form {
  text: string;
  id: string;
}

export interface MentionMatcher {
  /** Forms grouped by their first word (the leading run of letters and digits, or a leading sign), longest first. */
  byFirstWord: ReadonlyMap<string, readonly Form[]>;
}

export interface Mention {
  id: string;
  text: string;
  index: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;

/** Written forms plus the plural a reader will meet: `NPPC` → `NPPCs`, `rabbit` → `rabbits`, `Tie2` → `Tie2s`. */
export function withPlurals(form: string): string[] {
  if (/s$/.test(form) || !/[\p{L}\p{N}]$/u.test(form)) return [form];
  return [form, `${form}s`];
}

/** Every text a form is found as: itself, its plural, and both capitalised at a sentence start. */
export function writtenVariants(form: string): string[] {
  return [...new Set(withPlurals(form).flatMap((f) => [f, capitalise(f)]))];
}

/**
 * Indexes every form by its first word, so finding mentions costs the length of the text, not the number of
 * names: at each word start only the forms beginning with that word are tried, longest first, so `IL-1β` wins over
 * `IL-1`, and a form must end at a word boundary (`IL-1` does not match inside `IL-10`).
 */
export function buildMentionMatcher(sources: readonly MentionSource[]): MentionMatcher | undefined {
  const seen = new Set<string>();
  const byFirstWord = new Map<string, Form[]>();
  for (const { id, forms } of sources) {
    for (const form of forms) {
      for (const text of writtenVariants(form)) {
        // Indexed by the leading word, or by the first character when the form starts with a sign (`.*`, `+/+`).
        const first = FIRST_WORD.exec(text)?.[0] ?? (/^\S/.test(text) ? String.fromCodePoint(text.codePointAt(0) ?? 32) : undefined);
        if (!first || seen.has(text)) continue;
        seen.add(text);
        const bucket = byFirstWord.get(first);
        if (bucket) bucket.push({ text, id });
        else byFirstWord.set(first, [{ text, id }]);
      }
    }
  }
  if (!byFirstWord.size) return undefined;
  for (const list of byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
  return { byFirstWord };
}

export function findMentions(text: string, { byFirstWord }: MentionMatcher): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const word = FIRST_WORD.exec(text.slice(i, i + 64))?.[0];
    if (word && i > 0 && WORD_CHAR.test(text[i - 1] ?? '')) {
      i += word.length;
      continue;
    }
    // Not a word: a form may still start here with this sign; the text is compared literally, never as a pattern.
    const key = word ?? String.fromCodePoint(text.codePointAt(i) ?? 32);
    const form = byFirstWord.get(key)?.find((f) => text.startsWith(f.text, i) && !WORD_CHAR.test(text.charAt(i + f.text.length)));
    if (form) {
      mentions.push({ id: form.id, text: form.text, index: i });
      i += form.text.length;
    } else {
      i += key.length;
    }
  }
  return mentions;
}

function capitalise(form: string): string {
  return /^\p{Ll}/u.test(form) ? form[0]!.toUpperCase() + form.slice(1) : form;
}
