import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { fromHtml } from 'hast-util-from-html';
import { visit, SKIP } from 'unist-util-visit';
import { compressRanges } from '../lib/citations.ts';
import { buildReferenceLinks, type CslRecord } from '../lib/reference-links.ts';
import { coinsSpan, provenanceOf, type ProvenanceOptions } from './reference-provenance.ts';

export interface CitationNumberOptions {
  numbers: ReadonlyMap<string, number>;
  records: ReadonlyMap<string, CslRecord>;
  /** Formatted entry HTML by key. */
  formatted: ReadonlyMap<string, string>;
  /** Heading of the list appended to each page. */
  heading: string;
  /** Evidence and source key, for each entry's source numbers and match status. */
  provenance?: ProvenanceOptions | undefined;
}

/**
 * Replaces rehype-citation's per-page numbers with the review-wide ones, links every shown number to its own
 * entry, and swaps its bibliography for a list of this page's works under those numbers.
 */
export function transformCitationNumbers(tree: Root, _file: VFile, options: CitationNumberOptions): void {
  const cited = new Set<string>();
  let count = 0;
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = String(node.properties['id'] ?? '');
    if (id === 'refs' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName !== 'span' || !id.startsWith('citation--')) return;
    const keys = id.split('--').slice(1, -1);
    keys.forEach((k) => cited.add(k));
    count += 1;
    replaceCitation(node, keys, count, options);
    return SKIP;
  });
  if (cited.size) tree.children.push(referenceList([...cited], options));
}

function replaceCitation(node: Element, keys: string[], n: number, { numbers }: CitationNumberOptions): void {
  const keyOf = new Map(keys.map((k) => [numbers.get(k) ?? 0, k]));
  const runs = compressRanges([...keyOf.keys()]);
  const link = (num: number) => h('a', { href: `#ref-${keyOf.get(num)}`, 'aria-label': `Reference ${num}` }, String(num));
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  runs.forEach((run, i) => {
    if (i) children.push({ type: 'text', value: ', ' });
    children.push(link(run.from));
    if (run.to !== run.from) children.push({ type: 'text', value: '–' }, link(run.to));
  });
  children.push({ type: 'text', value: ']' });
  node.properties = { id: `cite-${n}`, className: ['citation'], dataCites: keys.join(' ') };
  node.children = children;
}

function referenceList(keys: string[], options: CitationNumberOptions): Element {
  const sorted = keys.sort((a, b) => (options.numbers.get(a) ?? 0) - (options.numbers.get(b) ?? 0));
  return h('section', { className: ['reference-list'], ariaLabelledBy: 'references' }, [
    h('h2', { id: 'references' }, options.heading),
    h('ol', sorted.map((key) => referenceEntry(key, options))),
  ]);
}

/**
 * One entry: formatted text (identifiers left out), what it stands for in the source and how sure the match is,
 * then the identifiers as DOI · PubMed · PMC links, and a COinS span. Shared by chapter lists and the references page.
 */
export function referenceEntry(key: string, { numbers, records, formatted, provenance }: Pick<CitationNumberOptions, 'numbers' | 'records' | 'formatted' | 'provenance'>): Element {
  const record = records.get(key);
  const body = fromHtml(formatted.get(key) ?? record?.title ?? key, { fragment: true }).children as ElementContent[];
  const links = record ? buildReferenceLinks(record) : [];
  const missing = links.length === 1 && links[0]?.kind === 'PubMed search';
  const status = provenance?.evidence?.get(key)?.status;
  const about = record && provenance ? provenanceOf(key, records, provenance) : undefined;
  return h('li', { id: `ref-${key}`, value: numbers.get(key), className: ['reference'], dataStatus: status }, [
    h('span', { className: ['reference-text'] }, body),
    ...(about ? [about] : []),
    h('span', { className: ['reference-links'] }, [
      ...links.flatMap((l, i) => [
        ...(i ? [h('span', { className: ['link-separator'], ariaHidden: 'true' }, '·')] : []),
        h('a', { href: l.href, className: ['reference-link'], dataKind: l.kind, dataCiteId: l.kind === 'PubMed search' ? undefined : l.label, rel: 'noopener noreferrer' }, l.kind === 'PubMed search' ? l.label : `${l.kind}`),
      ]),
      ...(missing ? [h('span', { className: ['reference-missing'] }, 'No DOI, PubMed or PMC identifier on file.')] : []),
    ]),
    ...(record ? [coinsSpan(record)] : []),
  ]);
}

export default function rehypeCitationNumbers(options: CitationNumberOptions) {
  return (tree: Root, file: VFile) => transformCitationNumbers(tree, file, options);
}
