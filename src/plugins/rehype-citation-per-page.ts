import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { basename, dirname } from 'node:path';
import rehypeCitation from 'rehype-citation';

type CitationOptions = NonNullable<Parameters<typeof rehypeCitation>[0]>;
// Called directly rather than through unified's `use`, so its transformer can differ per page.
const citationTransformer = rehypeCitation as unknown as (options: CitationOptions) => (tree: Root, file: VFile) => Promise<void>;

export interface PerPageOptions {
  options: CitationOptions;
  /** Page file name → a CSL-JSON file holding only the works that page cites. */
  subsets: ReadonlyMap<string, string>;
}

/**
 * rehype-citation parses its whole bibliography for every page; handing each page only the works it cites keeps a
 * page's cost to its own citations, however large the review grows. Pages without a subset get the full file.
 */
export default function rehypeCitationPerPage({ options, subsets }: PerPageOptions) {
  return (tree: Root, file: VFile) => {
    const subset = subsets.get(basename(file.path));
    const pageOptions = subset ? { ...options, bibliography: basename(subset), path: dirname(subset) } : options;
    return citationTransformer(pageOptions)(tree, file);
  };
}
