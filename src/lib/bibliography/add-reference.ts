import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { findBibliography, parseBibliography, type BibliographyFormat } from './bibliography-source.ts';
import type { CslRecord } from './reference-links.ts';

export type Identifier = { kind: 'DOI'; value: string } | { kind: 'PMID'; value: string };

export interface AddReferenceOptions {
  /** A DOI (bare, doi:…, or a doi.org URL) or a PubMed id. */
  input: string;
  contentDir: string;
  /** A key to use instead of the one made from author, year and title. */
  id?: string | undefined;
  doiBaseUrl?: string;
  eutilsBaseUrl?: string;
  fetch?: typeof fetch;
}

export interface AddedReference {
  record: CslRecord;
  file: string;
  format: BibliographyFormat;
}

export const DOI_BASE_URL = 'https://doi.org';
export const EUTILS_BASE_URL = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils';

// CSL variables kept from what the services return; everything else (reference lists, licences, abstracts …) is dropped.
const KEPT = ['type', 'title', 'container-title', 'container-title-short', 'author', 'editor', 'issued', 'volume', 'issue', 'page', 'number', 'edition', 'publisher', 'publisher-place', 'collection-title', 'ISSN', 'ISBN', 'language', 'URL', 'DOI', 'PMID', 'PMCID'];

export function parseIdentifier(input: string): Identifier {
  const text = input.trim();
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(text)?.[1];
  if (doi) return { kind: 'DOI', value: doi };
  const pmid = /^(?:pmid:\s*)?(\d{1,9})$/i.exec(text)?.[1];
  if (pmid) return { kind: 'PMID', value: pmid };
  throw new Error(`"${input}" is neither a DOI (10.xxxx/…) nor a PubMed id (digits)`);
}

/** Fetches the record for a DOI or PMID and appends it to the content folder's bibliography, refusing duplicates. */
export async function addReference(options: AddReferenceOptions): Promise<AddedReference> {
  const identifier = parseIdentifier(options.input);
  const found = findBibliography(options.contentDir) ?? { file: join(options.contentDir, 'references.json'), format: 'csl-json' as const };
  const before = readOrEmpty(found.file, found.format);
  const existing = before ? parseBibliography(before, found.file) : [];
  const same = (r: CslRecord) => (identifier.kind === 'DOI' ? sameDoi(r.DOI, identifier.value) : r.PMID === identifier.value);
  const clash = existing.find(same);
  if (clash) throw new Error(`already on file as "${clash.id}" (${identifier.kind} ${identifier.value}) in ${found.file}`);

  const fetched = identifier.kind === 'DOI' ? await fetchDoi(identifier.value, options) : await fetchPubmed(identifier.value, options);
  const again = existing.find((r) => (fetched.DOI && sameDoi(r.DOI, fetched.DOI)) || (fetched.PMID && r.PMID === fetched.PMID));
  if (again) throw new Error(`already on file as "${again.id}" (${fetched.DOI ? `DOI ${fetched.DOI}` : `PMID ${fetched.PMID}`}) in ${found.file}`);
  const ids = new Set(existing.map((r) => r.id));
  if (options.id && ids.has(options.id)) throw new Error(`the key "${options.id}" is already used in ${found.file}`);
  const record = { id: options.id ?? uniqueKey(fetched, ids), ...fetched } as CslRecord;

  const after = appendRecord(before, record, found.format);
  parseBibliography(after, found.file); // the result must pass the same checks as the build's
  writeFileSync(found.file, after);
  return { record, file: found.file, format: found.format };
}

function readOrEmpty(file: string, format: BibliographyFormat): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return format === 'csl-json' ? '[]\n' : '';
  }
}

const sameDoi = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

async function get(url: string, accept: string, fetcher: typeof fetch): Promise<unknown> {
  const response = await fetcher(url, { headers: { Accept: accept, 'User-Agent': 'review-site add-ref' }, redirect: 'follow' });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
}

/** The DOI resolver's content negotiation answers with the registrar's CSL-JSON for the work. */
export async function fetchDoi(doi: string, { doiBaseUrl = DOI_BASE_URL, fetch: fetcher = fetch }: Partial<AddReferenceOptions> = {}): Promise<Partial<CslRecord>> {
  const url = `${doiBaseUrl.replace(/\/$/, '')}/${doi.split('/').map(encodeURIComponent).join('/')}`;
  const data = await get(url, 'application/vnd.citationstyles.csl+json', fetcher);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${url} did not answer with a CSL-JSON record`);
  const record = keepCsl(data as Record<string, unknown>);
  record.DOI = typeof record.DOI === 'string' ? record.DOI : doi;
  return record;
}

interface EsummaryRecord {
  title?: string; fulljournalname?: string; source?: string; volume?: string; issue?: string; pages?: string;
  pubdate?: string; sortpubdate?: string; issn?: string; essn?: string; lang?: string[]; pubtype?: string[];
  authors?: { name: string; authtype?: string }[];
  articleids?: { idtype: string; value: string }[];
  error?: string;
}

/** PubMed's esummary, mapped to CSL-JSON: authors "Family GI", the DOI and PMCID from its article ids. */
export async function fetchPubmed(pmid: string, { eutilsBaseUrl = EUTILS_BASE_URL, fetch: fetcher = fetch }: Partial<AddReferenceOptions> = {}): Promise<Partial<CslRecord>> {
  const url = `${eutilsBaseUrl.replace(/\/$/, '')}/esummary.fcgi?db=pubmed&retmode=json&id=${encodeURIComponent(pmid)}`;
  const data = await get(url, 'application/json', fetcher) as { result?: Record<string, EsummaryRecord> };
  const summary = data.result?.[pmid];
  if (!summary || summary.error || !summary.title) throw new Error(`PubMed has no record ${pmid}${summary?.error ? ` (${summary.error})` : ''}`);
  const articleId = (type: string) => summary.articleids?.find((a) => a.idtype === type)?.value;
  const year = /\d{4}/.exec(summary.sortpubdate ?? summary.pubdate ?? '')?.[0];
  const pmcid = articleId('pmc') ?? /PMC\d+/.exec(articleId('pmcid') ?? '')?.[0];
  return keepCsl({
    type: summary.pubtype?.some((t) => /book/i.test(t)) ? 'book' : 'article-journal',
    title: summary.title.replace(/\.$/, ''),
    'container-title': summary.fulljournalname,
    'container-title-short': summary.source,
    author: (summary.authors ?? []).filter((a) => !a.authtype || a.authtype === 'Author').map((a) => splitName(a.name)),
    issued: year ? { 'date-parts': [[Number(year)]] } : undefined,
    volume: summary.volume || undefined,
    issue: summary.issue || undefined,
    page: summary.pages || undefined,
    ISSN: summary.issn || summary.essn || undefined,
    DOI: articleId('doi'),
    PMID: pmid,
    PMCID: pmcid,
  });
}

// PubMed writes "Family GI" (initials last); a collective name stays a literal.
function splitName(name: string): Record<string, string> {
  const m = /^(.+?)\s+([A-Z]{1,4})$/.exec(name.trim());
  return m ? { family: m[1] ?? name, given: m[2] ?? '' } : { literal: name };
}

function keepCsl(data: Record<string, unknown>): Partial<CslRecord> {
  const out: Record<string, unknown> = {};
  for (const key of KEPT) {
    let value = data[key];
    if (Array.isArray(value) && ['title', 'container-title', 'container-title-short', 'ISSN', 'ISBN'].includes(key)) value = value[0];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  if (!out['container-title-short'] && Array.isArray(data['short-container-title'])) out['container-title-short'] = data['short-container-title'][0];
  return out as Partial<CslRecord>;
}

/** `family` + year + first long title word, lowercased ASCII; a letter is added when the key is taken. */
export function uniqueKey(record: Partial<CslRecord>, taken: ReadonlySet<string>): string {
  const ascii = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const authors = record['author'] as { family?: string; literal?: string }[] | undefined;
  const family = ascii(authors?.[0]?.family ?? authors?.[0]?.literal ?? 'anon').slice(0, 20) || 'anon';
  const year = (record['issued'] as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? 'nd';
  const word = String(record.title ?? '').split(/\s+/).map(ascii).find((w) => w.length > 3 && !STOP.has(w)) ?? '';
  const key = `${family}${year}${word}`;
  if (!taken.has(key)) return key;
  for (const suffix of 'bcdefghijklmnopqrstuvwxyz') if (!taken.has(`${key}${suffix}`)) return `${key}${suffix}`;
  throw new Error(`no free key for ${key}`);
}
const STOP = new Set(['about', 'from', 'into', 'with', 'that', 'this', 'their', 'than', 'under', 'over', 'when', 'what', 'which']);

/** The file's text with the record added at its end, in the file's own format. */
export function appendRecord(text: string, record: CslRecord, format: BibliographyFormat): string {
  if (format === 'csl-json') {
    const json = JSON.stringify(record, null, 1).replace(/^/gm, ' ');
    const trimmed = text.trimEnd();
    if (/^\[\s*\]$/.test(trimmed) || !trimmed) return `[\n${json}\n]\n`;
    if (!trimmed.endsWith(']')) throw new Error('the CSL-JSON file does not end with "]"');
    return `${trimmed.slice(0, -1).trimEnd()},\n${json}\n]\n`;
  }
  const cite = new Cite([{ ...record, 'citation-key': record.id }]);
  let entry = cite.format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' }) as string;
  if (format === 'bibtex') {
    // BibTeX has no standard PubMed fields; these are the names Better BibTeX and the citation-js reader use.
    const extra = [record.PMID ? `\tpmid = {${record.PMID}},\n` : '', record.PMCID ? `\tpmcid = {${record.PMCID}},\n` : ''].join('');
    entry = entry.replace(/\}\s*$/, `${extra}}\n`);
  }
  return `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${entry.trim()}\n`;
}
