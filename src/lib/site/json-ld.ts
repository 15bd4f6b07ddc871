import type { Entity } from '../entities/entities.ts';
import { identifierLinks } from '../entities/entities.ts';
import { buildReferenceLinks, type CslRecord } from '../bibliography/reference-links.ts';

type Person = { family?: string; given?: string; literal?: string };

/** schema.org ScholarlyArticle for a page of the site: what it is based on, what it cites and what it is about. */
export function scholarlyArticle({ title, description, url, siteName, updated, source, cited, about }: {
  title: string;
  description: string;
  /** Undefined when the site's public URL is not known. */
  url: string | undefined;
  siteName: string;
  updated: Date;
  source: CslRecord | undefined;
  cited: readonly CslRecord[];
  about: readonly Entity[];
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: title,
    name: title,
    description,
    ...(url ? { url } : {}),
    dateModified: updated.toISOString().slice(0, 10),
    author: { '@type': 'Organization', name: siteName },
    publisher: { '@type': 'Organization', name: siteName },
    ...(source ? { isBasedOn: work(source) } : {}),
    citation: cited.map(work),
    about: about.map((e) => ({ '@type': 'Thing', name: e.label, sameAs: identifierLinks(e).map((l) => l.href) })),
  };
}

function work(record: CslRecord): Record<string, unknown> {
  const people = ((record['author'] as Person[] | undefined) ?? []).map((p) =>
    p.literal ? { '@type': 'Organization', name: p.literal } : { '@type': 'Person', familyName: p.family, givenName: p.given, name: [p.given, p.family].filter(Boolean).join(' ') });
  const year = (record['issued'] as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0];
  const links = buildReferenceLinks(record).filter((l) => l.kind !== 'PubMed search').map((l) => l.href);
  return {
    '@type': 'ScholarlyArticle',
    name: record.title,
    ...(people.length ? { author: people } : {}),
    ...(year ? { datePublished: String(year) } : {}),
    ...(record['container-title'] ? { isPartOf: { '@type': 'Periodical', name: record['container-title'] } } : {}),
    ...(record.DOI ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: record.DOI } } : {}),
    ...(links.length ? { sameAs: links } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
