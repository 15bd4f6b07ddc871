import { ContentError, lineAt } from './content-error.ts';
import { isCalendarDate } from '../bibliography/references.ts';
import { chapterSlug } from './slugs.ts';

/**
 * Checks on the home page's front matter that its schema cannot make: `updated` is a real calendar date (YAML and
 * `Date` would turn 2026-13-45 into a date in 2027), and `source` names a record in references.json (or the source
 * credit and the citation tags would silently disappear; checked when the bibliography's ids are given).
 */
export function checkHome(
  file: string,
  text: string,
  data: Record<string, unknown>,
  referenceIds?: ReadonlySet<string>,
  chapters?: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const line = (key: string) => {
    const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
    return m ? lineAt(text, m.index) : 1;
  };
  const updated = data['updated'];
  if (updated !== undefined) {
    const value = updated instanceof Date ? updated.toISOString().slice(0, 10) : String(updated);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new ContentError('home-invalid-date', file, line('updated'), `updated: "${value}" is not a real date written YYYY-MM-DD`);
    }
  }
  const source = data['source'];
  if (referenceIds && typeof source === 'string' && !referenceIds.has(source)) {
    throw new ContentError('home-unknown-source', file, line('source'), `source: "${source}" is not the id of a record in references.json`);
  }
  // Key findings' links once the chapters and their headings are known.
  if (!chapters) return;
  const findings = Array.isArray(data['keyFindings']) ? (data['keyFindings'] as unknown[]) : [];
  for (const finding of findings) {
    const link = typeof finding === 'object' && finding ? (finding as { link?: unknown }).link : undefined;
    if (typeof link !== 'string') continue;
    const [chapterFile = '', id = ''] = link.split('#');
    const ids = chapters.get(chapterFile);
    const at = text.indexOf(link);
    const where = at >= 0 ? lineAt(text, at) : line('keyFindings');
    if (!ids) throw new ContentError('link-broken', file, where, `key finding links to "${chapterFile}", which is not a chapter file`);
    if (id && !ids.has(id)) throw new ContentError('link-broken', file, where, `key finding links to "#${id}", which is no heading of ${chapterFile}`);
  }
}

/** A key finding as the home page shows it: its text, the chapter passage it links to, and whether the site adds it. */
export interface KeyFinding {
  text: string;
  /** `{ slug, id }` of the chapter passage, from `04-progenitor-cells.mdx#some-heading`. */
  link?: { slug: string; id: string };
  editorial: boolean;
}

export function keyFindings(findings: readonly (string | { text: string; link?: string | undefined; editorial?: boolean | undefined })[]): KeyFinding[] {
  return findings.map((f) => {
    if (typeof f === 'string') return { text: f, editorial: false };
    const [file = '', id = ''] = (f.link ?? '').split('#');
    return { text: f.text, editorial: f.editorial ?? false, ...(f.link ? { link: { slug: chapterSlug(file), id } } : {}) };
  });
}
