// Where the review cites the source review for one of the source's own reference numbers (locator `refs …`).
import type { CitationSite } from './review-index.ts';

/** number → citation sites whose citation of `sourceKey` carries a `refs` locator naming that number. */
export function sitesBySourceNumber(_sites: readonly CitationSite[], _sourceKey: string): Map<number, CitationSite[]> {
  return new Map();
}
