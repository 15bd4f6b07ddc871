import { z } from 'zod';

/**
 * Front matter of the review's Markdown files. One definition: the content collections (src/content.config.ts) and
 * the review index's own pre-pass (review-index.ts) check with the same schemas, so a mistake is reported in the
 * project's `file:line: cause [rule-id]` form before Astro reads the file.
 */
export const chapterSchema = z.object({
  /** Chapter title, shown as the page's h1 and in navigation. */
  title: z.string().min(1),
  /** Position in the review; unique across chapters. */
  order: z.number().int().positive(),
  /** One line for the chapter list on the home page. */
  summary: z.string().min(1),
  /** Drafts are left out of the built site. */
  draft: z.boolean().default(false),
}).strict();

export const homeSchema = z.object({
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
}).strict();

export const communitySchema = z.object({
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
}).strict();

/** The first problem zod finds in a file's front matter, in words, with the field it concerns (if any). */
export function frontMatterProblem(schema: z.ZodType, data: unknown): { field: string | undefined; reason: string } | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (!issue) return undefined;
  const field = issue.path.length ? String(issue.path[0]) : undefined;
  const value = field && data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    return { field: keys[0], reason: `front matter has a field this file does not take: ${keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (field && value === undefined) return { field: undefined, reason: `front matter has no ${field}` };
  return { field, reason: `front matter ${issue.path.join('.')}: ${issue.message}` };
}
