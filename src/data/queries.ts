import { getCollection, type CollectionEntry } from 'astro:content';
import { buildReviewIndex, type ReviewIndex } from '../lib/content/review-index.ts';
import { join } from 'node:path';
import { contentDir } from '../lib/site/site-env.ts';
import { hasCommunityEntries } from '../lib/content/community.ts';
import { siteCitationRecord } from '../lib/bibliography/site-citation.ts';
import type { CslRecord } from '../lib/bibliography/reference-links.ts';
import { absoluteUrl } from '../lib/site/urls.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** Published chapters in reading order. */
export async function getChapters(): Promise<Chapter[]> {
  const all = await getCollection('chapters', (c) => !c.data.draft);
  return all.sort((a, b) => a.data.order - b.data.order);
}

export async function getHome(): Promise<CollectionEntry<'home'>> {
  const [home] = await getCollection('home');
  if (!home) throw new Error(`${contentDir()}/home.mdx is missing: it holds the review's title, TL;DR and summary`);
  return home;
}

// The day of the build stands for the day the site was read: a static page cannot know the reader's day.
const BUILT_ON = new Date();

/** The site's own citation record, the same on the page and in its downloads; `site` is Astro's (SITE_URL). */
export async function getSiteCitation(site: URL | undefined): Promise<CslRecord> {
  const home = await getHome();
  const url = absoluteUrl(site, import.meta.env.BASE_URL, '');
  return siteCitationRecord({ title: home.data.title, siteName: home.data.siteName, url, updated: home.data.updated, accessed: BUILT_ON });
}

export function getReviewIndex(): ReviewIndex {
  return buildReviewIndex(contentDir());
}

/** The collection's ids are the slugs, made by `chapterSlug` (see content.config.ts). */
export function chapterSlugOf(entry: Chapter): string {
  return entry.id;
}

/** Keys cited on one page ('' for the home page), in review-wide number order. */
export function citedOn(page: string | undefined): string[] {
  const index = getReviewIndex();
  const keys = page === undefined ? [...index.sitesByKey.keys()] : [...(index.keysByPage.get(page)?.keys() ?? [])];
  return keys.sort((a, b) => (index.numbers.get(a) ?? 0) - (index.numbers.get(b) ?? 0));
}

export type CommunityEntry = CollectionEntry<'community'>;

/** Readers' reviews, talks and videos, newest first. */
export async function getCommunity(): Promise<CommunityEntry[]> {
  // getCollection warns about an empty collection on every page that asks; none is not a mistake here.
  if (!hasCommunityEntries(join(contentDir(), 'community'))) return [];
  const all = await getCollection('community');
  return all.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}
