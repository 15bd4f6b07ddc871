import type { CslRecord } from './reference-links.ts';

const dateParts = (d: Date) => ({ 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] });

/**
 * A CSL record for this website itself, so readers can cite the site as well as the review it restates. The site
 * is named once (as the author; a container of the same name would print it twice). Without a public URL the
 * record has none: an address only valid on the builder's machine must not end up in a citation.
 */
export function siteCitationRecord({ title, siteName, url, updated, accessed }: { title: string; siteName: string; url: string | undefined; updated: Date; accessed: Date }): CslRecord {
  return {
    id: 'site',
    type: 'webpage',
    title,
    author: [{ literal: siteName }],
    ...(url ? { URL: url } : {}),
    issued: dateParts(updated),
    accessed: dateParts(accessed),
  };
}
