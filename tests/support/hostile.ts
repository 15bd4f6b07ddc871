// Payloads from tests/fixtures/hostile and the checks that none of them survives in built output.
import { readFileSync } from 'node:fs';

const lines = (file: string) => readFileSync(`tests/fixtures/hostile/${file}`, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('# '));

export const HTML_VECTORS = lines('html-vectors.txt');
export const SVG_VECTORS = lines('svg-vectors.txt');

// A start tag as an HTML tokenizer reads it: quoted values may hold `>` or `<`; `&#x3C;` (escaped text) is no tag.
const TAG = /<([a-zA-Z][^\s/>]*)((?:\s*\/?\s*[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g;

// Elements the site never writes into a page from content.
const FORBIDDEN_ELEMENTS = /^(?:iframe|object|embed|base|form|style|foreignobject|set|animate\w*|image|use|handler|feimage|isindex|math|noscript|img|audio|video|source|frame|frameset|applet|svg:script|xss)$/i;
// The only scripts, links and meta tags a page carries: the site's own.
const SITE_SCRIPT = /^<script (?:src="\/theme-init\.js"|type="module" src="\/_astro\/[\w.-]+\.js"|type="application\/ld\+json")>$/;
const SITE_LINK = /^<link (?:rel="(?:canonical|icon|sitemap|stylesheet|preload|modulepreload)" href="(?:\/|http:\/\/localhost:4321\/)[^"]*"[^>]*|rel="expect" href="#header-end" blocking="render")>$/;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster', 'cite', 'to', 'values', 'from', 'by']);

// Attribute text as the browser reads it: character references decoded, control characters and spaces gone.
function decoded(value: string): string {
  return value
    .replace(/^["']|["']$/g, '')
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':').replace(/&tab;|&newline;/gi, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase();
}

/** What in one served file (searched as text, tag by tag) would let content act: empty when nothing does. */
export function unsafeMarkup(text: string, { siteElements = [] as string[] } = {}): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const [tag, name = '', rest = ''] = m;
    const lower = name.toLowerCase();
    if (lower === 'script' && !SITE_SCRIPT.test(tag)) found.push(`script: ${tag}`);
    if (lower === 'link' && !SITE_LINK.test(tag)) found.push(`link: ${tag}`);
    if (FORBIDDEN_ELEMENTS.test(lower) && !siteElements.includes(lower)) found.push(`element: ${tag}`);
    for (const [, attr = '', value = ''] of rest.matchAll(ATTRIBUTE)) {
      const a = attr.toLowerCase();
      if (a.startsWith('on')) found.push(`handler: ${tag}`);
      if (a === 'style') found.push(`inline style: ${tag}`);
      if (a === 'xlink:href') found.push(`xlink:href: ${tag}`);
      if (URL_ATTRIBUTES.has(a) && /^(?:javascript|vbscript|livescript|data):/.test(decoded(value))) found.push(`URL: ${tag}`);
      if (lower === 'meta' && a === 'http-equiv' && decoded(value) !== 'content-security-policy') found.push(`meta: ${tag}`);
    }
  }
  return found;
}

/**
 * Directive fences left in a page's text (`:::` or `:::name` starting a line of text): a block the parser did not
 * close where the author meant, shown to readers as literal colons. Scripts, styles, code and attributes are not text.
 */
export function leftoverDirectiveFences(html: string): string[] {
  const text = html
    .replace(/<(script|style|pre|code|template|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, '\n');
  return text.split('\n').map((l) => l.trim()).filter((l) => /^:{3,}/.test(l));
}

/**
 * Ids and in-page links the site makes that lead nowhere: `id=""` anywhere, `href="#"` on a heading's own link or in
 * navigation (the contents). Content may write `href="#"` itself; that is its own business.
 */
export function emptyAnchors(html: string): string[] {
  const empty = [...html.matchAll(/<[a-z][^>]*\sid=""[^>]*>/g)].map((m) => m[0]);
  const headingLinks = [...html.matchAll(/<a [^>]*class="heading-anchor"[^>]*>/g)].map((m) => m[0]).filter((a) => /\shref="#"/.test(a));
  const navLinks = [...html.matchAll(/<nav\b[\s\S]*?<\/nav>/g)].flatMap((m) => [...m[0].matchAll(/<a [^>]*href="#"[^>]*>/g)].map((a) => a[0]));
  return [...empty, ...headingLinks, ...navLinks];
}
