import { describe, expect, test } from 'vitest';
import { buildReferenceLinks } from '../../src/lib/bibliography/reference-links.ts';

describe('buildReferenceLinks', () => {
  test('builds DOI, PubMed and PMC links in that order', () => {
    const links = buildReferenceLinks({ id: 'x', type: 'article-journal', title: 'T', DOI: '10.1000/a(b)1', PMID: '123', PMCID: 'PMC456' });
    expect(links.map((l) => [l.kind, l.href])).toEqual([
      ['DOI', 'https://doi.org/10.1000/a(b)1'],
      ['PubMed', 'https://pubmed.ncbi.nlm.nih.gov/123/'],
      ['PMC', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC456/'],
    ]);
  });

  test('escapes characters that would break a URL but keeps DOI slashes', () => {
    const [doi] = buildReferenceLinks({ id: 'x', type: 'article', title: 'T', DOI: '10.1000/a b#c/d' });
    expect(doi?.href).toBe('https://doi.org/10.1000/a%20b%23c/d');
  });

  test('offers a PubMed title search when no identifier is on file', () => {
    const links = buildReferenceLinks({ id: 'x', type: 'article', title: 'Stem cells & discs' });
    expect(links).toEqual([{ kind: 'PubMed search', label: 'Search PubMed by title', href: 'https://pubmed.ncbi.nlm.nih.gov/?term=Stem%20cells%20%26%20discs%5BTitle%5D' }]);
  });
});
