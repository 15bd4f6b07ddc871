import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { ContentError, lineAt } from '../content/content-error.ts';
import { parseReferences } from './references.ts';
import { takeRisIdentifiers } from './bibliography-export.ts';
import type { CslRecord } from './reference-links.ts';

export type BibliographyFormat = 'csl-json' | 'bibtex' | 'ris';

/** The file names a content folder may hold its bibliography in; exactly one of them. */
export const BIBLIOGRAPHY_FILES: Readonly<Record<string, BibliographyFormat>> = {
  'references.json': 'csl-json',
  'references.bib': 'bibtex',
  'references.ris': 'ris',
};

export interface BibliographySource {
  /** The bibliography file, or undefined when the folder has none. */
  file: string | undefined;
  format: BibliographyFormat | undefined;
  records: CslRecord[];
}

/** The one bibliography file in a content folder; two of them is a mistake, none is an empty bibliography. */
export function findBibliography(dir: string): { file: string; format: BibliographyFormat } | undefined {
  const found = Object.entries(BIBLIOGRAPHY_FILES).filter(([name]) => existsSync(join(dir, name)));
  if (found.length > 1) {
    const names = found.map(([name]) => name);
    throw new ContentError('references-ambiguous', join(dir, names[1] ?? ''), undefined, `${names.join(' and ')} are both present: keep exactly one bibliography file`);
  }
  const [name, format] = found[0] ?? [];
  return name && format ? { file: join(dir, name), format } : undefined;
}

export function loadBibliography(dir: string): BibliographySource {
  const found = findBibliography(dir);
  if (!found) return { file: undefined, format: undefined, records: [] };
  return { ...found, records: parseBibliography(readFileSync(found.file, 'utf8'), found.file) };
}

export function formatOf(file: string): BibliographyFormat {
  const format = BIBLIOGRAPHY_FILES[basename(file)] ?? ({ '.bib': 'bibtex', '.ris': 'ris' } as Record<string, BibliographyFormat>)[extname(file)];
  return format ?? 'csl-json';
}

/** Parses any of the three formats into CSL-JSON records, checked by the same rules as a CSL-JSON file. */
export function parseBibliography(text: string, file: string): CslRecord[] {
  const format = formatOf(file);
  if (format === 'csl-json') return parseReferences(text, file);
  const source = text.replace(/^\uFEFF/, '');
  const entries = format === 'bibtex' ? scanBibtex(source, file) : scanRis(source, file);
  // citation-js's RIS reader has no tag for PubMed ids: they are taken out first and put back on the records.
  const ris = format === 'ris' ? takeRisIdentifiers(source) : undefined;
  let converted: Record<string, unknown>[];
  try {
    converted = new Cite(ris?.text ?? source, { forceType: format === 'bibtex' ? '@biblatex/text' : '@ris/file' }).data;
  } catch (error) {
    const message = (error as Error).message;
    const line = /at line (\d+)/.exec(message)?.[1];
    throw new ContentError('references-malformed', file, line ? Number(line) : undefined, `not valid ${format === 'bibtex' ? 'BibTeX' : 'RIS'} (${message.split('\n')[0]})`);
  }
  const records = converted.map((data, i) => {
    const { _graph: _, 'citation-key': __, ...record } = data;
    // RIS records get their key from the ID tag; citation-js invents a temporary one when there is none, and the scan refused that.
    if (format === 'ris') record['id'] = entries[i]?.key;
    return { ...record, ...ris?.identifiers[i] };
  });
  return parseReferences(alignedJson(records, entries.map((e) => e.line)), file);
}

interface SourceEntry {
  key: string;
  line: number;
}

/**
 * CSL-JSON text with each record on the line its entry starts on in the source, so whatever the CSL-JSON validator
 * reports (a missing title, a duplicate id, a bad field) names the right line of the .bib or .ris file.
 */
function alignedJson(records: Record<string, unknown>[], lines: number[]): string {
  let text = '[';
  let line = 1;
  records.forEach((record, i) => {
    const target = Math.max(lines[i] ?? line, line + (i ? 1 : 0));
    text += `${i ? ',' : ''}${'\n'.repeat(target - line)}${JSON.stringify(record)}`;
    line = target;
  });
  return `${text}\n]`;
}

const BIBTEX_SKIPPED = new Set(['comment', 'string', 'preamble']);

/** Finds each entry's key and line, and the three mistakes citation-js reports badly or not at all. */
export function scanBibtex(text: string, file: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  const firstLine = new Map<string, number>();
  let at = text.indexOf('@');
  while (at !== -1) {
    const head = /@[ \t]*([A-Za-z]*)[ \t\r\n]*([{(])/y;
    head.lastIndex = at;
    const m = head.exec(text);
    if (!m) { at = text.indexOf('@', at + 1); continue; } // an @ outside any entry is a comment, as BibTeX reads it
    const type = (m[1] ?? '').toLowerCase();
    const line = lineAt(text, at);
    const body = head.lastIndex;
    const end = closingOf(text, body, m[2] === '(' ? ')' : '}');
    const key = /^\s*([^,\s})]*)/.exec(text.slice(body))?.[1] ?? '';
    if (end === -1) {
      throw new ContentError('references-bibtex-unclosed', file, line, `entry "${type ? `@${type}` : '@'}{${key}" is never closed: a "{" has no matching "}"`);
    }
    if (!type) throw new ContentError('references-bibtex-no-type', file, line, `entry "${key}" has no type: write it as @article{${key}, …} (or @book, @incollection …)`);
    if (!BIBTEX_SKIPPED.has(type)) {
      if (!key) throw new ContentError('references-malformed', file, line, `@${type} entry has no citation key`);
      const first = firstLine.get(key);
      if (first) throw new ContentError('references-duplicate-id', file, line, `duplicate citation key "${key}" (first used on line ${first})`);
      firstLine.set(key, line);
      entries.push({ key, line });
    }
    at = text.indexOf('@', end + 1);
  }
  return entries;
}

// Index of the character that closes an entry opened just before `from`, or -1. Braces nest; a new entry
// starting at the beginning of a line while braces are still open means this one was never closed.
function closingOf(text: string, from: number, close: '}' | ')'): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return close === '}' ? i : -1;
      depth--;
    } else if (c === ')' && close === ')' && depth === 0) return i;
    else if (c === '@' && (i === 0 || text[i - 1] === '\n') && /^@[A-Za-z]+\s*[{(]/.test(text.slice(i, i + 40))) return -1;
  }
  return -1;
}

/** RIS: every record runs from a TY line to an ER line and has an ID, which is the key chapters cite. */
export function scanRis(text: string, file: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  const firstLine = new Map<string, number>();
  let open: { line: number; key: string | undefined } | undefined;
  const close = () => {
    if (!open) return;
    if (!open.key) throw new ContentError('references-ris-no-id', file, open.line, 'record has no "ID  - " line: its ID is the key chapters cite');
    const first = firstLine.get(open.key);
    if (first) throw new ContentError('references-duplicate-id', file, open.line, `duplicate ID "${open.key}" (first used in the record on line ${first})`);
    firstLine.set(open.key, open.line);
    entries.push({ key: open.key, line: open.line });
    open = undefined;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const m = /^([A-Z][A-Z0-9])  -(?: (.*))?$/.exec(raw);
    if (!m) return; // continuation of the previous field, or blank
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (open) throw new ContentError('references-ris-unclosed', file, open.line, 'record is not closed: a new TY line comes before its "ER  - " line');
      open = { line, key: undefined };
    } else if (!open) {
      throw new ContentError('references-ris-no-type', file, line, `"${tag}" field outside a record: the record has no "TY  - " (type) line`);
    } else if (tag === 'ER') {
      close();
    } else if (tag === 'ID') {
      open.key = value.trim();
    }
  });
  if (open) throw new ContentError('references-ris-unclosed', file, (open as { line: number }).line, 'record is not closed: the file ends before its "ER  - " line');
  return entries;
}
