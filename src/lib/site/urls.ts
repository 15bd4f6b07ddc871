/** Joins the site's base path and a site-relative path: `withBase('/', 'chapters/x/')` → `/chapters/x/`. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export function chapterPath(slug: string): string {
  return `chapters/${slug}/`;
}

/** The public address of a site-relative path, or undefined when the site's public URL (SITE_URL) is not known. */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string | undefined {
  return site ? new URL(withBase(base, path), site).href : undefined;
}
