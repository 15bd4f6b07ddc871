import type { APIRoute } from 'astro';
import { getReviewIndex } from '../data/queries.ts';
import { exportReferences } from '../lib/bibliography/bibliography.ts';

export const GET: APIRoute = () => new Response(exportReferences(getReviewIndex().references, 'bibtex'), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
