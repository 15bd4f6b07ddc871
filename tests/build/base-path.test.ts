// The site can live under a sub-path (as on GitHub Pages): every internal link must carry it and resolve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';
import { builtPages, resolveInDist } from '../support/dist-pages.ts';

test('with BASE_PATH=/sub/review/ and SITE_URL set, every internal link starts with the base and resolves', () => {
  const content = copyFixture();
  const out = `${content}-dist`;
  const result = buildSite(content, out, { BASE_PATH: '/sub/review/', SITE_URL: 'https://example.org' });
  expect(result.status, result.output).toBe(0);
  const pages = builtPages(out);
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const { value } of page.links) {
      if (/^(https?:|mailto:|data:|#)/.test(value)) continue;
      checked += 1;
      if (!value.startsWith('/sub/review/')) { broken.push(`${page.path}: ${value}`); continue; }
      if (!resolveInDist(out, new URL(value, 'http://x').pathname.slice('/sub/review'.length))) broken.push(`${page.path}: ${value} (missing)`);
    }
    expect(page.html, page.path).toMatch(/<link rel="canonical" href="https:\/\/example\.org\/sub\/review\//);
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(50);
  expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/sub/review/sitemap-index.xml');
});
