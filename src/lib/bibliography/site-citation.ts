import type { CslRecord } from './reference-links.ts';

/** A CSL record for this website itself, so readers can cite the site as well as the review it restates. */
export function siteCitationRecord({ title, siteName, url, updated }: { title: string; siteName: string; url: string; updated: Date }): CslRecord {
  return {
    id: 'site',
    type: 'webpage',
    title,
    'container-title': siteName,
    author: [{ literal: siteName }],
    URL: url,
    issued: { 'date-parts': [[updated.getUTCFullYear(), updated.getUTCMonth() + 1, updated.getUTCDate()]] },
  };
}
