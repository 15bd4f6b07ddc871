// Figures, not tests: build time, the weight of every page, search speed, Lighthouse scores, and how the build
// grows with the size of the review.
// usage: npm run bench [-- --scale 1,10,50 [--chapter-citations 6000,18000]] [-- --skip-lighthouse] [-- --skip-search] [-- --runs 3]
//        npm run bench -- --search-only [--dist DIR] [--runs 3] [--cold-queries N] [--intent-ms N]   search figures only:
//        no Lighthouse, no page weights, and no build when --dist names a built site; --cold-queries times only the first
//        N queries cold; --intent-ms rests the pointer on each UI's opener for N ms before the click
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pageWeight, type Weight } from '../lib/site/page-weight.ts';
import { startStaticServer } from './static-server.ts';
import { writeLargeChapterReview, writeSyntheticReview } from './synthetic-review.ts';

const { values } = parseArgs({ options: {
  scale: { type: 'string' }, 'skip-lighthouse': { type: 'boolean' }, 'skip-search': { type: 'boolean' }, content: { type: 'string', default: 'content' },
  'chapter-citations': { type: 'string', default: '6000,18000' },
  'search-only': { type: 'boolean' }, dist: { type: 'string' }, runs: { type: 'string', default: '3' }, 'cold-queries': { type: 'string' }, 'intent-ms': { type: 'string' },
} });
const kb = (w: Weight) => `${(w.raw / 1024).toFixed(1)} / ${(w.gzip / 1024).toFixed(1)}`;

function build(content: string, out: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['src/cli/build.ts', '--content', content, '--out', out, '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const dirBytes = (dir: string) => files(dir).reduce((n, f) => n + statSync(f).size, 0);

if (values.scale) {
  console.log('Scale: a synthetic review N times the size of this one\n');
  console.log('| N | chapters | references | entities | build s | s per chapter | pages | search index KB | largest page KB (raw / gzip) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const n of values.scale.split(',').map(Number)) {
    const work = mkdtempSync(join(tmpdir(), `scale-${n}-`));
    const counts = writeSyntheticReview(resolve(values.content), join(work, 'content'), n);
    const seconds = build(join(work, 'content'), join(work, 'dist'));
    const pages = files(join(work, 'dist')).filter((f) => f.endsWith('.html'));
    const largest = pages.map((f) => ({ f, w: pageWeight(readFileSync(f, 'utf8'), () => Buffer.alloc(0)).html })).sort((a, b) => b.w.raw - a.w.raw)[0];
    console.log(`| ${n} | ${counts.chapters} | ${counts.references} | ${counts.entities} | ${seconds.toFixed(1)} | ${(seconds / counts.chapters).toFixed(3)} | ${pages.length} | ${(dirBytes(join(work, 'dist/pagefind')) / 1024).toFixed(0)} | ${largest ? `${relative(join(work, 'dist'), largest.f)} ${kb(largest.w)}` : '-'} |`);
    rmSync(work, { recursive: true, force: true });
  }
  // Many chapters do not show a cost that grows with one page's length; one very large chapter does.
  console.log('\nOne very large chapter added to this review\n');
  console.log('| citations in the chapter | chapter MB | build s | ms per citation |');
  console.log('|---|---|---|---|');
  for (const wanted of (values['chapter-citations'] ?? '').split(',').filter(Boolean).map(Number)) {
    const work = mkdtempSync(join(tmpdir(), `large-${wanted}-`));
    const { citations, bytes } = writeLargeChapterReview(resolve(values.content), join(work, 'content'), wanted);
    const seconds = build(join(work, 'content'), join(work, 'dist'));
    console.log(`| ${citations} | ${(bytes / 1e6).toFixed(2)} | ${seconds.toFixed(1)} | ${((seconds * 1000) / citations).toFixed(2)} |`);
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

async function searchFigures(site: string): Promise<void> {
  const { benchSearch, queriesFromContent, searchTable } = await import('./bench-search.ts');
  const s = await benchSearch(site, queriesFromContent(resolve(values.content)), { runs: Number(values.runs), coldQueries: Number(values['cold-queries'] ?? Infinity), intentMs: Number(values['intent-ms'] ?? 0), log: (m) => console.error(m) });
  console.log('\nSearch in Chromium against the built site, beside Pagefind\'s Default UI over the same index\n');
  console.log(searchTable(s));
}

if (values['search-only']) {
  const given = values.dist ? resolve(values.dist) : mkdtempSync(join(tmpdir(), 'bench-dist-'));
  if (!values.dist) build(resolve(values.content), given);
  const { server, url } = await startStaticServer(given);
  try {
    await searchFigures(url);
  } finally {
    server.close();
    if (!values.dist) rmSync(given, { recursive: true, force: true });
  }
  process.exit(0);
}

const out = mkdtempSync(join(tmpdir(), 'bench-dist-'));
const seconds = build(resolve(values.content), out);
console.log(`Build: ${seconds.toFixed(1)} s (astro build + search index, ${resolve(values.content)})\n`);
console.log('Page weight before any interaction, KB raw / gzip (search loads only when wanted)\n');
console.log('| page | HTML | CSS | JS | total |');
console.log('|---|---|---|---|---|');
const read = (path: string) => readFileSync(join(out, path.replace(/^\//, '')));
for (const file of files(out).filter((f) => f.endsWith('.html')).sort()) {
  const w = pageWeight(readFileSync(file, 'utf8'), read);
  console.log(`| /${relative(out, file).replace(/index\.html$/, '')} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.total)} |`);
}

const { server, url } = await startStaticServer(out);
try {
  if (!values['skip-search']) await searchFigures(url);
  if (!values['skip-lighthouse']) {
    const { runLighthouse } = await import('./lighthouse-run.ts');
    console.log('\nLighthouse (mobile)\n');
    console.log('| page | performance | accessibility | best practices | SEO |');
    console.log('|---|---|---|---|---|');
    for (const s of await runLighthouse(['', 'chapters/progenitor-cells/', 'references/'].map((p) => new URL(p, url).href))) {
      console.log(`| ${new URL(s.url).pathname} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} |`);
    }
  }
} finally {
  server.close();
  rmSync(out, { recursive: true, force: true });
}
