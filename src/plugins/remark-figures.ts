import type { Image, ImageReference, Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { basename } from 'node:path';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import { labelledSvg, type Figure } from '../lib/content/figures.ts';
import { didYouMean } from '../lib/content/did-you-mean.ts';
import { contentFail } from './content-problem.ts';

export interface FigureOptions {
  /** File name → figure. */
  figures: ReadonlyMap<string, Figure>;
  /** Figure id → number across the review. */
  numbers: ReadonlyMap<string, number>;
}

/**
 * A paragraph holding only an image of a known SVG figure becomes a numbered <figure> with the sanitized SVG inlined
 * (so it takes the site's fonts and dark mode), its alt text and caption; the enlarge button is added by script.
 * Every other image (mid-paragraph, not SVG, not listed, remote, by reference) fails: images reach a page only
 * through this path, never as a file copied to the site where its own scripts could run.
 */
export function transformFigures(tree: Root, file: VFile, { figures, numbers }: FigureOptions): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    const [image] = node.children;
    if (node.children.length !== 1 || image?.type !== 'image' || !/\.svg$/.test((image as Image).url)) return;
    const figure = figures.get(basename((image as Image).url));
    if (!figure) {
      contentFail(file, 'figure-unknown', `Unknown figure "${(image as Image).url}": not listed in figures/figures.json${didYouMean(basename((image as Image).url), figures.keys())}`, node.position);
      return undefined;
    }
    const n = numbers.get(figure.id) ?? 0;
    const svg = labelledSvg(figure, `figure-${figure.id}-alt`);
    const hast = h('figure', { id: `figure-${figure.id}`, className: ['figure'], dataFigure: figure.id }, [
      h('div', { className: ['figure-art'] }, [svg, h('p', { id: `figure-${figure.id}-alt`, className: ['visually-hidden'] }, figure.alt)]),
      h('figcaption', [h('strong', `Figure ${n}. ${figure.title}. `), figure.caption]),
    ]);
    if (parent && index !== undefined) {
      parent.children[index] = { type: 'figureBlock' as 'paragraph', children: [], data: { hName: 'figure', hProperties: hast.properties, hChildren: hast.children } } as Paragraph;
      return [SKIP, index + 1];
    }
    return undefined;
  });
  visit(tree, ['image', 'imageReference'], (node, index, parent) => {
    const image = node as Image | ImageReference;
    const what = image.type === 'image' ? `"${image.url}"` : `[${image.identifier}]`;
    // An unknown SVG figure was reported above; any other image is reported here. Either way it is taken out.
    const reported = image.type === 'image' && /\.svg$/.test(image.url) && parent?.type === 'paragraph' && parent.children.length === 1;
    if (!reported) contentFail(file, 'image-not-figure', `Image ${what} is not a figure: an image must be a paragraph of its own, \`![alt](../figures/name.svg)\`, naming an SVG listed in figures/figures.json`, image.position);
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}

export default function remarkFigures(options: FigureOptions) {
  return (tree: Root, file: VFile) => transformFigures(tree, file, options);
}
