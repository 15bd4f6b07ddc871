import { withBase } from '../site/urls.ts';

/** The evidence page, site-relative (`evidence/`), as link building and the page list know it. */
export const EVIDENCE_PAGE = 'evidence/';

/** A row's address on the evidence page, site-relative as chapters write links (`/evidence/#id`); the link plugin adds the base. */
export const evidenceRowPath = (id: string) => `/${EVIDENCE_PAGE}#${id}`;

/** A row's address with the site's base, for pages and data built outside the Markdown pipeline. */
export const evidenceUrl = (base: string, id: string) => `${withBase(base, EVIDENCE_PAGE)}#${id}`;
