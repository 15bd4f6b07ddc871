import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { z } from 'zod';
import { ContentError, warnContent } from './content-error.ts';
import { jsonLine, parseContentJson, readContentText } from './content-text.ts';
import { sanitizeSvg } from '../security/sanitize.ts';

export const figureSchema = z.object({
  /** Anchor of the figure: `figure-<id>`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** SVG file in content/figures/. */
  file: z.string().regex(/^[A-Za-z0-9_-]+\.svg$/, 'a figure file name is ASCII letters, digits, "-" and "_", ending in .svg (no spaces, no accents)'),
  /** Short title, shown after the figure number. */
  title: z.string().min(1),
  /** What the figure shows, for screen readers. */
  alt: z.string().min(20),
  /** Caption under the figure. */
  caption: z.string().min(1),
});

export interface Figure extends z.infer<typeof figureSchema> {
  /** The SVG after the allow-list sanitizer (see sanitize.ts): what is inlined into the page. */
  svg: Element;
}

/** A copy of the figure's sanitized SVG, as an image labelled by the element with id `labelledBy`. */
export function labelledSvg(figure: Figure, labelledBy: string): Element {
  const svg = structuredClone(figure.svg);
  svg.properties['role'] = 'img';
  svg.properties['ariaLabelledby'] = labelledBy;
  svg.properties['focusable'] = 'false';
  return svg;
}

export function loadFigures(dir: string): Map<string, Figure> {
  const file = join(dir, 'figures', 'figures.json');
  if (!existsSync(file)) return new Map();
  const text = readContentText(file);
  const parsed = z.array(figureSchema).safeParse(parseContentJson(text, file, 'figure-invalid'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [i, ...field] = issue?.path ?? [];
    const where = typeof i === 'number' ? `figure ${i + 1}${field.length ? `, ${field.join('.')}` : ''}` : issue?.path.join('.');
    throw new ContentError('figure-invalid', file, jsonLine(text, issue?.path ?? []), `${where}: ${issue?.message}`);
  }
  return new Map(parsed.data.map((f, i) => {
    const svgFile = join(dir, 'figures', f.file);
    if (!existsSync(svgFile)) throw new ContentError('figure-missing', file, jsonLine(text, [i, 'file']), `figure "${f.id}" names ${f.file}, which does not exist`);
    let sanitized: ReturnType<typeof sanitizeSvg>;
    try {
      sanitized = sanitizeSvg(readContentText(svgFile));
    } catch (error) {
      if (error instanceof ContentError) throw error;
      throw new ContentError('figure-invalid-svg', svgFile, 1, `not a usable SVG: ${(error as Error).message}`);
    }
    // What the sanitizer took out is not published; the author is told, since the drawing may now look different.
    for (const r of sanitized.removed) warnContent('figure-sanitized', svgFile, r.line, `removed ${r.what}: not on the SVG allow-list`);
    return [f.file, { ...f, svg: sanitized.svg }];
  }));
}

/** `![…](../figures/name.svg)` references in reading order: the figure numbers across the review. */
export function figureFilesIn(body: string): string[] {
  return [...body.matchAll(/!\[[^\]]*\]\((?:\.\.\/|\.\/)?(?:figures\/)?([\w-]+\.svg)\)/g)].map((m) => m[1] ?? '');
}
