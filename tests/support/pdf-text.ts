// Just enough of PDF to read back what Chromium wrote: objects, Flate streams, fonts' ToUnicode maps, the text
// shown on each page, and the outline's titles. No dependency: node:zlib and regular expressions.
import { inflateSync } from 'node:zlib';

interface PdfObject { dict: string; stream: Buffer | undefined }

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at === -1) { out.set(Number(m[1]), { dict: body, stream: undefined }); continue; }
    const dict = body.slice(0, at);
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + (body.slice(at).startsWith('stream\r\n') ? 8 : 7);
    const length = Number(/\/Length (\d+)(?! 0 R)/.exec(dict)?.[1] ?? 0);
    let raw = pdf.subarray(start, start + length);
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    out.set(Number(m[1]), { dict, stream: raw });
  }
  return out;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? NaN);

function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set((m[1] ?? '').toUpperCase(), utf16(m[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, dst] = [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)];
      for (let c = lo; c <= hi; c++) map.set(c.toString(16).toUpperCase().padStart((m[1] ?? '').length, '0'), String.fromCharCode(dst + c - lo));
    }
  }
  return map;
}

/** The text shown on every page, in drawing order, each text object's runs joined by spaces. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<number, Map<string, string>>();
  for (const [num, obj] of objs) {
    const cmapRef = ref(obj.dict, 'ToUnicode');
    const cmap = objs.get(cmapRef)?.stream;
    if (/\/Type \/Font/.test(obj.dict) && cmap) fonts.set(num, toUnicode(cmap.toString('latin1')));
  }
  const pieces: string[] = [];
  for (const obj of objs.values()) {
    if (!/\/Type \/Page(?![a-zA-Z])/.test(obj.dict)) continue;
    let resources = obj.dict;
    const resourcesRef = ref(obj.dict, 'Resources');
    if (!Number.isNaN(resourcesRef)) resources = objs.get(resourcesRef)?.dict ?? '';
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const pageFonts = new Map([...fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1] ?? '', fonts.get(Number(m[2]))]));
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(obj.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => objs.get(Number(m[1]))?.stream?.toString('latin1') ?? '');
    let font: Map<string, string> | undefined;
    for (const m of contents.join('\n').matchAll(/\/(\S+) [\d.]+ Tf|(\[(?:[^\]\\]|\\.)*\]) ?TJ|(<[0-9A-Fa-f]*>|\((?:[^)\\]|\\.)*\)) ?Tj/g)) {
      if (m[1]) { font = pageFonts.get(m[1]); continue; }
      const strings = (m[2] ?? m[3] ?? '').match(/<[0-9A-Fa-f]*>/g) ?? [];
      pieces.push(strings.map((s) => decode(s.slice(1, -1), font)).join(''));
    }
  }
  return pieces.join(' ').replace(/\s+/g, ' ');
}

function decode(hex: string, font: Map<string, string> | undefined): string {
  const width = font && [...font.keys()][0]?.length === 2 ? 2 : 4;
  return (hex.toUpperCase().match(new RegExp(`.{${width}}`, 'g')) ?? []).map((code) => font?.get(code) ?? '').join('');
}

/** Titles of the PDF's outline (bookmarks, the dictionaries with a /Dest; not the document's own title): literal strings, and hex UTF-16 ones (`<FEFF…>`) for text beyond Latin-1. */
export function pdfOutline(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title (?:\(((?:[^)\\]|\\.)*)\)|<([0-9A-Fa-f\s]*)>)(?=\s*\/Dest)/g)].map((m) => {
    if (m[2] === undefined) return (m[1] ?? '').replace(/\\(.)/g, '$1');
    const bytes = Buffer.from(m[2].replace(/\s+/g, ''), 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  });
}
