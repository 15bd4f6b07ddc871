// What readers are shown of the entity list: the entities the chapters mention, and a plain sentence where an entry
// has no record of its own. Curation notes (`notes` in the data) are for maintainers and stay in the data.
import type { Entity } from './entities.ts';

/** The entities mentioned at least once in the chapters, in their given order. */
export function mentionedEntities<E extends Pick<Entity, 'id'>>(entities: readonly E[], mentions: ReadonlyMap<string, readonly { count: number }[]>): E[] {
  return entities.filter((e) => (mentions.get(e.id) ?? []).some((m) => m.count > 0));
}

/** Why an entry links to no database record, in a reader's words. */
export function noRecordSentence(entity: Pick<Entity, 'family' | 'members'>): string {
  return entity.family || entity.members?.length
    ? 'A family of related molecules: no single database record stands for all of them.'
    : 'A broad term: no database record matches it exactly.';
}
