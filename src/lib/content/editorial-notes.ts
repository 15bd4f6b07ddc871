// Every editorial note in the review, found the way the page renderer numbers them (`:::editorial` blocks in
// document order, `note-1`, `note-2` … per page), for the notes list and the search index.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { collectCitations, parsePage, type FoundCitation } from '../citations/citation-syntax.ts';
import { citationText } from '../citations/citations.ts';
import { readContentText } from './content-text.ts';
import { splitFrontMatter, type ReviewIndex } from './review-index.ts';

export interface EditorialNote {
  /** Chapter slug, or '' for the home page. */
  page: string;
  pageTitle: string;
  /** Anchor on that page: `note-N`. */
  id: string;
  /** Line of the `:::editorial` marker in the file. */
  line: number;
  file: string;
  /** The note as plain text, its citations as the page shows them (`[3, 5]`, `[2, refs 63–67]`). */
  text: string;
  /** Keys the note cites, in order. */
  keys: string[];
}

/** Notes in one page body, in document order; `mdx` for `.mdx` files, which are parsed as the build parses them. */
export function findEditorialNotes(body: string, numbers: ReadonlyMap<string, number>, { mdx = false } = {}): { id: string; line: number; text: string; keys: string[] }[] {
  const tree = parsePage(body, { mdx });
  const groups = new Map<Nodes, FoundCitation[]>();
  for (const g of collectCitations(tree, body)) groups.set(g.node, [...(groups.get(g.node) ?? []), g]);
  const notes: { id: string; line: number; text: string; keys: string[] }[] = [];
  visit(tree, 'containerDirective', (node) => {
    if (node.name !== 'editorial') return;
    const keys: string[] = [];
    // Text as mdast-util-to-string gives it, with each citation group read as the page renders it.
    const textOf = (n: Nodes): string => {
      if (n.type === 'text') {
        let out = '';
        let at = 0;
        for (const g of groups.get(n) ?? []) {
          keys.push(...g.keys);
          out += n.value.slice(at, g.start) + citationText(g.items, numbers);
          at = g.end;
        }
        return out + n.value.slice(at);
      }
      if ('value' in n && typeof n.value === 'string') return n.value;
      return 'children' in n ? (n.children as Nodes[]).map(textOf).join('') : '';
    };
    const children = node.children.filter((c) => !(c.type === 'paragraph' && (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel));
    const text = children.map((c) => textOf(c)).join('\n\n').replace(/\s+/g, ' ').trim();
    notes.push({ id: `note-${notes.length + 1}`, line: node.position?.start.line ?? 1, text, keys });
  });
  return notes;
}

/** Every note of the home page and the chapters, in reading order. */
export function collectEditorialNotes(index: Pick<ReviewIndex, 'dir' | 'chapters' | 'numbers'>): EditorialNote[] {
  const pages: { page: string; pageTitle: string; file: string; body: string; bodyLine: number }[] = [];
  const home = join(index.dir, 'home.mdx');
  if (existsSync(home)) pages.push({ page: '', pageTitle: 'Home', file: home, ...splitFrontMatter(readContentText(home), home) });
  for (const c of index.chapters) pages.push({ page: c.slug, pageTitle: c.title, file: c.file, body: c.body, bodyLine: c.bodyLine });
  return pages.flatMap((p) => findEditorialNotes(p.body, index.numbers, { mdx: p.file.endsWith('.mdx') }).map((n) => ({ ...n, line: n.line + p.bodyLine - 1, page: p.page, pageTitle: p.pageTitle, file: p.file })));
}
