// Where the review cites the source review for one of the source's own reference numbers (locator `refs …`).
import type { CitationSite } from '../content/review-index.ts';
import { expandNumberList } from './source-numbers.ts';

/** The source numbers a citation site names for `sourceKey` (`[@source, refs 63–67]` → 63…67). */
export function sourceNumbersAt(site: Pick<CitationSite, 'items' | 'page' | 'anchor'>, sourceKey: string): number[] {
  return site.items.flatMap((item) => {
    if (item.key !== sourceKey || item.locator?.label !== 'refs') return [];
    try {
      return expandNumberList(item.locator.value);
    } catch (error) {
      throw new Error(`citation ${site.anchor} on page "${site.page || 'home'}": refs ${item.locator.value}: ${(error as Error).message}`);
    }
  });
}

/** number → citation sites whose citation of `sourceKey` carries a `refs` locator naming that number. */
export function sitesBySourceNumber(sites: readonly CitationSite[], sourceKey: string): Map<number, CitationSite[]> {
  const out = new Map<number, CitationSite[]>();
  for (const site of sites) {
    for (const n of new Set(sourceNumbersAt(site, sourceKey))) out.set(n, [...(out.get(n) ?? []), site]);
  }
  return out;
}
