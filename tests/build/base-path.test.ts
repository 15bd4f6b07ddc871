// The site can live under a sub-path (as on GitHub Pages): every internal link must carry it and resolve.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';
import { builtPages, resolveInDist } from '../support/dist-pages.ts';

/** Every internal link of a built site starts with the base and resolves; every page's canonical URL is under site + base. */
function expectServedUnder(out: string, base: string, canonicalPrefix: string): void {
  const broken: string[] = [];
  let checked = 0;
  for (const page of builtPages(out)) {
    for (const { value } of page.links) {
      if (/^(https?:|mailto:|data:|#)/.test(value)) continue;
      checked += 1;
      if (!value.startsWith(base)) { broken.push(`${page.path}: ${value}`); continue; }
      if (!resolveInDist(out, new URL(value, 'http://x').pathname.slice(base.length - 1))) broken.push(`${page.path}: ${value} (missing)`);
    }
    expect(page.html, page.path).toContain(`<link rel="canonical" href="${canonicalPrefix}`);
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(50);
  expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${canonicalPrefix}sitemap-index.xml`);
  expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${canonicalPrefix}chapters/`);
}

test('with BASE_PATH=/sub/review/ and SITE_URL set, every internal link starts with the base and resolves', () => {
  const content = copyFixture();
  const out = `${content}-dist`;
  const result = buildSite(content, out, { BASE_PATH: '/sub/review/', SITE_URL: 'https://example.org' });
  expect(result.status, result.output).toBe(0);
  expectServedUnder(out, '/sub/review/', 'https://example.org/sub/review/');
});

test('a path in SITE_URL becomes the base: links, canonical URLs, sitemap and robots.txt all carry it', () => {
  const content = copyFixture();
  const out = `${content}-dist`;
  const result = buildSite(content, out, { SITE_URL: 'https://example.org/sub/path' });
  expect(result.status, result.output).toBe(0);
  expectServedUnder(out, '/sub/path/', 'https://example.org/sub/path/');
});

describe('a SITE_URL the links cannot be built from stops the build, and dist/ is left as it was', () => {
  test.each([
    ['no scheme', { SITE_URL: 'example.org/review' }, /SITE_URL: "example\.org\/review" has no scheme: write the whole address, e\.g\. SITE_URL=https:\/\/example\.org\/review \[site-url-invalid\]/],
    ['not http(s)', { SITE_URL: 'ftp://example.org/' }, /SITE_URL: "ftp:\/\/example\.org\/" is not an http\(s\) address \[site-url-invalid\]/],
    ['a query', { SITE_URL: 'https://example.org/?x=1' }, /SITE_URL: .* has a query, fragment or user name.* \[site-url-invalid\]/],
    ['a path that BASE_PATH contradicts', { SITE_URL: 'https://example.org/sub/path', BASE_PATH: '/other/' },
      /SITE_URL: its path "\/sub\/path\/" and BASE_PATH "\/other\/" disagree; give the path once, as BASE_PATH=\/sub\/path\/ with SITE_URL=https:\/\/example\.org \[site-url-invalid\]/],
  ])('%s', (_, env, message) => {
    const content = copyFixture();
    const out = `${content}-dist`;
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'last good build');
    const result = buildSite(content, out, env);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
  });
});
