/** The CSL-JSON fields this site reads; other fields pass through to the formatter untouched. */
export interface CslRecord {
  id: string;
  type: string;
  title?: string;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  [field: string]: unknown;
}

export interface ReferenceLink {
  kind: 'DOI' | 'PubMed' | 'PMC' | 'PubMed search';
  href: string;
  label: string;
}

/** Outbound links for one record; a record with no identifier gets a title search and says so. */
export function buildReferenceLinks(record: CslRecord): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  if (record.DOI) links.push({ kind: 'DOI', href: `https://doi.org/${encodeDoi(record.DOI)}`, label: `doi:${record.DOI}` });
  if (record.PMID) links.push({ kind: 'PubMed', href: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(record.PMID)}/`, label: `PMID ${record.PMID}` });
  if (record.PMCID) links.push({ kind: 'PMC', href: `https://pmc.ncbi.nlm.nih.gov/articles/${encodeURIComponent(record.PMCID)}/`, label: record.PMCID });
  if (!links.length && record.title) {
    const term = encodeURIComponent(`${record.title}[Title]`);
    links.push({ kind: 'PubMed search', href: `https://pubmed.ncbi.nlm.nih.gov/?term=${term}`, label: 'Search PubMed by title' });
  }
  return links;
}

// DOIs keep their slashes; everything else that is not URL-safe is escaped.
function encodeDoi(doi: string): string {
  return doi.split('/').map(encodeURIComponent).join('/');
}
