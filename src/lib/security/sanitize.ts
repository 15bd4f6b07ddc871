import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';

/**
 * One allow-list sanitizer for everything in content that is markup rather than Markdown: raw HTML in `.md`
 * chapters, HTML-like JSX in `.mdx` chapters, and SVG figures. The decisions (which elements, which attributes,
 * which URL schemes) are made by hast-util-sanitize with the schemas below; this module only walks the tree and
 * reports what was taken out, so an author learns why.
 */

// Schemes a link may use; a URL with any other scheme (javascript:, data:, vbscript:, file: …) loses the attribute.
const LINK_PROTOCOLS = ['http', 'https', 'mailto'];

// Elements removed together with their content; any other element not allowed is unwrapped (its text is kept).
const STRIP = ['script', 'style', 'template', 'noscript', 'textarea', 'select', 'iframe', 'object', 'embed', 'applet', 'frameset', 'frame', 'noembed', 'noframes', 'xmp', 'plaintext', 'foreignObject', 'math'];

// Images come only through the figure path (listed, numbered, sanitized); raw HTML may not add any.
const NOT_IN_CHAPTERS = new Set(['img', 'picture', 'source']);

/** Raw HTML a chapter may hold: GitHub's list (hast-util-sanitize's default), without images, plus a few inline tags. */
export const HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => !NOT_IN_CHAPTERS.has(t)), 'abbr', 'cite', 'dfn', 'mark', 'small', 'u', 'wbr', 'caption', 'figure', 'figcaption'],
  attributes: Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => !NOT_IN_CHAPTERS.has(tag))),
  protocols: { href: LINK_PROTOCOLS, cite: ['http', 'https'] },
  // The HTML parser has already put every element in a legal place; ancestors only matter for unparsed input.
  ancestors: {},
  // Ids and names from content could shadow the page's own; they are prefixed as on GitHub.
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: 'user-content-',
  strip: STRIP,
  allowComments: false,
  allowDoctypes: false,
};

// Paint and reference values: colours, keywords and references to an element of the same SVG; never an outside URL.
const PAINT = /^(?:none|currentColor|transparent|#[0-9a-f]{3,8}|[a-z]+|(?:rgb|hsl)a?\([\d\s.,%/-]+\)|url\(#[\w-]+\))$/i;
const LOCAL_REF = /^(?:none|url\(#[\w-]+\))$/;
const NUMBER_LIST = /^[\d\s.,eE+-]*$/;
const LENGTH = /^[\d.]+(?:px|em|rem|%|pt)?$/;
const FONT_FAMILY = /^[\w\s,'"-]+$/;
const TOKEN = /^[\w-]+$/;

const presentation = [
  ['fill', PAINT], ['stroke', PAINT], ['stopColor', PAINT], ['color', PAINT],
  ['markerStart', LOCAL_REF], ['markerMid', LOCAL_REF], ['markerEnd', LOCAL_REF], ['clipPath', LOCAL_REF], ['mask', LOCAL_REF],
  ['strokeWidth', NUMBER_LIST], ['strokeDasharray', NUMBER_LIST], ['strokeDashoffset', NUMBER_LIST], ['strokeOpacity', NUMBER_LIST],
  ['strokeLinecap', TOKEN], ['strokeLinejoin', TOKEN], ['strokeMiterlimit', NUMBER_LIST],
  ['fillOpacity', NUMBER_LIST], ['fillRule', TOKEN], ['clipRule', TOKEN], ['opacity', NUMBER_LIST], ['stopOpacity', NUMBER_LIST],
  ['fontSize', LENGTH], ['fontWeight', TOKEN], ['fontStyle', TOKEN], ['fontFamily', FONT_FAMILY],
  ['textAnchor', TOKEN], ['dominantBaseline', TOKEN], ['letterSpacing', NUMBER_LIST],
  ['transform', /^[\w\s().,-]*$/], ['visibility', TOKEN], ['display', TOKEN],
  ['className', TOKEN], ['id', TOKEN], 'ariaHidden', 'ariaLabel', 'role', 'lang',
] as const;
const geometry = ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height', 'points', 'd', 'pathLength', 'offset', 'rotate', 'textLength', 'lengthAdjust'];

/**
 * What an SVG figure may hold: shapes, text, groups, gradients, markers and clip paths, with presentation attributes
 * whose values cannot reach outside the file. No script, style, event handlers, links, images, `use`, `foreignObject`
 * or animation (`set`/`animate` can rewrite an `href` to `javascript:`).
 */
export const SVG_SCHEMA: Schema = {
  tagNames: ['svg', 'g', 'defs', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'marker', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask'],
  attributes: {
    svg: ['viewBox', 'xmlns', 'xmlnsXLink', 'xmlSpace', 'width', 'height', 'preserveAspectRatio', 'version'],
    marker: ['viewBox', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'preserveAspectRatio'],
    linearGradient: ['gradientUnits', 'gradientTransform', 'spreadMethod'],
    radialGradient: ['gradientUnits', 'gradientTransform', 'spreadMethod', 'fx', 'fy'],
    clipPath: ['clipPathUnits'],
    mask: ['maskUnits', 'maskContentUnits'],
    '*': [...presentation.map((p) => (typeof p === 'string' ? p : [p[0], p[1]] as [string, RegExp])), ...geometry.map((g) => [g, /^[\w\s.,%()-]*$/] as [string, RegExp])],
  },
  protocols: {},
  ancestors: {},
  clobber: [],
  strip: STRIP,
  allowComments: false,
  allowDoctypes: false,
};

export interface Removal {
  /** `<meta>` or `onclick on <span>`. */
  what: string;
  line: number | undefined;
}

/**
 * Sanitizes a tree element by element with hast-util-sanitize: an element not allowed is dropped with its content
 * (script, style, iframe …) or unwrapped (keeping its text); an attribute not allowed, or with a value or URL scheme
 * not allowed, is dropped. Elements for which `trusted` says yes (the site's own Markdown output) are kept as they
 * are, but their children are still walked. Comments and doctypes go.
 */
export function sanitizeTree<T extends Root | Element>(tree: T, schema: Schema, trusted: (el: Element) => boolean = () => false): { tree: T; removed: Removal[] } {
  const removed: Removal[] = [];
  const walk = (children: readonly (RootContent | ElementContent)[]): (RootContent | ElementContent)[] =>
    children.flatMap((node): (RootContent | ElementContent)[] => {
      if (node.type === 'text') return [node];
      if (node.type !== 'element') {
        if (node.type === 'comment' || node.type === 'doctype') return [];
        // raw, MDX nodes: not for this walker, which only sees parsed HTML.
        removed.push({ what: `a ${node.type} node`, line: node.position?.start.line });
        return [];
      }
      if (trusted(node)) {
        node.children = walk(node.children) as ElementContent[];
        return [node];
      }
      const verdict = checkElement(node, schema);
      const line = node.position?.start.line;
      if (!verdict.element) {
        removed.push({ what: `<${node.tagName}>`, line });
        return schema.strip?.includes(node.tagName) ? [] : walk(node.children);
      }
      for (const name of verdict.droppedAttributes) removed.push({ what: `${name} on <${node.tagName}>`, line });
      node.properties = verdict.element.properties;
      node.children = walk(node.children) as ElementContent[];
      return [node];
    });
  if (tree.type === 'root') {
    tree.children = walk(tree.children) as RootContent[];
    return { tree, removed };
  }
  const [top] = walk([tree]);
  if (top?.type !== 'element' || top.tagName !== tree.tagName) throw new Error(`<${tree.tagName}> itself is not allowed`);
  return { tree: top as T, removed };
}

/** The sanitizer's verdict on one element (without its children): kept with which properties, or removed. */
export function checkElement(node: Pick<Element, 'tagName' | 'properties'>, schema: Schema): { element: Element | undefined; droppedAttributes: string[] } {
  const alone = sanitize({ type: 'element', tagName: node.tagName, properties: node.properties, children: [] }, schema) as Nodes;
  const element = alone.type === 'element' ? alone : undefined;
  const droppedAttributes = element ? Object.keys(node.properties).filter((k) => !(k in element.properties)).map(attributeName) : [];
  return { element, droppedAttributes };
}

/** True when a link URL has no scheme or one on the allow-list (http, https, mailto): decided by the sanitizer. */
export function isSafeLinkUrl(url: string): boolean {
  return checkElement({ tagName: 'a', properties: { href: url } }, HTML_SCHEMA).element?.properties['href'] !== undefined;
}

/** Checks one HTML-like JSX element given as attribute name → literal string: what the sanitizer would change. */
export function checkJsxElement(name: string, attributes: Record<string, string | true>): string[] {
  let properties: Properties;
  try {
    properties = h(name, attributes).properties;
  } catch {
    return [`<${name}>`];
  }
  const { element, droppedAttributes } = checkElement({ tagName: name, properties }, HTML_SCHEMA);
  if (!element) return [`<${name}>`];
  // Clobbered values (`id` → `user-content-id`) are changes too: JSX would render them unprefixed.
  const changed = Object.keys(properties).filter((k) => k in element.properties && JSON.stringify(element.properties[k]) !== JSON.stringify(properties[k])).map(attributeName);
  return [...droppedAttributes, ...changed].map((a) => `${a} on <${name}>`);
}

/** Parses and sanitizes an SVG file's text; fails when it holds no `<svg>` element. */
export function sanitizeSvg(text: string): { svg: Element; removed: Removal[] } {
  const root = fromHtml(text.replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, ''), { fragment: true, space: 'svg' });
  const svg = root.children.find((c): c is Element => c.type === 'element');
  if (!svg || svg.tagName !== 'svg') throw new Error(svg ? `the file's first element is <${svg.tagName}>, not <svg>` : 'the file holds no <svg> element');
  const { tree, removed } = sanitizeTree(svg, SVG_SCHEMA);
  return { svg: tree, removed };
}

// `onClick` → `onclick`, `xLinkHref` → `xlink:href`, `className` → `class`: as the author wrote it.
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (property.startsWith('xLink')) return `xlink:${property.slice(5).toLowerCase()}`;
  if (/^(?:data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}
