import { describe, expect, test } from 'vitest';
import { chapter, miniReview, render } from '../support/pipeline.ts';

const entities = [
  { id: 'il1b', type: 'gene', label: 'IL1B', textForms: ['IL-1β'], aliases: ['IL1B'], status: 'verified', ids: { ncbiGene: '3553' } },
  { id: 'il1', type: 'gene', label: 'IL-1 family', textForms: ['IL-1'], aliases: [], status: 'partly', ids: {} },
  { id: 'il10', type: 'gene', label: 'IL10', textForms: ['IL-10'], aliases: [], status: 'verified', ids: {} },
  { id: 'nppc', type: 'cellType', label: 'NP progenitor cell', textForms: ['NPPC'], aliases: [], status: 'verified', ids: {} },
  { id: 'rat', type: 'species', label: 'rat', textForms: ['rat'], aliases: [], status: 'verified', ids: { taxonomy: '10116' } },
];
const glossary = [{ id: 'ecm', term: 'ECM', expansion: 'extracellular matrix', definition: 'd', plural: 'ECMs' }];

describe('citations across chapters', () => {
  const review = miniReview({
    chapters: {
      '01-a.md': chapter(1, 'A', 'One [@gamma2022]. Two [@alpha2020; @beta2021].'),
      '02-b.md': chapter(2, 'B', 'Group [@delta2023; @alpha2020; @beta2021; @gamma2022] and [@beta2021].'),
    },
  });

  test('numbers follow first citation through the chapters in order', () => {
    expect([...review.index.numbers]).toEqual([['gamma2022', 1], ['alpha2020', 2], ['beta2021', 3], ['delta2023', 4]]);
  });

  test('a group compresses to a range whose ends link to their own entries', async () => {
    const html = await render(review, '02-b.md');
    expect(html).toContain('<span id="cite-1" class="citation" data-cites="delta2023 alpha2020 beta2021 gamma2022">[<a href="#ref-gamma2022" aria-label="Reference 1">1</a>–<a href="#ref-delta2023" aria-label="Reference 4">4</a>]</span>');
    expect(html).toContain('<span id="cite-2" class="citation" data-cites="beta2021">[<a href="#ref-beta2021" aria-label="Reference 3">3</a>]</span>');
  });

  test('each chapter lists its works under review-wide numbers, with identifier links', async () => {
    const html = await render(review, '01-a.md');
    const ids = [...html.matchAll(/<li id="ref-(\w+)" value="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([['gamma2022', '1'], ['alpha2020', '2'], ['beta2021', '3']]);
    expect(html).toContain('href="https://doi.org/10.1000/one"');
    expect(html).toContain('href="https://pubmed.ncbi.nlm.nih.gov/111/"');
    expect(html).toContain('href="https://pmc.ncbi.nlm.nih.gov/articles/PMC222/"');
    expect(html).toMatch(/href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\?term=Third%20paper%5BTitle%5D"/);
    expect(html).not.toContain('id="refs"');
  });

  test('an unknown key fails with the file, line and key', async () => {
    const bad = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'Fine [@alpha2020].\n\nLine two [@nobody1999].') } });
    await expect(render(bad, '01-a.md')).rejects.toThrow(/Unknown citation key "@nobody1999"/);
    await expect(render(bad, '01-a.md')).rejects.toMatchObject({ line: 3, ruleId: 'citation-unknown-key' });
  });
});

describe('entity mentions', () => {
  const body = [
    '## First section',
    'IL-1β rises, IL-10 falls, IL-1 is a family; NPPCs and an NPPC in a rat and rats.',
    'IL-1β again is not linked twice in one section.',
    '## Second section',
    'IL-1β is linked again here, not in `IL-1β code` or [a link IL-1β](https://example.org) or [@alpha2020].',
    '### A heading with IL-10',
    'SuperIL-1β and IL-1βx are not whole tokens.',
  ].join('\n\n');
  const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', body) }, entities, glossary });

  test.each([
    ['IL-1β', 'il1b'],
    ['IL-10', 'il10'],
    ['IL-1', 'il1'],
    ['NPPCs', 'nppc'],
    ['rat', 'rat'],
  ])('marks %s as %s', async (text, id) => {
    const html = await render(review, '01-a.md');
    const type = entities.find((e) => e.id === id)?.type;
    expect(html).toContain(`<a class="entity" href="/entities/#${id}" data-entity="${id}" data-type="${type}" tabindex="-1">${text}</a>`);
  });

  test('links the first mention per section only, and marks nothing inside headings, code, links or citations', async () => {
    const html = await render(review, '01-a.md');
    expect(html.match(/<a class="entity"[^>]*data-entity="il1b"/g)).toHaveLength(2);
    expect(html).toContain('<code>IL-1β code</code>');
    expect(html).toMatch(/<h3[^>]*>A heading with IL-10/);
    expect(html).toContain('SuperIL-1β and IL-1βx');
  });

  test('later mentions in a section are quiet spans with the same id and type, for the reader who asks to highlight them', async () => {
    const html = await render(review, '01-a.md');
    expect(html).toContain('<span class="mention" data-entity="il1b" data-type="gene">IL-1β</span> again is not linked twice');
    expect(html).toContain('an <span class="mention" data-entity="nppc" data-type="cellType">NPPC</span> in a');
    expect(html).toContain('and <span class="mention" data-entity="rat" data-type="species">rats</span>.');
    // Every prose mention is marked once, linked or not: the counts the entities page shows.
    expect(html.match(/data-entity="il1b"/g)).toHaveLength(3);
  });

  test('counts every mention by section for the entities page', () => {
    const sites = review.index.entityMentions.get('il1b');
    // Code is not prose; link text is. Partial tokens in the last section do not count.
    expect(sites?.map((s) => [s.sectionId, s.count])).toEqual([['first-section', 2], ['second-section', 2]]);
  });
});

describe('abbreviations', () => {
  test('the first use on a page gets its expansion, plural forms included', async () => {
    const review = miniReview({ chapters: { '01-a.md': chapter(1, 'A', 'ECMs form. The ECM again.') }, glossary });
    const html = await render(review, '01-a.md');
    expect(html).toContain('<abbr title="extracellular matrix">ECMs</abbr> form. The ECM again.');
  });
});

describe('internal links', () => {
  const review = miniReview({
    chapters: {
      '01-a.md': chapter(1, 'A', 'See [b](./02-b.md#part-two) and [refs](/references/).'),
      '02-b.md': chapter(2, 'B', '## Part two\n\nText.'),
      '03-c.md': chapter(3, 'C', 'Broken [x](./02-b.md#nowhere).'),
      '04-d.md': chapter(4, 'D', 'Broken [y](./09-missing.md).'),
    },
  });

  test('chapter files become page URLs', async () => {
    const html = await render(review, '01-a.md');
    expect(html).toContain('href="/chapters/b/#part-two"');
    expect(html).toContain('href="/references/"');
  });

  test.each([['03-c.md', /no heading with id "nowhere"/], ['04-d.md', /no chapter file "09-missing.md"/]])('%s fails the build', async (name, message) => {
    await expect(render(review, name)).rejects.toThrow(message);
  });
});
