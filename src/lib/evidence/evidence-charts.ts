// The evidence as pictures, drawn at build time as inline SVG strings: an evidence-gap map (kind × region) and a
// timeline of the cited works (year × kind). Colours come from CSS classes, so dark mode and print restyle them.
import type { EvidenceData } from './evidence-types.ts';
import { regionName } from './evidence-data.ts';
import { NO_REGION, type EvidenceRowView } from './evidence-view.ts';

export interface Axis {
  id: string;
  label: string;
}

export interface GapMap {
  kinds: Axis[];
  regions: Axis[];
  /** counts[kind][region]: rows of that kind about that region (a row about two regions counts in both). */
  counts: number[][];
  max: number;
  /** What the regions are ("Region" unless the data names them). */
  regionName: string;
}

/** Every kind and region of the vocabularies, so empty cells show as gaps; "Not given" only when a row lacks a region. */
export function gapMapCounts(data: EvidenceData): GapMap {
  const kinds = data.vocabularies.kind.map((t) => ({ id: t.id, label: t.label }));
  const regions = data.vocabularies.region.map((t) => ({ id: t.id, label: t.label }));
  if (data.rows.some((r) => r.region.length === 0)) regions.push({ id: NO_REGION, label: 'Not given' });
  const counts = kinds.map((k) => regions.map((g) => data.rows.filter((r) => r.kind === k.id && (g.id === NO_REGION ? r.region.length === 0 : r.region.includes(g.id))).length));
  return { kinds, regions, counts, max: Math.max(0, ...counts.flat()), regionName: regionName(data) };
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function textLines(lines: string[], x: number, y: number, lineHeight: number, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${lines.map((l, i) => `<tspan x="${x}" dy="${i ? lineHeight : 0}">${escapeXml(l)}</tspan>`).join('')}</text>`;
}

export interface GapMapOptions {
  /** Prefix for the ids of the title and description. */
  id: string;
  /** Address of the table filtered to one cell; without it the map is a picture with no links (a thumbnail). */
  hrefFor?: ((kind: string, region: string) => string) | undefined;
  /** The description read after the title; by default it points to the table of numbers that follows the map. */
  description?: string | undefined;
}

/**
 * The gap map: one row per kind, one column per region, a circle sized by the number of rows with the count written
 * in it, a dashed square where there is none. With `hrefFor`, each filled cell links to the table filtered to it and
 * the map is a labelled group of links; without, it is one image.
 */
export function gapMapSvg(map: GapMap, { id, hrefFor, description }: GapMapOptions): string {
  const labelW = 150, colW = 92, rowH = 54, headH = 58, pad = 6;
  const width = labelW + map.regions.length * colW + pad;
  const height = headH + map.kinds.length * rowH + pad;
  const maxR = Math.min(colW, rowH) / 2 - 3;
  const total = map.counts.flat().reduce((a, b) => a + b, 0);
  const empty = map.counts.flat().filter((n) => n === 0).length;
  const parts: string[] = [];
  map.regions.forEach((g, j) => {
    const lines = wrapLabel(g.label, 12);
    parts.push(textLines(lines, labelW + j * colW + colW / 2, headH - 8 - (lines.length - 1) * 15, 15, 'class="gap-axis" text-anchor="middle"'));
  });
  map.kinds.forEach((k, i) => {
    const cy = headH + i * rowH + rowH / 2;
    const lines = wrapLabel(k.label, 18);
    parts.push(`<line class="gap-rule" x1="0" x2="${width - pad}" y1="${headH + i * rowH}" y2="${headH + i * rowH}"/>`);
    parts.push(textLines(lines, 0, cy + 5 - (lines.length - 1) * 8, 16, 'class="gap-axis"'));
    map.regions.forEach((g, j) => {
      const n = map.counts[i]?.[j] ?? 0;
      const cx = labelW + j * colW + colW / 2;
      if (n === 0) {
        parts.push(`<rect class="gap-empty" x="${cx - 9}" y="${cy - 9}" width="18" height="18" rx="2"/>`);
        return;
      }
      const r = Math.round((9 + (maxR - 9) * Math.sqrt(n / Math.max(1, map.max))) * 10) / 10;
      const cell = `<circle class="gap-dot" cx="${cx}" cy="${cy}" r="${r}"/><text class="gap-count" x="${cx}" y="${cy + 5}" text-anchor="middle">${n}</text>`;
      const name = `${k.label}, ${g.label}: ${plural(n, 'study', 'studies')}`;
      parts.push(hrefFor ? `<a href="${escapeXml(hrefFor(k.id, g.id))}" aria-label="${escapeXml(name)}">${cell}</a>` : cell);
    });
  });
  const title = `Evidence-gap map: ${plural(total, 'study', 'studies')} by kind of evidence and ${map.regionName.toLowerCase()}`;
  const desc = `${map.kinds.length} kinds of evidence by ${map.regions.length} regions; ${plural(empty, 'combination has', 'combinations have')} no study. ${description ?? 'The numbers are in the table that follows.'}`;
  const role = hrefFor ? 'group' : 'img';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="gap-map" viewBox="0 0 ${width} ${height}" role="${role}" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>${parts.join('')}</svg>`;
}

export interface Timeline {
  kinds: Axis[];
  years: number[];
  /** counts[kind][yearIndex]: distinct cited works of that year cited by rows of that kind. */
  counts: number[][];
  /** Cited works left out because the bibliography gives no year. */
  undated: number;
  /** Works placed (distinct per kind). */
  placed: number;
}

/**
 * Cited works by year and by the kind of the rows citing them. The source review cited as a locator (for its own
 * reference numbers or sections) stands for works not on file, so its year is not theirs: it is left out.
 */
export function timelineCounts(data: EvidenceData, views: readonly EvidenceRowView[]): Timeline {
  const byKind = new Map<string, Map<string, number>>();
  const undated = new Set<string>();
  for (const view of views) {
    for (const work of view.works) {
      if (work.asLocator) continue;
      if (work.year === undefined) { undated.add(work.key); continue; }
      const works = byKind.get(view.row.kind) ?? new Map<string, number>();
      works.set(work.key, work.year);
      byKind.set(view.row.kind, works);
    }
  }
  const kinds = data.vocabularies.kind.filter((k) => byKind.has(k.id)).map((t) => ({ id: t.id, label: t.label }));
  const all = [...byKind.values()].flatMap((m) => [...m.values()]);
  const first = Math.min(...all), last = Math.max(...all);
  const years = all.length ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  const counts = kinds.map((k) => years.map((y) => [...(byKind.get(k.id)?.values() ?? [])].filter((v) => v === y).length));
  return { kinds, years, counts, undated: undated.size, placed: counts.flat().reduce((a, b) => a + b, 0) };
}

/** The timeline: one lane per kind, a dot per year sized by the number of works, ticks every five years. */
export function timelineSvg(t: Timeline, { id }: { id: string }): string {
  const labelW = 150, yearW = 22, laneH = 40, axisH = 30, pad = 12;
  const width = labelW + Math.max(1, t.years.length) * yearW + pad;
  const height = t.kinds.length * laneH + axisH;
  const max = Math.max(1, ...t.counts.flat());
  const x = (i: number) => labelW + i * yearW + yearW / 2;
  const parts: string[] = [];
  t.kinds.forEach((k, i) => {
    const cy = i * laneH + laneH / 2;
    parts.push(`<line class="gap-rule" x1="${labelW}" x2="${width - pad}" y1="${cy}" y2="${cy}"/>`);
    parts.push(`<text class="gap-axis" x="0" y="${cy + 5}">${escapeXml(k.label)}</text>`);
    t.years.forEach((_, j) => {
      const n = t.counts[i]?.[j] ?? 0;
      if (!n) return;
      const r = Math.round((4 + 6 * Math.sqrt(n / max)) * 10) / 10;
      parts.push(`<circle class="gap-dot" cx="${x(j)}" cy="${cy}" r="${r}"/>`);
      if (n > 1) parts.push(`<text class="gap-count gap-count-small" x="${x(j)}" y="${cy - r - 3}" text-anchor="middle">${n}</text>`);
    });
  });
  const axisY = t.kinds.length * laneH;
  parts.push(`<line class="gap-axis-line" x1="${labelW}" x2="${width - pad}" y1="${axisY + 2}" y2="${axisY + 2}"/>`);
  let lastLabel = -Infinity;
  t.years.forEach((year, j) => {
    // Every fifth year, and the first and last, as long as a label has room (three slots) from the one before.
    const wanted = year % 5 === 0 || j === 0 || j === t.years.length - 1;
    if (!wanted || j - lastLabel < 3) return;
    lastLabel = j;
    parts.push(`<line class="gap-axis-line" x1="${x(j)}" x2="${x(j)}" y1="${axisY + 2}" y2="${axisY + 7}"/><text class="gap-axis" x="${x(j)}" y="${axisY + 22}" text-anchor="middle">${year}</text>`);
  });
  const span = t.years.length ? `${t.years[0]}–${t.years.at(-1)}` : 'no years';
  const title = `Timeline of the cited works: ${plural(t.placed, 'work', 'works')} by year of publication (${span}) and kind of evidence`;
  const desc = `${t.kinds.map((k, i) => `${k.label}: ${plural(t.counts[i]?.reduce((a, b) => a + b, 0) ?? 0, 'work', 'works')}`).join('; ')}. The years are listed in the table that follows.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="evidence-timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>${parts.join('')}</svg>`;
}
