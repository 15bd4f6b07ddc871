import { describe, expect, test } from 'vitest';
import { entityRecords, glossaryRecords } from '../../src/lib/search/search-records.ts';

const entity = {
  id: 'cxcr4', type: 'gene', label: 'CXCR4 (C-X-C motif chemokine receptor 4)', symbol: 'CXCR4', textForms: ['CXCR4'],
  aliases: ['CXCR4', 'C-X-C motif chemokine receptor 4', 'CD184', 'fusin', 'LESTR'],
};
const glossary = [{ id: 'cxcr4', term: 'CXCR4', expansion: 'C-X-C motif chemokine receptor 4', definition: 'A receptor on the cell surface that binds SDF-1.' }];

describe('entity and glossary records: found by every name, shown by what they are', () => {
  test('an entity is found by its aliases but summarised by its label and the glossary\'s definition', () => {
    const [record] = entityRecords([entity], 'en', glossary);
    expect(record?.content).toContain('fusin');
    expect(record?.meta['summary']).toBe('CXCR4 (C-X-C motif chemokine receptor 4): A receptor on the cell surface that binds SDF-1.');
  });

  test('an entity the glossary does not define is summarised by its label alone, not a list of aliases', () => {
    const [record] = entityRecords([entity], 'en', []);
    expect(record?.meta['summary']).toBe('CXCR4 (C-X-C motif chemokine receptor 4)');
  });

  test('a glossary entry is summarised by its term, expansion and definition', () => {
    const [record] = glossaryRecords(glossary, 'en');
    expect(record?.meta['summary']).toBe('CXCR4 (C-X-C motif chemokine receptor 4): A receptor on the cell surface that binds SDF-1.');
  });
});
