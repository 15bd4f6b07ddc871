import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { findBibliography, parseBibliography } from './lib/bibliography/bibliography-source.ts';
import { entitySchema, glossarySchema } from './lib/entities/entities.ts';
import { contentDir } from './lib/site/site-env.ts';
import { chapterSlug } from './lib/content/slugs.ts';
import { COMMUNITY_PATTERN, hasCommunityEntries } from './lib/content/community.ts';

const dir = contentDir();

const chapters = defineCollection({
  // The entry id is the page's slug, from the same function as every chapter link (not Astro's own slugger).
  // deferRender: a .md chapter is rendered with the page, so its errors stop the build (rendered at sync time, they
  // were only logged and the page shipped empty).
  loader: glob({ pattern: '*.{md,mdx}', base: join(dir, 'chapters'), generateId: ({ entry }) => chapterSlug(entry), deferRender: true }),
  schema: z.object({
    /** Chapter title, shown as the page's h1 and in navigation. */
    title: z.string().min(1),
    /** Position in the review; unique across chapters. */
    order: z.number().int().positive(),
    /** One line for the chapter list on the home page. */
    summary: z.string().min(1),
    /** Drafts are left out of the built site. */
    draft: z.boolean().default(false),
  }).strict(),
});

const home = defineCollection({
  loader: glob({ pattern: 'home.{md,mdx}', base: dir, deferRender: true }),
  schema: z.object({
    /** The review's title. */
    title: z.string().min(1),
    /** One short paragraph for a busy reader. */
    tldr: z.string().min(1),
    /**
     * Three to six findings, one sentence each: plain text, or `{ text, link, editorial }` where `link` names the
     * chapter passage that develops it (`06-results.mdx#heading-id`) and `editorial` marks what the site adds.
     */
    keyFindings: z.array(z.union([
      z.string().min(1),
      z.object({ text: z.string().min(1), link: z.string().min(1).optional(), editorial: z.boolean().default(false) }).strict(),
    ])).min(3).max(6),
    /** Short description for search engines and link previews. */
    description: z.string().min(1),
    /** Citation key of the work this site restates. */
    source: z.string().min(1),
    /** Funders named in the source. */
    funding: z.array(z.string()).default([]),
    /** Subject areas, shown on the home page. */
    topics: z.array(z.string()).default([]),
    /** Name of this site, for "cite this site". */
    siteName: z.string().min(1),
    /** Date the site's text was last revised (YYYY-MM-DD). */
    updated: z.coerce.date(),
  }).strict(),
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
  schema: z.object({
    /** `review` for a written review or commentary; `talk` or `video` for a recording. */
    kind: z.enum(['review', 'talk', 'video']),
    /** Title of the piece. */
    title: z.string().min(1),
    /** Who wrote or gave it. */
    author: z.string().min(1),
    /** When it was published or given (YYYY-MM-DD). */
    date: z.coerce.date(),
    /** Where it lives; an https link, shown as a plain card (nothing is embedded). */
    url: z.url({ protocol: /^https$/ }),
    /** Its licence, as its author states it (e.g. CC BY 4.0). */
    licence: z.string().min(1),
    /** One or two sentences on what it says. */
    summary: z.string().min(1).optional(),
  }).strict(),
});

export const collections = { chapters, home, references, entities, glossary, community };
