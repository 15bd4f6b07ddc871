/** Joins the site's base path and a site-relative path: `withBase('/', 'chapters/x/')` → `/chapters/x/`. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export function chapterPath(slug: string): string {
  return `chapters/${slug}/`;
}
