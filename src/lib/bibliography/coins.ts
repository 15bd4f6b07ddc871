// COinS (ContextObjects in Spans, OpenURL 1.0 KEV): the metadata reference managers such as Zotero read from a
// `<span class="Z3988" title="…">` to offer every cited work for saving.
import type { CslRecord } from './reference-links.ts';

interface CslName { family?: string; given?: string; literal?: string }

const BOOK_TYPES = new Set(['book', 'chapter', 'report', 'thesis']);

/** The KEV string of one record: journal articles as `mtx:journal`, books and chapters as `mtx:book`, the rest as `mtx:dc`. */
export function buildCoins(record: CslRecord): string {
  const pairs: [string, string][] = [['ctx_ver', 'Z39.88-2004']];
  const authors = (record['author'] as CslName[] | undefined) ?? [];
  const container = typeof record['container-title'] === 'string' ? record['container-title'] : undefined;
  const year = yearOf(record);
  const page = typeof record['page'] === 'string' || typeof record['page'] === 'number' ? String(record['page']) : undefined;
  const [spage, epage] = page ? page.split(/[–—-]/).map((p) => p.trim()) : [];
  const add = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && String(value) !== '') pairs.push([key, String(value)]);
  };
  if (record.type === 'article-journal' || record.type === 'article' || record.type === 'review') {
    add('rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal');
    add('rft.genre', 'article');
    add('rft.atitle', record.title);
    add('rft.jtitle', container);
  } else if (BOOK_TYPES.has(record.type)) {
    add('rft_val_fmt', 'info:ofi/fmt:kev:mtx:book');
    add('rft.genre', record.type === 'chapter' ? 'bookitem' : record.type === 'report' ? 'report' : 'book');
    add(record.type === 'chapter' ? 'rft.atitle' : 'rft.btitle', record.title);
    if (record.type === 'chapter') add('rft.btitle', container);
    add('rft.pub', record['publisher']);
  } else {
    add('rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc');
    add('rft.type', record.type);
    add('rft.title', record.title);
    add('rft.source', container);
  }
  const first = authors[0];
  if (first?.family) add('rft.aulast', first.family);
  if (first?.given) add('rft.aufirst', first.given);
  for (const a of authors) add('rft.au', a.literal ?? [a.family, a.given].filter(Boolean).join(', '));
  add('rft.date', year);
  add('rft.volume', record['volume']);
  add('rft.issue', record['issue']);
  add('rft.spage', spage);
  add('rft.epage', epage);
  add('rft.issn', record['ISSN']);
  if (record.DOI) add('rft_id', `info:doi/${record.DOI}`);
  if (record.PMID) add('rft_id', `info:pmid/${record.PMID}`);
  if (record.URL) add('rft_id', record.URL);
  return pairs.map(([k, v]) => `${k}=${encodeKev(v)}`).join('&');
}

/** KEV string → key → values (rft.au and rft_id repeat), for tests and for anyone reading the spans back. */
export function parseCoins(kev: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of kev.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const key = decodeURIComponent(pair.slice(0, at));
    const value = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function yearOf(r: CslRecord): string | undefined {
  const year = (r['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0]?.[0];
  return year === undefined ? undefined : String(year);
}

// OpenURL KEV escapes like a query string; ':' and '/' may stay as they are, which keeps `info:doi/…` readable.
function encodeKev(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%3A/g, ':').replace(/%2F/g, '/');
}
