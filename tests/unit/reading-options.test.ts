import { describe, expect, test } from 'vitest';
import { repoLinks } from '../../src/lib/site/repo-links.ts';
import { highlightLegend } from '../../src/lib/entities/entity-types.ts';

describe('repository links', () => {
  test('are off without REPO_URL', () => {
    expect(repoLinks({})).toBeUndefined();
    expect(repoLinks({ REPO_URL: '  ' })).toBeUndefined();
  });

  test.each([
    [{ REPO_URL: 'https://github.com/o/r/' }, 'https://github.com/o/r/edit/main/content/chapters/01-a.mdx', 'https://github.com/o/r/new/main/content/community/'],
    [{ REPO_URL: 'https://gitlab.com/o/r', EDIT_URL_PATTERN: '{repo}/-/edit/trunk/{path}' }, 'https://gitlab.com/o/r/-/edit/trunk/content/chapters/01-a.mdx', 'https://gitlab.com/o/r/-/new/trunk/content/community/'],
  ])('edit and new-file links for %j', (env, edit, add) => {
    const links = repoLinks(env)!;
    expect(links.edit('content/chapters/01-a.mdx')).toBe(edit);
    expect(links.add('content/community')).toBe(add);
  });

  test('escape each path segment, keeping the slashes', () => {
    expect(repoLinks({ REPO_URL: 'https://github.com/o/r' })!.edit('content/a b#c.md')).toBe('https://github.com/o/r/edit/main/content/a%20b%23c.md');
  });

  test.each([
    [{ REPO_URL: 'not a url' }, /REPO_URL is not a URL/],
    [{ REPO_URL: 'http://github.com/o/r' }, /https/],
    [{ REPO_URL: 'https://github.com/o/r', EDIT_URL_PATTERN: '{repo}/edit' }, /\{path\}/],
  ])('bad settings fail the build with the reason: %j', (env, message) => {
    expect(() => repoLinks(env)).toThrow(message);
  });
});

describe('highlight legend', () => {
  test('names the kinds present, in a fixed order, folding unknown kinds into one', () => {
    expect(highlightLegend(['species', 'mirna', 'trial', 'gene', 'cellType'])).toEqual([
      { group: 'gene', label: 'Genes and proteins' },
      { group: 'cell', label: 'Cell types' },
      { group: 'species', label: 'Species' },
      { group: 'other', label: 'Other terms' },
    ]);
    expect(highlightLegend([])).toEqual([]);
  });
});
