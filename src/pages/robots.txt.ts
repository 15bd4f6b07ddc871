import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/urls.ts';

// A sitemap exists only when the site's public URL is known (SITE_URL); a relative Sitemap line is not allowed.
export const GET: APIRoute = ({ site }) => {
  const sitemap = site ? `\nSitemap: ${new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
