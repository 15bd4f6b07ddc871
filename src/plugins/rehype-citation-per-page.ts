import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { basename, dirname } from 'node:path';
import rehypeCitation from 'rehype-citation';
import { visit, SKIP } from 'unist-util-visit';
import { citationSource } from './remark-citation-keys.ts';
import { contentFail } from './content-problem.ts';

type CitationOptions = NonNullable<Parameters<typeof rehypeCitation>[0]>;
// Called directly rather than through unified's `use`, so its transformer can differ per page.
const citationTransformer = rehypeCitation as unknown as (options: CitationOptions) => (tree: Root, file: VFile) => Promise<void>;

export interface PerPageOptions {
  options: CitationOptions;
  /** Page file name → a CSL-JSON file holding only the works that page cites. */
  subsets: ReadonlyMap<string, string>;
  /** Groups per rehype-citation run: its cost per group grows with the groups before it in the same run. */
  batch?: number;
}

/**
 * Hands rehype-citation the page's citation groups, and nothing else of the page: each group the remark step marked
 * goes in a paragraph of its own in a separate tree, in batches, so code, escaped brackets and link text can never
 * become citations and a very long page costs time in proportion to its length. Every group must come back as one
 * citation with the same keys, or the build fails at that group's line.
 */
export function transformCitationsPerPage(tree: Root, file: VFile, { options, subsets, batch = 100 }: PerPageOptions): Promise<void> | void {
  const marked: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.properties['dataCitationGroup'] === undefined) return;
    marked.push(node);
    return SKIP;
  });
  if (!marked.length) return;
  const subset = subsets.get(basename(file.path));
  const run = citationTransformer(subset ? { ...options, bibliography: basename(subset), path: dirname(subset) } : options);
  const groups = file.data.citations ?? [];
  return (async () => {
    for (let from = 0; from < marked.length; from += batch) {
      const slice = marked.slice(from, from + batch);
      const paragraphs: Element[] = slice.map((span) => {
        const items = groups[Number(span.properties['dataCitationGroup'])]?.items ?? [];
        return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: citationSource(items) }] };
      });
      await run({ type: 'root', children: paragraphs }, file);
      paragraphs.forEach((p, i) => {
        const n = Number(slice[i]?.properties['dataCitationGroup']);
        const want = (groups[n]?.items ?? []).map((item) => item.key.toLowerCase());
        const out = p.children.length === 1 && p.children[0]?.type === 'element' ? String(p.children[0].properties['id'] ?? '') : '';
        const got = out.startsWith('citation--') ? out.split('--').slice(1, -1) : [];
        if (got.join(' ') !== want.join(' ')) {
          contentFail(file, 'citation-parse-mismatch', `rehype-citation read this citation as [${got.join('; ')}] where the page has [${want.join('; ')}]`, { line: groups[n]?.line ?? 1, column: groups[n]?.column ?? 1 });
        }
      });
    }
  })();
}

export default function rehypeCitationPerPage(options: PerPageOptions) {
  return (tree: Root, file: VFile) => transformCitationsPerPage(tree, file, options);
}
