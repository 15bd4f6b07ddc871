// Citations as the page is parsed: the numbering pre-pass and the rendering plugins both find them here, in the
// Markdown syntax tree, so they cannot disagree about what is a citation.
import type { Heading, Nodes, Parent, Root, Text } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';

/** One work in a citation group, with what Pandoc syntax lets a writer add to it. */
export interface CitedItem {
  key: string;
  prefix?: string;
  /** `label` normalised ('refs', 'p.', 'pp.', 'chap.', 'sec.', 'fig.' …); `value` as written ('63–67'). */
  locator?: { label: string; value: string };
  suffix?: string;
  suppressAuthor: boolean;
}

/** A `[…]` group found in a text node of the tree. */
export interface FoundCitation {
  items: CitedItem[];
  keys: string[];
  node: Text;
  parent: Parent;
  /** Where the group stands in the text node's value. */
  start: number;
  end: number;
  /** 1-based line in the parsed source. */
  line: number;
  /** 1-based column of its `[` on that line (as far as the text node's value follows the source). */
  column: number;
  /** Text of the nearest heading above it (level 2 and deeper), if any. */
  section: string | undefined;
  inHeading: boolean;
}

// Pandoc citation keys: start with a letter, digit or _, may hold internal punctuation.
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?`;
// The `@` must stand at the start or after a space, so `me@example.org` is no citation.
const ITEM_RE = new RegExp(String.raw`^(?<prefix>[\s\S]*?)(?<![^\s])(?<minus>-)?@(?<key>${KEY})(?<rest>[\s\S]*)$`, 'u');

/** Locator labels as writers type them, and the one form each is shown in. Longest forms are tried first. */
const LABELS: [label: string, forms: string[]][] = [
  ['refs', ['references', 'reference', 'refs.', 'refs', 'ref.', 'ref']],
  ['pp.', ['pages', 'pp.', 'pp']],
  ['p.', ['page', 'p.', 'p']],
  ['chap.', ['chapters', 'chapter', 'chaps.', 'chaps', 'chap.', 'chap', 'ch.']],
  ['sec.', ['sections', 'section', 'sects.', 'sect.', 'secs.', 'secs', 'sec.', 'sec', '§§', '§']],
  ['fig.', ['figures', 'figure', 'figs.', 'figs', 'fig.', 'fig']],
  ['tab.', ['tables', 'table', 'tabs.', 'tab.']],
  ['suppl.', ['supplementary', 'supplement', 'suppl.']],
  ['eq.', ['equations', 'equation', 'eqs.', 'eq.']],
  ['para.', ['paragraphs', 'paragraph', 'paras.', 'para.', '¶¶', '¶']],
  ['vol.', ['volumes', 'volume', 'vols.', 'vol.']],
  ['no.', ['numbers', 'number', 'nos.', 'no.']],
  ['n.', ['notes', 'note', 'nn.', 'n.']],
  ['l.', ['lines', 'line', 'll.', 'l.']],
  ['pt.', ['parts', 'part', 'pts.', 'pt.']],
  ['col.', ['columns', 'column', 'cols.', 'col.']],
];
/** Parts of a work a citation can point to by name alone: `[@key, abstract]`. */
export const PART_LABELS = ['abstract'] as const;
const PART_RE = new RegExp(String.raw`^(${PART_LABELS.join('|')})(?![\p{L}\p{N}])`, 'iu');
const FORMS = LABELS.flatMap(([label, forms]) => forms.map((form) => ({ label, form }))).sort((a, b) => b.form.length - a.form.length);
const NUMBER = String.raw`[A-Za-z]?\d+(?:[.:]\d+)*[A-Za-z]?`;
const ROMAN = '[ivxlcdm]+|[IVXLCDM]+';
const LIST = (token: string) => String.raw`(?:${token})(?:\s*(?:-{1,3}|[–—]|,|&|\band\b)\s*(?:${token}))*`;
const VALUE_RE = new RegExp(String.raw`^(?:${LIST(NUMBER)}|(?:${LIST(ROMAN)})(?![\p{L}\p{N}]))`, 'u');

/** Reads the inside of one `[…]` as a Pandoc citation group; undefined when any part of it is not a citation. */
export function parseCitationGroup(inner: string): CitedItem[] | undefined {
  if (!inner.includes('@')) return undefined;
  const items: CitedItem[] = [];
  for (const part of inner.split(';')) {
    const m = ITEM_RE.exec(part.trim());
    if (!m?.groups) return undefined;
    const { prefix = '', minus, key = '', rest = '' } = m.groups;
    // A key runs until a character keys cannot hold; `@key's` is not a citation of `key`.
    if (rest && !/^[\s,{]/.test(rest)) return undefined;
    const item: CitedItem = { key, suppressAuthor: minus === '-' };
    if (prefix.trim()) item.prefix = prefix.trim();
    Object.assign(item, parseLocator(rest.replace(/^\s*,?\s*/, '')));
    items.push(item);
  }
  return items;
}

/** `p. 5, and passim` → locator p. 5, suffix "and passim"; `{pp. iv, vi–xi} here` → explicit locator. */
export function parseLocator(text: string): Pick<CitedItem, 'locator' | 'suffix'> {
  const out: Pick<CitedItem, 'locator' | 'suffix'> = {};
  const explicit = /^\{([^}]*)\}\s*,?\s*([\s\S]*)$/.exec(text);
  if (explicit) {
    const inside = (explicit[1] ?? '').trim();
    const labelled = matchLabel(inside);
    out.locator = labelled ? { label: labelled.label, value: inside.slice(labelled.length).trim() } : { label: 'p.', value: inside };
    if (explicit[2]?.trim()) out.suffix = explicit[2].trim();
    return out;
  }
  // A part of the work named without a number (`abstract`) is a locator of its own, with no value.
  const part = PART_RE.exec(text);
  if (part) {
    out.locator = { label: (part[1] ?? '').toLowerCase(), value: '' };
    const suffix = text.slice(part[0].length).replace(/^\s*,?\s*/, '').trim();
    if (suffix) out.suffix = suffix;
    return out;
  }
  const labelled = matchLabel(text);
  const afterLabel = labelled ? text.slice(labelled.length).trimStart() : text;
  const value = VALUE_RE.exec(afterLabel)?.[0];
  if (value) {
    out.locator = { label: labelled?.label ?? 'p.', value };
    const suffix = afterLabel.slice(value.length).replace(/^\s*,?\s*/, '').trim();
    if (suffix) out.suffix = suffix;
  } else if (text.trim()) {
    out.suffix = text.trim();
  }
  return out;
}

function matchLabel(text: string): { label: string; length: number } | undefined {
  const lower = text.toLowerCase();
  for (const { label, form } of FORMS) {
    if (!lower.startsWith(form)) continue;
    const next = text.charAt(form.length);
    // A word form must end at a word boundary ("page 3", not "pagex"); "p.5" and "§5" need no space.
    if (next === '' || /\s/.test(next) || /[.§¶]$/.test(form)) return { label, length: form.length };
  }
  return undefined;
}

/**
 * Citation groups in one text value. `escaped(i)` says whether the character at i was written escaped (`\[`) or as
 * a character reference in the source: such brackets and `@` are literal text.
 */
export function findGroupsInValue(value: string, escaped: (i: number) => boolean = () => false): { start: number; end: number; items: CitedItem[] }[] {
  const groups: { start: number; end: number; items: CitedItem[] }[] = [];
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 91 /* [ */) {
      open = escaped(i) ? -1 : i;
    } else if (c === 93 /* ] */ && open >= 0) {
      if (escaped(i)) { open = -1; continue; }
      const inner = value.slice(open + 1, i);
      const items = parseCitationGroup(inner);
      let literalAt = false;
      for (let k = inner.indexOf('@'); k >= 0 && !literalAt; k = inner.indexOf('@', k + 1)) literalAt = escaped(open + 1 + k);
      if (items && !literalAt) groups.push({ start: open, end: i + 1, items });
      open = -1;
    }
  }
  return groups;
}

/**
 * For each `[`, `]` and `@` of a text node's value, whether the source wrote it escaped or as a character
 * reference. Only these three characters matter, and nothing the parser or typographic plugins change text into is
 * one of them, so they are matched with the source's in order.
 */
export function escapedMarks(value: string, source: string): (i: number) => boolean {
  if (!/[[\]@]/.test(value)) return () => false;
  const marks: boolean[] = [];
  const refs: Record<string, string> = { '#91': '[', '#x5b': '[', 'lsqb': '[', 'lbrack': '[', '#93': ']', '#x5d': ']', 'rsqb': ']', 'rbrack': ']', '#64': '@', '#x40': '@', 'commat': '@' };
  for (let j = 0; j < source.length; j++) {
    const c = source[j];
    if (c === '[' || c === ']' || c === '@') {
      let slashes = 0;
      for (let k = j - 1; k >= 0 && source[k] === '\\'; k--) slashes++;
      marks.push(slashes % 2 === 1);
    } else if (c === '&') {
      const ref = /^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/.exec(source.slice(j, j + 12));
      const name = ref?.[1]?.toLowerCase().replace(/^#0+/, '#').replace(/^#x0+/, '#x');
      if (name && refs[name]) marks.push(true);
    }
  }
  const flags = new Map<number, boolean>();
  let n = 0;
  for (let i = 0; i < value.length; i++) if (value[i] === '[' || value[i] === ']' || value[i] === '@') flags.set(i, marks[n++] ?? false);
  return (i) => flags.get(i) ?? false;
}

// Nothing inside these is prose: a `[@key]` there is left as written.
const NOT_PROSE = new Set(['code', 'inlineCode', 'link', 'linkReference', 'html', 'image', 'imageReference', 'definition',
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'toml', 'math', 'inlineMath']);

/** Every citation group in a parsed page, in reading order. `source` is the text the tree was parsed from. */
export function collectCitations(tree: Root, source: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  const lineOf = lineIndex(source);
  let section: string | undefined;
  // Nodes that plugins split off (GFM turns `me@example.org` into a link) carry no position: their place in the
  // source is worked out from their neighbours.
  const walk = (node: Nodes, parent: Parent | undefined, heading: boolean, from: number, to: number) => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'heading' && node.depth >= 2) section = plainText(node);
    if (node.type === 'text' && parent) {
      if (!node.value.includes('@')) return;
      const escaped = escapedMarks(node.value, source.slice(from, to));
      const firstLine = node.position?.start.line ?? lineOf(from);
      for (const g of findGroupsInValue(node.value, escaped)) {
        let line = firstLine;
        let lineStart = -1;
        for (let k = node.value.indexOf('\n'); k >= 0 && k < g.start; k = node.value.indexOf('\n', k + 1)) {
          line++;
          lineStart = k;
        }
        const column = lineStart < 0 ? (node.position?.start.column ?? 1) + g.start : g.start - lineStart;
        found.push({ ...g, keys: g.items.map((i) => i.key), node, parent, line, column, section, inHeading: heading });
      }
      return;
    }
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    let at = from;
    children.forEach((child, i) => {
      // A split-off text starts where the node before it ended; a split-off link is its own text, found from there.
      const start = child.position?.start.offset ?? (child.type === 'text' ? at : Math.max(at, source.indexOf(plainText(child), at)));
      const known = child.position?.end.offset ?? (child.type === 'text' ? undefined : start + plainText(child).length);
      // Running on past a text's end is harmless: escapedMarks reads the source from the start.
      const end = known ?? children.slice(i + 1).find((c) => c.position)?.position?.start.offset ?? to;
      walk(child, node, heading || node.type === 'heading', start, end);
      at = known ?? start;
    });
  };
  walk(tree, undefined, false, 0, source.length);
  return found;
}

/** 1-based line of an offset, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Heading text as the page shows it. */
export function plainText(node: Nodes | Heading): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map((c) => plainText(c as Nodes)).join('') : '';
}

/**
 * Directives the site does not render (`:name`, `::name`) are text that happened to look like one (`10:30`,
 * `IL6:IL6R`): they go back to the words as written, joined with the text around them.
 */
export function restoreLiteralDirectives(tree: Root, source: string): void {
  const walk = (node: Parent) => {
    let changed = false;
    node.children = node.children.map((child) => {
      const c = child as Nodes;
      if ((c.type === 'textDirective' || c.type === 'leafDirective') && c.position?.start.offset !== undefined && c.position.end.offset !== undefined) {
        changed = true;
        const text: Text = { type: 'text', value: source.slice(c.position.start.offset, c.position.end.offset), position: c.position };
        return c.type === 'leafDirective' ? ({ type: 'paragraph', children: [text], position: c.position } as typeof child) : (text as typeof child);
      }
      if ('children' in c) walk(c);
      return child;
    });
    if (changed) mergeTexts(node);
  };
  walk(tree);
}

function mergeTexts(node: Parent): void {
  const out: typeof node.children = [];
  for (const child of node.children) {
    const last = out.at(-1);
    if (last?.type === 'text' && child.type === 'text') {
      last.value += child.value;
      // A piece without a position (split off by an earlier plugin) leaves the joined text's end unknown.
      if (last.position) last.position = { start: last.position.start, end: child.position?.end ?? { line: last.position.start.line, column: last.position.start.column } };
    } else out.push(child);
  }
  node.children = out;
}

/**
 * Parses a page body with the build's own syntax: Markdown + GFM + directives, and MDX for `.mdx` files. `expand`
 * turns the site's own leaf directives into Markdown before unknown ones go back to text; the renderer runs the same
 * function as a plugin at the same point, so both read the same page.
 */
export function parsePage(body: string, { mdx, expand }: { mdx: boolean; expand?: (tree: Root) => void }): Root {
  const processor = mdx ? unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective) : unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  const tree = processor.parse(body);
  expand?.(tree);
  restoreLiteralDirectives(tree, body);
  return tree;
}
