// Every editorial note in the review, found the way the page renderer numbers them (`:::editorial` blocks in
// document order, `note-1`, `note-2` … per page), for the notes list and the search index.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { compressRanges, findCitationGroups, formatRuns } from './citations.ts';
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
  /** The note as plain text, citation keys replaced by the review-wide numbers (`[3, 5]`). */
  text: string;
  /** Keys the note cites, in order. */
  keys: string[];
}

const parser = unified().use(remarkParse).use(remarkDirective);

/** Notes in one Markdown body, in document order. */
export function findEditorialNotes(body: string, numbers: ReadonlyMap<string, number>): { id: string; line: number; text: string; keys: string[] }[] {
  const tree = parser.parse(body) as Root;
  const notes: { id: string; line: number; text: string; keys: string[] }[] = [];
  visit(tree, 'containerDirective', (node) => {
    if (node.name !== 'editorial') return;
    const children = node.children.filter((c) => !(c.type === 'paragraph' && (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel));
    const raw = children.map((c) => toString(c)).join('\n\n');
    const keys = findCitationGroups(raw).flatMap((g) => g.keys);
    notes.push({ id: `note-${notes.length + 1}`, line: node.position?.start.line ?? 1, text: numberCitations(raw, numbers), keys });
  });
  return notes;
}

/** Every note of the home page and the chapters, in reading order. */
export function collectEditorialNotes(index: Pick<ReviewIndex, 'dir' | 'chapters' | 'numbers'>): EditorialNote[] {
  const pages: { page: string; pageTitle: string; file: string; body: string; bodyLine: number }[] = [];
  const home = join(index.dir, 'home.mdx');
  if (existsSync(home)) pages.push({ page: '', pageTitle: 'Home', file: home, ...splitFrontMatter(readFileSync(home, 'utf8'), home) });
  for (const c of index.chapters) pages.push({ page: c.slug, pageTitle: c.title, file: c.file, body: c.body, bodyLine: c.bodyLine });
  return pages.flatMap((p) => findEditorialNotes(p.body, index.numbers).map((n) => ({ ...n, line: n.line + p.bodyLine - 1, page: p.page, pageTitle: p.pageTitle, file: p.file })));
}

function numberCitations(text: string, numbers: ReadonlyMap<string, number>): string {
  let out = '';
  let at = 0;
  for (const g of findCitationGroups(text)) {
    const nums = g.keys.map((k) => numbers.get(k)).filter((n): n is number => n !== undefined);
    out += `${text.slice(at, g.offset)}[${formatRuns(compressRanges(nums))}]`;
    at = g.offset + g.length;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}
