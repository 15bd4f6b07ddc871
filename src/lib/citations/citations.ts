import type { CitedItem } from './citation-syntax.ts';
import { locatorText } from './locator-text.ts';

/** Numbers keys by first citation across documents taken in reading order, so a work has one number everywhere. */
export function numberCitationsAcrossChapters(groupsInOrder: Iterable<readonly string[]>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const keys of groupsInOrder) {
    for (const key of keys) if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
  }
  return numbers;
}

export interface NumberRun {
  from: number;
  to: number;
}

/** `[3, 1, 2, 5, 7, 8]` → runs 1–3, 5, 7, 8: three or more consecutive numbers collapse, as Vancouver does. */
export function compressRanges(numbers: readonly number[]): NumberRun[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: NumberRun[] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last.to + 1) last.to = n;
    else runs.push({ from: n, to: n });
  }
  return runs.flatMap((r) => (r.to - r.from === 1 ? [{ from: r.from, to: r.from }, { from: r.to, to: r.to }] : [r]));
}

export function formatRuns(runs: readonly NumberRun[]): string {
  return runs.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ');
}

/** A rendered citation group in pieces: words, and the works' numbers (each a link on the page). */
export type CitationSegment = string | { key: string; n: number };

/**
 * How a group reads: `[3–5, 8]` for plain works, compressed; `[2, refs 63–67; 4]` once a work carries a locator,
 * prefix or suffix (written order is kept then, and plain neighbours still compress). The page and the notes list
 * both read a group through this.
 */
export function citationSegments(items: readonly CitedItem[], numbers: ReadonlyMap<string, number>): CitationSegment[] {
  const num = (key: string) => ({ key, n: numbers.get(key) ?? 0 });
  const runs = (keys: string[]): CitationSegment[] => {
    const keyOf = new Map(keys.map((k) => [numbers.get(k) ?? 0, k]));
    return compressRanges([...keyOf.keys()]).flatMap((run, i): CitationSegment[] => [
      ...(i ? [', '] : []),
      num(keyOf.get(run.from) ?? ''),
      ...(run.to !== run.from ? ['–', num(keyOf.get(run.to) ?? '')] : []),
    ]);
  };
  const parts: CitationSegment[][] = [];
  let pending: string[] = [];
  const flush = () => { if (pending.length) parts.push(runs(pending)); pending = []; };
  for (const item of items) {
    if (isPlainItem(item)) { pending.push(item.key); continue; }
    flush();
    parts.push([
      ...(item.prefix ? [`${item.prefix} `] : []),
      num(item.key),
      ...(item.locator ? [`, ${locatorText(item.locator)}`] : []),
      ...(item.suffix ? [`, ${item.suffix}`] : []),
    ]);
  }
  flush();
  return ['[', ...parts.flatMap((p, i) => [...(i ? ['; '] : []), ...p]), ']'];
}

/** A work cited with nothing of its own: no prefix, locator or suffix. */
export const isPlainItem = (item: CitedItem): boolean => !item.prefix && !item.locator && !item.suffix;

/** The group as plain text, as a reader sees it on the page: `[2, refs 63–67]`. */
export function citationText(items: readonly CitedItem[], numbers: ReadonlyMap<string, number>): string {
  return citationSegments(items, numbers).map((s) => (typeof s === 'string' ? s : String(s.n))).join('');
}
