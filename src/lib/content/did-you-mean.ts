/**
 * The one candidate a mistyped name most likely meant: the same name in other case, or the only nearest one within a
 * small edit distance (one edit for short names, two from six characters). Undefined when nothing is close or two are.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = name.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const c = candidate.toLowerCase();
    if (c === lower) return candidate;
    if (Math.abs(c.length - lower.length) > limit) continue;
    const d = editDistance(lower, c, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const close = closestName(name, candidates);
  return close ? `; did you mean ${quote(close)}?` : '';
}

/** Levenshtein distance, giving up (limit + 1) once it exceeds the limit. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length] ?? limit + 1;
}
