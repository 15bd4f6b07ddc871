// SITE_URL and BASE_PATH are read in one place; what it makes of them is what every link, sitemap and citation uses.
import { describe, expect, test } from 'vitest';
import { basePath, siteLocation } from '../../src/lib/site/site-env.ts';
import { ContentError } from '../../src/lib/content/content-error.ts';

describe('siteLocation', () => {
  test.each([
    [{}, { site: undefined, base: '/' }],
    [{ BASE_PATH: 'sub/review' }, { site: undefined, base: '/sub/review/' }],
    [{ SITE_URL: 'https://example.org' }, { site: 'https://example.org', base: '/' }],
    [{ SITE_URL: ' https://example.org/ ' }, { site: 'https://example.org', base: '/' }],
    [{ SITE_URL: 'https://example.org/sub/path' }, { site: 'https://example.org', base: '/sub/path/' }],
    [{ SITE_URL: 'https://example.org/sub/path/', BASE_PATH: '/sub/path' }, { site: 'https://example.org', base: '/sub/path/' }],
    [{ SITE_URL: 'https://example.org', BASE_PATH: '/review/' }, { site: 'https://example.org', base: '/review/' }],
    [{ SITE_URL: 'http://example.org:8080/x' }, { site: 'http://example.org:8080', base: '/x/' }],
  ])('%j → %j', (env, expected) => {
    expect(siteLocation(env)).toEqual(expected);
    expect(basePath(env)).toBe(expected.base);
  });

  test.each([
    [{ SITE_URL: 'example.org' }, 'SITE_URL: "example.org" has no scheme: write the whole address, e.g. SITE_URL=https://example.org [site-url-invalid]'],
    [{ SITE_URL: '//example.org/x' }, 'SITE_URL: "//example.org/x" has no scheme: write the whole address, e.g. SITE_URL=https://example.org/x [site-url-invalid]'],
    [{ SITE_URL: 'ftp://example.org' }, 'SITE_URL: "ftp://example.org" is not an http(s) address [site-url-invalid]'],
    [{ SITE_URL: 'https://' }, 'SITE_URL: "https://" is not a URL [site-url-invalid]'],
    [{ SITE_URL: 'https://example.org/x#top' }, 'SITE_URL: "https://example.org/x#top" has a query, fragment or user name; give the site\'s address only, e.g. https://example.org/x [site-url-invalid]'],
    [{ SITE_URL: 'https://example.org/sub/path', BASE_PATH: '/other/' }, 'SITE_URL: its path "/sub/path/" and BASE_PATH "/other/" disagree; give the path once, as BASE_PATH=/sub/path/ with SITE_URL=https://example.org [site-url-invalid]'],
  ])('%j is refused', (env, message) => {
    const error = (() => { try { siteLocation(env); } catch (e) { return e; } return undefined; })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe(message);
    expect((error as ContentError).ruleId).toBe('site-url-invalid');
  });
});
