// Renders dist/review/ (the single-page edition) to dist/review.pdf: node src/cli/pdf.ts [--dir dist]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath } from '../lib/site/site-env.ts';
import { renderEditionPdf } from './edition-pdf.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' } } });
const dir = resolve(values.dir);
// The site was built for a base path; it is written on every page, so the PDF is printed from the same addresses.
const home = join(dir, 'index.html');
const builtBase = existsSync(home) ? /<body[^>]*\sdata-base="([^"]+)"/.exec(readFileSync(home, 'utf8'))?.[1] : undefined;
try {
  const { file, bytes, pages, seconds } = await renderEditionPdf(dir, { base: builtBase ?? basePath() });
  console.log(`wrote ${file}: ${pages} pages, ${(bytes / 1024 / 1024).toFixed(2)} MB in ${seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`pdf failed: ${(error as Error).message}`);
  process.exit(1);
}
