// Renders the single-page edition of a built site to review.pdf with the Chromium the tests use, and links it
// from the pages that have a place for it. Shared by `npm run pdf` and `PDF=1 npm run build`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.ts';

export const PDF_FILE = 'review.pdf';

export interface PdfResult {
  file: string;
  bytes: number;
  pages: number;
  seconds: number;
}

export async function renderEditionPdf(dir: string, { base = '/', chrome = process.env['CHROME_PATH'] ?? '/usr/bin/chromium' } = {}): Promise<PdfResult> {
  const started = performance.now();
  if (!existsSync(join(dir, 'review/index.html'))) throw new Error(`${dir} has no review/index.html: run npm run build first`);
  if (!existsSync(chrome)) throw new Error(`no Chromium at ${chrome}: install Debian's chromium package or set CHROME_PATH`);
  const { server, url } = await startStaticServer(dir, { base });
  const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.goto(new URL('review/', url).href, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      // The margins and the running title come from the print stylesheet's @page rules.
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    const file = join(dir, PDF_FILE);
    writeFileSync(file, pdf);
    const pages = countPages(pdf);
    for (const html of htmlPages(dir)) linkPdf(html, pages, pdf.length);
    return { file, bytes: statSync(file).size, pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

// Every page's footer (and the home and edition pages) hold `<span data-pdf-link="…/review.pdf"></span>` where the
// link goes once the file exists.
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'pagefind' || e.name === '_astro' ? [] : htmlPages(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : []);
}

function linkPdf(file: string, pages: number, bytes: number): void {
  const html = readFileSync(file, 'utf8');
  if (!html.includes('data-pdf-link=')) return;
  const linked = html.replace(/<span data-pdf-link="([^"]+)">[\s\S]*?<\/span>/g, (_, href: string) =>
    `<span data-pdf-link="${href}"> · <a href="${href}" type="application/pdf">PDF</a> (${pages} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB)</span>`);
  writeFileSync(file, linked);
}

/** Page objects in the PDF's page tree: every page is a `/Type /Page` dictionary. */
export function countPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
