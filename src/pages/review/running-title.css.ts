import type { APIRoute } from 'astro';
import { getHome } from '../../data/queries.ts';

// The review's title at the top of every printed page but the first. A stylesheet of its own because the
// Content-Security-Policy allows no inline styles and CSS cannot take the title from the page.
export const GET: APIRoute = async () => {
  const { data } = await getHome();
  const css = `@page { @top-center { content: ${JSON.stringify(data.title)}; } }\n@page :first { @top-center { content: none; } }\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
