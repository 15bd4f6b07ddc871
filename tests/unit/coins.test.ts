import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { formatReferences } from '../../src/lib/bibliography/bibliography.ts';
import { buildCoins, parseCoins } from '../../src/lib/bibliography/coins.ts';
import type { CslRecord } from '../../src/lib/bibliography/reference-links.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';
import { referenceEntry } from '../../src/plugins/rehype-citation-numbers.ts';

/** Elements of a tree with a tag and class. */
function selectAll(selector: string, tree: Parameters<typeof visit>[0]): Element[] {
  const [tag, cls] = selector.split('.');
  const out: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === tag && ([] as unknown[]).concat(el.properties['className'] ?? []).includes(cls)) out.push(el);
  });
  return out;
}

interface CslName { family?: string; given?: string; literal?: string }
const year = (r: CslRecord) => String((r['issued'] as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]?.[0] ?? '');
const authors = (r: CslRecord) => ((r['author'] as CslName[] | undefined) ?? []).map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(', '));

/** The fields a reference manager reads back, from one COinS title. */
function read(kev: string) {
  const f = parseCoins(kev);
  const ids = f.get('rft_id') ?? [];
  return {
    format: f.get('rft_val_fmt')?.[0],
    title: f.get('rft.atitle')?.[0] ?? f.get('rft.btitle')?.[0] ?? f.get('rft.title')?.[0],
    authors: f.get('rft.au') ?? [],
    year: f.get('rft.date')?.[0] ?? '',
    doi: ids.find((i) => i.startsWith('info:doi/'))?.slice('info:doi/'.length),
    pmid: ids.find((i) => i.startsWith('info:pmid/'))?.slice('info:pmid/'.length),
  };
}

describe('COinS spans', () => {
  const index = buildReviewIndex('content');
  const formatted = formatReferences(index.references);
  const provenance = { evidence: index.evidence, sourceKey: index.sourceKey };

  test('every entry of the bibliography carries one, and reads back as its record', () => {
    const html = index.references.map((r) => toHtml(referenceEntry(r.id, { numbers: index.numbers, records: index.recordsById, formatted, provenance }))).join('');
    const tree = fromHtml(html, { fragment: true });
    const entries = selectAll('li.reference', tree);
    expect(entries.length).toBe(index.references.length);
    for (const li of entries) {
      const id = String(li.properties['id']).slice('ref-'.length);
      const record = index.recordsById.get(id) as CslRecord;
      const spans = selectAll('span.Z3988', li);
      expect(spans.length, id).toBe(1);
      const span = spans[0] as Element;
      expect(span.children, id).toEqual([]);
      expect(span.properties['ariaHidden'], id).toBe('true');
      const got = read(String(span.properties['title']));
      expect(got.format, id).toBe('info:ofi/fmt:kev:mtx:journal');
      expect(got.title, id).toBe(record.title);
      expect(got.authors, id).toEqual(authors(record));
      expect(got.year, id).toBe(year(record));
      expect(got.doi, id).toBe(record.DOI);
      expect(got.pmid, id).toBe(record.PMID);
    }
  });

  test('a journal article gives journal, volume, pages and first author as OpenURL fields', () => {
    const kev = buildCoins({ id: 'x', type: 'article-journal', title: 'Cells & matrix: a test?', 'container-title': 'J Disc', author: [{ family: 'Smith', given: 'A B' }, { literal: 'The Group' }], issued: { 'date-parts': [[2020, 5]] }, volume: '12', issue: '3', page: '100–110', DOI: '10.1000/x(1)', PMID: '123' });
    expect(kev.startsWith('ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal&')).toBe(true);
    const f = parseCoins(kev);
    expect(f.get('rft.atitle')).toEqual(['Cells & matrix: a test?']);
    expect(f.get('rft.jtitle')).toEqual(['J Disc']);
    expect(f.get('rft.aulast')).toEqual(['Smith']);
    expect(f.get('rft.aufirst')).toEqual(['A B']);
    expect(f.get('rft.au')).toEqual(['Smith, A B', 'The Group']);
    expect([f.get('rft.volume'), f.get('rft.issue'), f.get('rft.spage'), f.get('rft.epage')]).toEqual([['12'], ['3'], ['100'], ['110']]);
    expect(f.get('rft_id')).toEqual(['info:doi/10.1000/x(1)', 'info:pmid/123']);
    expect(kev).not.toMatch(/[ &](?![a-z_.]+=)/);
  });

  test.each([
    ['book', 'info:ofi/fmt:kev:mtx:book', 'rft.btitle'],
    ['chapter', 'info:ofi/fmt:kev:mtx:book', 'rft.atitle'],
    ['webpage', 'info:ofi/fmt:kev:mtx:dc', 'rft.title'],
  ])('a %s uses %s', (type, format, titleKey) => {
    const f = parseCoins(buildCoins({ id: 'y', type, title: 'A title', 'container-title': 'Host' }));
    expect(f.get('rft_val_fmt')).toEqual([format]);
    expect(f.get(titleKey)).toEqual(['A title']);
  });
});
