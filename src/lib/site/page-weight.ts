import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  html: Weight;
  css: Weight;
  js: Weight;
  total: Weight;
}

export function weigh(bytes: Buffer | string): Weight {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}

const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Weight = { raw: 0, gzip: 0 };

/**
 * What a page costs before any interaction: its HTML plus the stylesheets and scripts it references directly,
 * as resolved by `read` (site-relative path → bytes). Modules loaded on demand (search) are not counted.
 */
export function pageWeight(html: string, read: (path: string) => Buffer): PageWeight {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => weigh(read(m[1] ?? ''))).reduce(add, ZERO);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => weigh(read(m[1] ?? ''))).reduce(add, ZERO);
  const page = weigh(html);
  return { html: page, css, js, total: add(add(page, css), js) };
}
