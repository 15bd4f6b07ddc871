import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviewIndex } from '../data/queries.ts';
import { exportReferences } from '../lib/bibliography/bibliography.ts';
import { BIBLIOGRAPHY_DOWNLOADS, downloadRecords } from '../lib/bibliography/bibliography-downloads.ts';

export const getStaticPaths = (() => BIBLIOGRAPHY_DOWNLOADS.map((download) => ({ params: { bibliography: download.file }, props: { download } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ download: (typeof BIBLIOGRAPHY_DOWNLOADS)[number] }> = ({ props: { download } }) => {
  const index = getReviewIndex();
  const records = downloadRecords(index.references, index.numbers, download.scope);
  return new Response(exportReferences(records, download.format), { headers: { 'Content-Type': `${download.contentType}; charset=utf-8` } });
};
