// A chapter table made from the studies data: `::evidence-table{table="name"}` becomes a GFM table in the parsed
// page. The numbering pre-pass and the renderer both call expandEvidenceTables on their tree, so both read the same
// citations in the same order.
import type { Link, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Position } from 'unist';
import { parsePage } from '../citations/citation-syntax.ts';
import type { EvidenceData, EvidenceRow, TableField } from './evidence-data.ts';
import { citeItems } from './evidence-data.ts';
import { evidenceRowPath } from './evidence-url.ts';

export const EVIDENCE_TABLE_DIRECTIVE = 'evidence-table';
export const NOT_GIVEN = 'not given';

/** What a table needs besides the rows: how sure each cited record is, and which key is the source review. */
export interface EvidenceTableContext {
  data: EvidenceData;
  /** Bibliography key → `verified` / `probable` / `unverified`, when the review has a reference evidence file. */
  statusOf?: ((key: string) => string | undefined) | undefined;
  sourceKey?: string | undefined;
}


const STATUS_ORDER = ['verified', 'probable', 'unverified'];

/** The rows a chapter table lists, in the data's order. */
export function rowsOfTable(data: EvidenceData, name: string): EvidenceRow[] {
  return data.rows.filter((r) => r.tables?.includes(name));
}

/** A cell's Markdown text for one field of a row. */
export function cellText(row: EvidenceRow, field: TableField, context: EvidenceTableContext): string {
  const { vocabularies } = context.data;
  switch (field) {
    case 'kind':
      return vocabularies.kind.find((k) => k.id === row.kind)?.label ?? row.kind;
    case 'region':
      return row.region.length ? row.region.map((id) => vocabularies.region.find((r) => r.id === id)?.label ?? id).join(', ') : NOT_GIVEN;
    case 'record':
      return recordText(row, context);
    case 'note':
      return row.note ?? '';
    default:
      return row[field] ?? NOT_GIVEN;
  }
}

/** How sure the site is of the records a row cites, other than the source review itself. */
function recordText(row: EvidenceRow, { statusOf, sourceKey }: EvidenceTableContext): string {
  const keys = (citeItems(row.cite) ?? []).map((i) => i.key).filter((k) => k !== sourceKey);
  if (!keys.length) return 'none on file';
  if (!statusOf) return NOT_GIVEN;
  const statuses = new Set(keys.map((k) => statusOf(k) ?? NOT_GIVEN));
  return [...statuses].sort((a, b) => rank(a) - rank(b)).join(', ');
}
const rank = (status: string) => (STATUS_ORDER.includes(status) ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length);

/**
 * Replaces every `::evidence-table{table="name"}` with the table built from the data. `fail` is called with the
 * directive's position for an unknown table name or a review without studies data. Each generated node carries the
 * directive's position, so errors point at it and the citation reader finds no escaped brackets in its source.
 */
export function expandEvidenceTables(tree: Root, context: EvidenceTableContext | undefined, fail: (reason: string, position: Position | undefined) => never): void {
  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'leafDirective' && child.name === EVIDENCE_TABLE_DIRECTIVE) return buildTable(child.attributes?.['table'] ?? '', child.position);
      if ('children' in child && child.type !== 'paragraph') walk(child as { children: RootContent[] });
      return [child];
    });
  };
  const buildTable = (name: string, position: Position | undefined): RootContent[] => {
    if (!context) return fail(`::${EVIDENCE_TABLE_DIRECTIVE}{table="${name}"}: this review has no studies data (content/evidence.json)`, position);
    const spec = context.data.tables?.[name];
    if (!spec) {
      const known = Object.keys(context.data.tables ?? {});
      return fail(`::${EVIDENCE_TABLE_DIRECTIVE}{table="${name}"}: unknown table; evidence.json declares ${known.length ? known.map((t) => `"${t}"`).join(', ') : 'none'}`, position);
    }
    const header: TableRow = { type: 'tableRow', children: spec.columns.map((c) => cell([{ type: 'text', value: c.label }])) };
    const rows = rowsOfTable(context.data, name).map((row): TableRow => ({
      type: 'tableRow',
      data: { hProperties: { dataEvidenceRow: row.id } },
      children: spec.columns.map((c, i) => {
        const content = phrasing(cellText(row, c.field, context));
        // The first cell leads to the row on the evidence page.
        return cell(i === 0 ? [{ type: 'link', url: evidenceRowPath(row.id), children: content } as Link] : content);
      }),
    }));
    const table: Table = { type: 'table', align: spec.columns.map(() => null), children: [header, ...rows], data: { hProperties: { dataEvidenceTable: name } } };
    const out: RootContent[] = [];
    if (spec.caption) out.push({ type: 'paragraph', data: { hProperties: { className: ['evidence-table-caption'] } }, children: phrasing(spec.caption) } as Paragraph);
    out.push(table);
    return out.map((node) => place(node, position));
  };
  walk(tree);
}

const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });

/** A cell's text read as Markdown by the build's own parser (raw HTML stays text: data is not markup). */
function phrasing(text: string): PhrasingContent[] {
  const first = parsePage(text, { mdx: false }).children[0];
  const nodes = first?.type === 'paragraph' ? first.children : text ? [{ type: 'text', value: text } as PhrasingContent] : [];
  return nodes.map(function plain(node): PhrasingContent {
    if (node.type === 'html') return { type: 'text', value: node.value };
    if ('children' in node) return { ...node, children: node.children.map(plain) } as PhrasingContent;
    return node;
  });
}

/** Gives a generated node and everything in it the directive's place in the page. */
function place<T extends RootContent>(node: T, position: Position | undefined): T {
  const visit = (n: RootContent) => {
    if (position) n.position = { start: { ...position.start }, end: { ...position.end } };
    else delete n.position;
    if ('children' in n) (n.children as RootContent[]).forEach(visit);
  };
  visit(node);
  return node;
}

/** The plain words of a table's cells, one line per row, for counting mentions in a chapter's text. */
export function evidenceTableWords(context: EvidenceTableContext | undefined, name: string): string[] {
  const spec = context?.data.tables?.[name];
  if (!context || !spec) return [];
  return rowsOfTable(context.data, name).map((row) => spec.columns.filter((c) => c.field !== 'cite' && c.field !== 'record').map((c) => cellText(row, c.field, context)).join(' | '));
}
