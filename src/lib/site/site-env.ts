import { resolve } from 'node:path';

/** Where the review lives; a second review builds from another folder with the same code. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['CONTENT_DIR'] ?? 'content');
}

/** Normalises BASE_PATH to '/' or '/sub/path/' so links can be joined without doubled slashes. */
export function basePath(env: NodeJS.ProcessEnv = process.env): string {
  const raw = (env['BASE_PATH'] ?? '/').trim();
  const inner = raw.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['SITE_URL'] ?? 'http://localhost:4321';
}
