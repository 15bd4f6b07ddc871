// Runs Markdown through the site's own remark/rehype plugin lists, outside Astro, for plugin tests.
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { buildPlugins } from '../../src/plugins/index.ts';
import { buildReviewIndex } from '../../src/lib/content/review-index.ts';

export interface MiniReview {
  chapters: Record<string, string>;
  entities?: unknown[];
  glossary?: unknown[];
  /** content/evidence.json, when the test needs studies data. */
  evidence?: unknown;
}

/** Writes a tiny review to a temporary folder (references from tests/fixtures/pipeline) and returns its index. */
export function miniReview({ chapters, entities = [], glossary = [], evidence }: MiniReview) {
  const dir = mkdtempSync(join(tmpdir(), 'review-'));
  mkdirSync(join(dir, 'chapters'));
  cpSync(resolve('tests/fixtures/pipeline/references.json'), join(dir, 'references.json'));
  writeFileSync(join(dir, 'entities.json'), JSON.stringify(entities));
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify(glossary));
  if (evidence !== undefined) writeFileSync(join(dir, 'evidence.json'), JSON.stringify(evidence, null, 2));
  for (const [name, body] of Object.entries(chapters)) writeFileSync(join(dir, 'chapters', name), body);
  return { dir, index: buildReviewIndex(dir) };
}

export async function render(review: ReturnType<typeof miniReview>, chapter: string): Promise<string> {
  const { remarkPlugins, rehypePlugins } = buildPlugins(review.index, '/');
  const processor = unified().use(remarkParse);
  // `.mdx` chapters are parsed as MDX, as the build does; plain content stringifies the same.
  if (chapter.endsWith('.mdx')) processor.use(remarkMdx);
  for (const p of remarkPlugins) Array.isArray(p) ? processor.use(p[0] as never, p[1]) : processor.use(p as never);
  processor.use(remarkRehype);
  for (const p of rehypePlugins) Array.isArray(p) ? processor.use(p[0] as never, p[1]) : processor.use(p as never);
  processor.use(rehypeStringify);
  const file = new VFile({ path: join(review.dir, 'chapters', chapter), value: review.index.chapters.find((c) => c.file.endsWith(chapter))?.body ?? '' });
  return String(await processor.process(file));
}

export const chapter = (order: number, title: string, body: string) => `---\ntitle: "${title}"\norder: ${order}\nsummary: "s"\n---\n${body}\n`;
