// Renders dist/review/ (the single-page edition) to dist/review.pdf: node src/cli/pdf.ts [--dir dist]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath } from '../lib/site-env.ts';
import { renderEditionPdf } from './edition-pdf.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' } } });
try {
  const { file, bytes, pages, seconds } = await renderEditionPdf(resolve(values.dir), { base: basePath() });
  console.log(`wrote ${file}: ${pages} pages, ${(bytes / 1024 / 1024).toFixed(2)} MB in ${seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`pdf failed: ${(error as Error).message}`);
  process.exit(1);
}
