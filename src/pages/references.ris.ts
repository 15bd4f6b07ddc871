import type { APIRoute } from 'astro';
import { getReviewIndex } from '../data/queries.ts';
import { exportReferences } from '../lib/bibliography/bibliography.ts';

export const GET: APIRoute = () => new Response(exportReferences(getReviewIndex().references, 'ris'), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
