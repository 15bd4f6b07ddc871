import type { APIRoute, GetStaticPaths } from 'astro';
import { getHome, getReviewIndex } from '../../data/queries.ts';
import { exportReferences, type ExportFormat } from '../../lib/bibliography/bibliography.ts';
import { siteCitationRecord } from '../../lib/bibliography/site-citation.ts';
import { withBase } from '../../lib/site/urls.ts';

const FORMATS: Record<string, { format: ExportFormat; type: string }> = {
  bib: { format: 'bibtex', type: 'application/x-bibtex' },
  ris: { format: 'ris', type: 'application/x-research-info-systems' },
};

export const getStaticPaths = (() =>
  ['source', 'site'].flatMap((which) => Object.keys(FORMATS).map((ext) => ({ params: { file: `${which}.${ext}` } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const [which, ext = 'bib'] = String(params['file']).split('.');
  const home = await getHome();
  const record = which === 'site'
    ? siteCitationRecord({ title: home.data.title, siteName: home.data.siteName, url: new URL(withBase(import.meta.env.BASE_URL, ''), site).href, updated: home.data.updated })
    : getReviewIndex().references.find((r) => r.id === home.data.source);
  const { format, type } = FORMATS[ext] ?? FORMATS['bib']!;
  return new Response(record ? exportReferences([record], format) : '', { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
