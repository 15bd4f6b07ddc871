import type { APIRoute } from 'astro';
import { getReviewIndex } from '../data/queries.ts';
import { identifierLinks } from '../lib/entities/entities.ts';
import { typeLabel } from '../lib/entities/entity-types.ts';
import { noRecordSentence } from '../lib/entities/reader-entities.ts';

/** Everything an entity card shows, keyed by entity id; fetched by the card script on first hover. */
export const GET: APIRoute = () => {
  const index = getReviewIndex();
  const cards = Object.fromEntries(index.entities.map((e) => [e.id, {
    label: e.label,
    type: typeLabel(e.type, { one: true }),
    names: [...new Set([e.symbol, ...e.textForms, ...e.aliases].filter((n): n is string => !!n && n !== e.label))].slice(0, 8),
    links: identifierLinks(e).map(({ label, id, href }) => ({ label, id, href })),
    ...(identifierLinks(e).length ? {} : { note: noRecordSentence(e) }),
    mentions: (index.entityMentions.get(e.id) ?? []).reduce((n, s) => n + s.count, 0),
  }]));
  return new Response(JSON.stringify(cards), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
