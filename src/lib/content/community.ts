import { existsSync, readdirSync } from 'node:fs';

/** The folder's README explains it; every other Markdown file is one review, talk or video. */
export const COMMUNITY_PATTERN = ['*.md', '!README.md'];

/**
 * Whether content/community/ holds any entry. Astro warns on every build about a collection with no entries
 * (the glob loader, and getCollection again), so an empty folder is read as no collection rather than as a mistake.
 */
export function hasCommunityEntries(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.md') && name !== 'README.md');
}
