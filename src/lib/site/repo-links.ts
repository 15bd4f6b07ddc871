/**
 * Links into the repository the site is built from, for "Suggest an edit" and "Add a review". Off unless REPO_URL
 * is set. EDIT_URL_PATTERN shapes the edit link from `{repo}` and `{path}` (GitHub's form by default); the link for
 * a new file swaps `/edit/` for `/new/` and points at the folder, which GitHub and GitLab both understand.
 */
export interface RepoLinks {
  /** Edit page of a file, by its path from the repository root. */
  edit(path: string): string;
  /** Page for creating a new file in a folder. */
  add(dir: string): string;
}

export function repoLinks(env: NodeJS.ProcessEnv = process.env): RepoLinks | undefined {
  const raw = env['REPO_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try { url = new URL(raw); } catch { throw new Error(`REPO_URL is not a URL: "${raw}"`); }
  if (url.protocol !== 'https:') throw new Error(`REPO_URL must be an https address: "${raw}"`);
  const repo = raw.replace(/\/+$/, '');
  const pattern = env['EDIT_URL_PATTERN']?.trim() || '{repo}/edit/main/{path}';
  if (!pattern.includes('{path}')) throw new Error(`EDIT_URL_PATTERN must contain {path}: "${pattern}"`);
  const fill = (p: string, path: string) => p.replaceAll('{repo}', repo).replaceAll('{path}', path.split('/').map(encodeURIComponent).join('/'));
  return {
    edit: (path) => fill(pattern, path),
    add: (dir) => fill(pattern.replace('/edit/', '/new/'), `${dir.replace(/\/+$/, '')}/`),
  };
}
