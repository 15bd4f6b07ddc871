// The source review's own reference numbers: which of them this bibliography identifies, and how to say so.
import { compressRanges, formatRuns } from '../citations/citations.ts';
import type { Evidence } from './reference-evidence.ts';

/** '63–67, 70' → [63, 64, 65, 66, 67, 70]. Ranges by en dash, em dash or hyphens; lists by comma, ';', '&' or 'and'. */
export function expandNumberList(value: string): number[] {
  const out: number[] = [];
  for (const raw of value.split(/\s*(?:[,;&]|\band\b)\s*/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^(\d+)(?:\s*(?:-{1,3}|[–—])\s*(\d+))?$/.exec(part);
    if (!m) throw new Error(`"${part}" is not a reference number or a range of them`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`"${part}" runs backwards`);
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

/** [14, 15, 16, 22] → '14–16, 22'. */
export function formatNumberList(numbers: readonly number[]): string {
  return formatRuns(compressRanges(numbers));
}

export interface SourceCoverage {
  /** Highest reference number the source uses (its list runs 1…total). */
  total: number;
  matched: number[];
  unmatched: number[];
}

/** Which of the source's reference numbers 1…total have a record here. `total` defaults to the highest number named. */
export function sourceCoverage(evidence: ReadonlyMap<string, Evidence>, total?: number): SourceCoverage {
  const named = new Set([...evidence.values()].flatMap((e) => e.reviewCitations));
  const last = total ?? Math.max(0, ...named);
  const all = Array.from({ length: last }, (_, i) => i + 1);
  return { total: last, matched: all.filter((n) => named.has(n)), unmatched: all.filter((n) => !named.has(n)) };
}

/** "Smith et al. ref. 22", "Smith et al. refs 14–16": what a record stands for in the source's reference list. */
export function sourceNumbersLabel(sourceAuthor: string, numbers: readonly number[]): string | undefined {
  if (!numbers.length) return undefined;
  return `${sourceAuthor} ${numbers.length === 1 ? 'ref.' : 'refs'} ${formatNumberList(numbers)}`;
}

interface CslName { family?: string; literal?: string }

/** "Smith et al." / "Smith" / "Smith and Jones" from a CSL record's authors. */
export function authorShort(authors: readonly CslName[] | undefined): string | undefined {
  const names = (authors ?? []).map((a) => a.family ?? a.literal).filter((n): n is string => !!n);
  if (!names.length) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}

const NUMBERS = String.raw`\d+(?:\s*(?:[-–—,]|--)\s*\d+)*`;
const SOURCE_NUMBERS = new RegExp(String.raw`\[(${NUMBERS})\]((?:\s*\/\s*\[${NUMBERS}\])*)|\bref\.?\s+(\d+)\b`, 'g');

/**
 * A note about the source's own list, with its numbers named so they cannot be taken for the site's `[n]`:
 * "possible [27]" → "possible Smith et al. ref. 27", "[14-16]" → "Smith et al. refs 14–16", "[17]/[18]" →
 * "Smith et al. ref. 17 or 18", "ref 7" → "Smith et al. ref. 7".
 */
export function nameSourceNumbers(text: string, sourceAuthor: string): string {
  return text.replace(SOURCE_NUMBERS, (whole, first: string | undefined, alternatives: string | undefined, bare: string | undefined, at: number) => {
    if (bare) return text.slice(Math.max(0, at - sourceAuthor.length - 1), at) === `${sourceAuthor} ` ? whole : `${sourceAuthor} ref. ${bare}`;
    const others = [...(alternatives ?? '').matchAll(new RegExp(String.raw`\[(${NUMBERS})\]`, 'g'))].map((m) => m[1] ?? '');
    if (others.length) return `${sourceAuthor} ref. ${[first, ...others].join(' or ')}`;
    const numbers = expandNumberList(first ?? '');
    return sourceNumbersLabel(sourceAuthor, numbers) ?? whole;
  });
}
