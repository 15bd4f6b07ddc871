// An alias is a search synonym: one equal to a chapter title or another entity's name is warned about, with its line.
import { afterEach, expect, test, vi } from 'vitest';
import { checkAliases, entitySchema } from '../../src/lib/entities/entities.ts';

const entity = (id: string, label: string, textForms: string[], aliases: string[]) => entitySchema.parse({ id, type: 'gene', label, textForms, aliases, status: 'unverified' });
const warnings = () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => warn.mock.calls.map((c) => String(c[0]));
};
afterEach(() => { vi.restoreAllMocks(); });

test.each([
  ['a chapter title', [entity('tie2', 'Tie2', ['Tie2'], ['  progenitor   Cells '])], 'alias "  progenitor   Cells " is also the chapter title "Progenitor cells"'],
  ['another entity\'s name', [entity('a', 'Alpha', ['A1'], []), entity('b', 'Beta', ['B1'], ['alpha'])], 'alias "alpha" is also the name of entity "a"'],
  ['another entity\'s text form', [entity('a', 'Alpha', ['A1'], []), entity('b', 'Beta', ['B1'], ['A1'])], 'alias "A1" is also the text form "A1" of entity "a"'],
])('an alias equal to %s warns at its line', (_, list, reason) => {
  const read = warnings();
  const text = JSON.stringify(list, null, 2);
  checkAliases(list, ['Progenitor cells'], 'entities.json', text);
  const alias = list.flatMap((e) => e.aliases)[0]!;
  const line = text.split('\n').findLastIndex((l) => l.trim() === JSON.stringify(alias)) + 1; // the alias comes after any text form it repeats
  expect(read()).toEqual([`warning: entities.json:${line}: entity "${list.at(-1)!.id}": ${reason}; a search for it would find this entity [entity-alias-collision]`]);
});

test('aliases that name only their own entity, or another form of a name, pass', () => {
  const read = warnings();
  const list = [entity('vegfa', 'VEGF-A', ['VEGF'], ['VEGFA']), entity('vegf-family', 'VEGF family', ['VEGFs'], ['vascular endothelial growth factors', 'VEGF family'])];
  checkAliases(list, ['Growth factors'], 'entities.json', JSON.stringify(list, null, 2));
  expect(read()).toEqual([]);
});
