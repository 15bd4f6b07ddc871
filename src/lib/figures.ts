import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from './content-error.ts';

export const figureSchema = z.object({
  /** Anchor of the figure: `figure-<id>`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** SVG file in content/figures/. */
  file: z.string().regex(/^[\w-]+\.svg$/),
  /** Short title, shown after the figure number. */
  title: z.string().min(1),
  /** What the figure shows, for screen readers. */
  alt: z.string().min(20),
  /** Caption under the figure. */
  caption: z.string().min(1),
});

export interface Figure extends z.infer<typeof figureSchema> {
  svg: string;
}

// Figures are inlined into pages under a strict CSP: no scripts, handlers, inline styles or external references.
const FORBIDDEN_SVG = [/<script/i, /\son\w+\s*=/i, /\sstyle\s*=/i, /<style/i, /<foreignObject/i, /(?:xlink:)?href\s*=\s*["'](?!#)/i];

export function loadFigures(dir: string): Map<string, Figure> {
  const file = join(dir, 'figures', 'figures.json');
  if (!existsSync(file)) return new Map();
  const parsed = z.array(figureSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError('figure-invalid', file, undefined, `${issue?.path.join('.')}: ${issue?.message}`);
  }
  return new Map(parsed.data.map((f) => {
    const svgFile = join(dir, 'figures', f.file);
    if (!existsSync(svgFile)) throw new ContentError('figure-missing', file, undefined, `figure "${f.id}" names ${f.file}, which does not exist`);
    const svg = readFileSync(svgFile, 'utf8').replace(/<\?xml[^>]*>\s*/, '');
    const bad = FORBIDDEN_SVG.find((re) => re.test(svg));
    if (bad) throw new ContentError('figure-unsafe', svgFile, undefined, `SVG contains what the site's security policy forbids (${bad.source})`);
    return [f.file, { ...f, svg }];
  }));
}

/** `![…](../figures/name.svg)` references in reading order: the figure numbers across the review. */
export function figureFilesIn(body: string): string[] {
  return [...body.matchAll(/!\[[^\]]*\]\((?:\.\.\/|\.\/)?(?:figures\/)?([\w-]+\.svg)\)/g)].map((m) => m[1] ?? '');
}
