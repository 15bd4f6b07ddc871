import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviewIndex } from '../data/queries.ts';
import { evidenceCsv, evidenceJson, exportRows } from '../lib/evidence/evidence-export.ts';
import { evidenceViewContext, viewEvidence } from '../lib/evidence/evidence-view.ts';

// /evidence.csv and /evidence.json, the same rows as /evidence/; only when the review has evidence data.
export const getStaticPaths = (() => (getReviewIndex().evidenceRows ? ['csv', 'json'].map((format) => ({ params: { format } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const index = getReviewIndex();
  const data = index.evidenceRows;
  if (!data) return new Response('', { status: 404 });
  const rows = exportRows(viewEvidence(data, evidenceViewContext(index)));
  return params['format'] === 'csv'
    ? new Response(evidenceCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } })
    : new Response(evidenceJson(data, rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
