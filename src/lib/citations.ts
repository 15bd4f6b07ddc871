import { findGroupsInValue } from './citation-syntax.ts';

/** One `[@a; @b]` group as written in a chapter, with its offset in the text it was found in. */
export interface CitationGroup {
  keys: string[];
  offset: number;
  length: number;
}

/** Citation groups in a plain string (no Markdown), read as src/lib/citation-syntax.ts reads a text node. */
export function findCitationGroups(text: string): CitationGroup[] {
  return findGroupsInValue(text).map((g) => ({ keys: g.items.map((i) => i.key), offset: g.start, length: g.end - g.start }));
}

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
