// BibTeX and RIS downloads that Zotero, JabRef and BibLaTeX read back whole. citation-js maps the CSL fields; the
// text is written here, because its own writer wraps RIS lines, cuts RIS ids at 20 characters, writes
// `month = {oct 21}` and leaves PubMed ids out of BibTeX.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslRecord } from './reference-links.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** What a BibTeX key may hold; citation-js refuses more (hyphens), and would then make one up. */
const BIBTEX_KEY = /^[^\s,{}()"#%'~\\=]+$/;

interface BibtexEntry { type: string; label: string; properties: Record<string, string> }
type RisEntry = Record<string, string | string[]>;

/** [year, month, day] of a record's `issued`, as far as it is known. */
export function issuedParts(record: CslRecord): [year: number | undefined, month: number | undefined, day: number | undefined] {
  const parts = (record['issued'] as { 'date-parts'?: (number | string)[][] } | undefined)?.['date-parts']?.[0] ?? [];
  const [year, month, day] = parts.map(Number);
  return [year, month, day];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One citation-js entry per record, with the review's ids kept as the citation keys. */
function cite(records: readonly CslRecord[]): Cite {
  return new Cite(records.map((r) => ({ 'citation-key': r.id, ...r })));
}

/**
 * BibTeX that BibLaTeX reads too: `month` is the month macro (`month = oct`), the full date goes in `date`, which
 * BibLaTeX and Zotero prefer and BibTeX ignores; PubMed and PMC ids as `pmid`/`pmcid`, the fields Zotero and JabRef
 * use; an article number (CSL `number`) as `eid`.
 */
export function toBibtex(records: readonly CslRecord[]): string {
  const entries = cite(records).format('bibtex', { format: 'object' }) as unknown as BibtexEntry[];
  return entries.map((entry, i) => {
    const record = records[i]!;
    const fields: [string, string, 'braced' | 'bare'][] = [];
    for (const [field, value] of Object.entries(entry.properties)) {
      if (field === 'month') continue;
      fields.push([field, value, 'braced']);
      if (field === 'year') fields.push(...dateFields(record));
    }
    if (record.PMID) fields.push(['pmid', record.PMID, 'braced']);
    if (record.PMCID) fields.push(['pmcid', record.PMCID, 'braced']);
    const body = fields.map(([field, value, form]) => `\t${field} = ${form === 'bare' ? value : `{${value}}`},\n`).join('');
    return `@${entry.type}{${BIBTEX_KEY.test(record.id) ? record.id : entry.label},\n${body}}\n`;
  }).join('\n');
}

function dateFields(record: CslRecord): [string, string, 'braced' | 'bare'][] {
  const [year, month, day] = issuedParts(record);
  if (!year || !month || month < 1 || month > 12) return [];
  const fields: [string, string, 'braced' | 'bare'][] = [['month', MONTHS[month - 1]!, 'bare']];
  if (day) fields.push(['date', `${year}-${pad(month)}-${pad(day)}`, 'braced']);
  return fields;
}

/** RIS tags a PubMed or PMC id travels in: Zotero's RIS import puts `M2` in Extra, where it reads `PMID: …`. */
export const RIS_IDENTIFIER_TAG = 'M2';

/**
 * RIS with one field a line, never wrapped: `SP`/`EP` for a page range, `DA` as `YYYY/MM/DD/`, the full id in
 * `ID`, the PMCID in `C2` (the RIS specification's tag for journal articles) and `PMID: …`/`PMCID: …` in `M2`.
 */
export function toRis(records: readonly CslRecord[]): string {
  const entries = cite(records).format('ris', { format: 'object' }) as unknown as RisEntry[];
  return entries.map((entry, i) => {
    const record = records[i]!;
    const tags: [string, string][] = [];
    for (const [tag, raw] of Object.entries(entry)) {
      if (tag === 'TY' || tag === 'ID') continue;
      for (const value of ([] as string[]).concat(raw)) {
        if (tag === 'SP') tags.push(...pageTags(value));
        else if (tag === 'DA') tags.push(['DA', risDate(record) ?? value]);
        else tags.push([tag, value]);
      }
    }
    tags.push(['ID', record.id]);
    if (record.PMID) tags.push([RIS_IDENTIFIER_TAG, `PMID: ${record.PMID}`]);
    if (record.PMCID) tags.push([RIS_IDENTIFIER_TAG, `PMCID: ${record.PMCID}`]);
    const lines = [['TY', String(entry['TY'])] as const, ...tags].map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
    return `${lines.join('\n')}\nER  - \n`;
  }).join('\n');
}

function pageTags(value: string): [string, string][] {
  const m = /^\s*([^\s\-–—]+)\s*[-–—]+\s*([^\s\-–—]+)\s*$/.exec(value);
  return m ? [['SP', m[1]!], ['EP', m[2]!]] : [['SP', value]];
}

function risDate(record: CslRecord): string | undefined {
  const [year, month, day] = issuedParts(record);
  if (!year) return undefined;
  return `${year}/${month ? pad(month) : ''}/${month && day ? pad(day) : ''}/`;
}

/** A value on one line: RIS has no continuation lines, so a break inside a title would start an untagged line. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * `PMID: 123` / `PMCID: PMC123` lines of an RIS file (in any tag: `M2` as written here and read by Zotero, `N1`,
 * `AN` …), by record, and the text without them, so citation-js does not take them for a start page.
 */
export function takeRisIdentifiers(text: string): { text: string; identifiers: { PMID?: string; PMCID?: string }[] } {
  const identifiers: { PMID?: string; PMCID?: string }[] = [];
  let current: { PMID?: string; PMCID?: string } | undefined;
  const kept = text.split(/\r?\n/).filter((line) => {
    const m = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(line.trimEnd());
    if (!m) return true;
    const [, tag, value = ''] = m;
    if (tag === 'TY') identifiers.push((current = {}));
    else if (tag === 'ER') current = undefined;
    const id = /^(PMID|PMCID):\s*(\S+)$/i.exec(value.trim());
    if (!current || !id) return true;
    current[id[1]!.toUpperCase() as 'PMID' | 'PMCID'] = id[2]!;
    return false;
  });
  return { text: kept.join('\n'), identifiers };
}
