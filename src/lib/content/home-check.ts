import { ContentError, lineAt } from './content-error.ts';
import { isCalendarDate } from '../bibliography/references.ts';

/**
 * Checks on the home page's front matter that its schema cannot make: `updated` is a real calendar date (YAML and
 * `Date` would turn 2026-13-45 into a date in 2027), and `source` names a record in references.json (or the source
 * credit and the citation tags would silently disappear; checked when the bibliography's ids are given).
 */
export function checkHome(file: string, text: string, data: Record<string, unknown>, referenceIds?: ReadonlySet<string>): void {
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
}
