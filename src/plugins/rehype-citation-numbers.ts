import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { fromHtml } from 'hast-util-from-html';
import { visit, SKIP } from 'unist-util-visit';
import { citationSegments, isPlainItem } from '../lib/citations/citations.ts';
import { authorShort } from '../lib/provenance/source-numbers.ts';
import type { CitedItem } from '../lib/citations/citation-syntax.ts';
import '../plugins/remark-citation-keys.ts';
import { buildReferenceLinks, type CslRecord } from '../lib/bibliography/reference-links.ts';
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
 * Renders each citation group the remark step marked under the review-wide numbers: plain works compress to ranges,
 * a work with a prefix, locator or suffix shows them (`[see 3, p. 5]`, `[2, refs 63–67]`), every number links to
 * its own entry, and the span carries what the preview card says about each work. Appends a list of this page's
 * works under those numbers.
 */
export function transformCitationNumbers(tree: Root, file: VFile, options: CitationNumberOptions): void {
  const cited = new Set<string>();
  const groups = file.data.citations ?? [];
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = String(node.properties['id'] ?? '');
    if (id === 'refs' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const marker = node.properties['dataCitationGroup'];
    if (node.tagName !== 'span' || marker === undefined) return;
    const n = Number(marker);
    const items = groups[n]?.items ?? [];
    items.forEach((item) => cited.add(item.key));
    replaceCitation(node, items, n + 1, options);
    return SKIP;
  });
  if (cited.size) tree.children.push(referenceList([...cited], options));
}

export function replaceCitation(node: Element, items: readonly CitedItem[], n: number, { numbers, records }: Pick<CitationNumberOptions, 'numbers' | 'records'>): void {
  const children: ElementContent[] = citationSegments(items, numbers).map((s) =>
    typeof s === 'string' ? text(s) : h('a', { href: `#ref-${s.key}`, 'aria-label': `Reference ${s.n}` }, String(s.n)));
  const decorated = items.filter((i) => !isPlainItem(i)).map((i) => ({ ...i, by: authorLabel(records.get(i.key)) }));
  node.properties = {
    id: `cite-${n}`,
    className: ['citation'],
    dataCites: items.map((i) => i.key).join(' '),
    ...(decorated.length ? { dataItems: JSON.stringify(decorated) } : {}),
  };
  node.children = children;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** "Smith et al.", "Kim and Lee", "Smith": how the card names a work's authors. */
export function authorLabel(record: CslRecord | undefined): string | undefined {
  return authorShort(record?.['author'] as { family?: string; literal?: string }[] | undefined);
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
