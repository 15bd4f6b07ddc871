import type { APIRoute, GetStaticPaths } from 'astro';
import { getHome, getReviewIndex, getSiteCitation } from '../../data/queries.ts';
import { exportReferences, type ExportFormat } from '../../lib/bibliography/bibliography.ts';

const FORMATS: Record<string, { format: ExportFormat; type: string }> = {
  bib: { format: 'bibtex', type: 'application/x-bibtex' },
  ris: { format: 'ris', type: 'application/x-research-info-systems' },
  json: { format: 'csl-json', type: 'application/vnd.citationstyles.csl+json' },
};

export const getStaticPaths = (() =>
  ['source', 'site'].flatMap((which) => Object.keys(FORMATS).map((ext) => ({ params: { file: `${which}.${ext}` } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const [which, ext = 'bib'] = String(params['file']).split('.');
  const home = await getHome();
  const record = which === 'site'
    ? await getSiteCitation(site)
    : getReviewIndex().references.find((r) => r.id === home.data.source);
  const { format, type } = FORMATS[ext] ?? FORMATS['bib']!;
  return new Response(record ? exportReferences([record], format) : '', { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
