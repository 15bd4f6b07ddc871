import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { findBibliography, parseBibliography } from './lib/bibliography/bibliography-source.ts';
import { entitySchema, glossarySchema } from './lib/entities/entities.ts';
import { contentDir } from './lib/site/site-env.ts';
import { chapterSlug } from './lib/content/slugs.ts';
import { COMMUNITY_PATTERN, hasCommunityEntries } from './lib/content/community.ts';
import { chapterSchema, communitySchema, homeSchema } from './lib/content/schemas.ts';

const dir = contentDir();

const chapters = defineCollection({
  // The entry id is the page's slug, from the same function as every chapter link (not Astro's own slugger).
  // deferRender: a .md chapter is rendered with the page, so its errors stop the build (rendered at sync time, they
  // were only logged and the page shipped empty).
  loader: glob({ pattern: '*.{md,mdx}', base: join(dir, 'chapters'), generateId: ({ entry }) => chapterSlug(entry), deferRender: true }),
  schema: chapterSchema,
});

const home = defineCollection({
  loader: glob({ pattern: 'home.{md,mdx}', base: dir, deferRender: true }),
  schema: homeSchema,
});

const bibliography = findBibliography(dir);
const references = defineCollection({
  // references.json, .bib or .ris, converted to CSL-JSON records; a review that cites nothing may have none.
  loader: bibliography
    ? file(bibliography.file, { parser: (text) => parseBibliography(text, bibliography.file) as unknown as Record<string, unknown>[] })
    : () => [],
  schema: z.looseObject({ id: z.string(), type: z.string(), title: z.string() }),
});

// The review index has already read these strictly (UTF-8, BOM stripped); the loaders read the same text.
const json = (name: string) => file(join(dir, name), { parser: (text) => JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>[] });
const entities = defineCollection({ loader: json('entities.json'), schema: entitySchema.omit({ id: true }) });
const glossary = defineCollection({ loader: json('glossary.json'), schema: glossarySchema.omit({ id: true }) });

// Readers' reviews, talks and videos about the review: one Markdown file each in community/ (its README is not one).
// An empty folder gets an empty loader: the glob loader would warn "No files found" on every build.
const communityDir = join(dir, 'community');
const community = defineCollection({
  loader: hasCommunityEntries(communityDir) ? glob({ pattern: COMMUNITY_PATTERN, base: communityDir }) : () => [],
  schema: communitySchema,
});

export const collections = { chapters, home, references, entities, glossary, community };
