import { resolve } from 'node:path';
import { ContentError } from '../content/content-error.ts';

/** Where the review lives; a second review builds from another folder with the same code. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['CONTENT_DIR'] ?? 'content');
}

/** Where the built site is served: its public origin (none when SITE_URL is unset) and the path under it. */
export interface SiteLocation {
  /** `https://example.org`, without a path; undefined when the site's public address is not known. */
  site: string | undefined;
  /** `/` or `/sub/path/`. */
  base: string;
}

/** `/sub/path`, `sub/path/`, `` → `/sub/path/` or `/`, so links can be joined without doubled slashes. */
function normalisePath(raw: string): string {
  const inner = raw.trim().split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

const invalid = (reason: string) => new ContentError('site-url-invalid', 'SITE_URL', undefined, reason);

/**
 * The one place SITE_URL and BASE_PATH are read. A path in SITE_URL (`https://example.org/sub/path`) becomes the
 * base, as BASE_PATH would; when both give a path they must agree. A SITE_URL the site cannot build links from
 * (no scheme, not http(s), a query or fragment) throws `SITE_URL: … [site-url-invalid]`.
 */
export function siteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  const raw = (env['SITE_URL'] ?? '').trim();
  const basePathSet = (env['BASE_PATH'] ?? '').trim() !== '';
  const fromBasePath = normalisePath(env['BASE_PATH'] ?? '/');
  if (!raw) return { site: undefined, base: fromBasePath };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw invalid(`"${raw}" has no scheme: write the whole address, e.g. SITE_URL=https://${raw.replace(/^\/+/, '')}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`"${raw}" is not an http(s) address`);
  if (url.search || url.hash || url.username || url.password) throw invalid(`"${raw}" has a query, fragment or user name; give the site's address only, e.g. ${url.origin}${url.pathname}`);
  const fromUrl = normalisePath(url.pathname);
  if (fromUrl !== '/' && basePathSet && fromUrl !== fromBasePath) {
    throw invalid(`its path "${fromUrl}" and BASE_PATH "${fromBasePath}" disagree; give the path once, as BASE_PATH=${fromUrl} with SITE_URL=${url.origin}`);
  }
  return { site: url.origin, base: fromUrl !== '/' ? fromUrl : fromBasePath };
}

/** The path the site is served under: BASE_PATH, or the path of SITE_URL. */
export function basePath(env: NodeJS.ProcessEnv = process.env): string {
  return siteLocation(env).base;
}
