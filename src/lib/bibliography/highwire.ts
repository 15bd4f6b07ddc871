import type { CslRecord } from './reference-links.ts';

export interface MetaTag {
  name: string;
  content: string;
}

type Person = { family?: string; given?: string; literal?: string };
type Dated = { 'date-parts'?: (number | string)[][] };

/** Highwire Press `citation_*` tags, which Zotero and Google Scholar read: the work itself and each work it cites. */
export function highwireTags(work: CslRecord, cited: readonly CslRecord[]): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, value: unknown) => { if (value !== undefined && value !== null && value !== '') tags.push({ name, content: String(value) }); };
  add('citation_title', work.title);
  for (const author of authors(work)) add('citation_author', author);
  add('citation_publication_date', date(work));
  add('citation_journal_title', work['container-title']);
  add('citation_volume', work['volume']);
  add('citation_issue', work['issue']);
  add('citation_doi', work.DOI);
  add('citation_pmid', work.PMID);
  for (const ref of cited) add('citation_reference', referenceString(ref));
  return tags;
}

/** One cited work in the `key=value; key=value` form Google Scholar documents for `citation_reference`. */
export function referenceString(ref: CslRecord): string {
  const parts: [string, unknown][] = [
    ['citation_title', ref.title],
    ...authors(ref).map((a): [string, unknown] => ['citation_author', a]),
    ['citation_journal_title', ref['container-title']],
    ['citation_publication_date', date(ref)],
    ['citation_volume', ref['volume']],
    ['citation_doi', ref.DOI],
    ['citation_pmid', ref.PMID],
  ];
  return parts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${String(v).replace(/;/g, ',')}`).join('; ');
}

function authors(record: CslRecord): string[] {
  return ((record['author'] as Person[] | undefined) ?? []).map((p) => p.literal ?? [p.family, p.given].filter(Boolean).join(', ')).filter(Boolean);
}

function date(record: CslRecord): string | undefined {
  const parts = (record['issued'] as Dated | undefined)?.['date-parts']?.[0];
  return parts?.length ? parts.map((p) => String(p).padStart(2, '0')).join('/') : undefined;
}
