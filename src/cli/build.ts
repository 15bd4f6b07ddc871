// Builds the site into a fresh folder and swaps it in only when the build and the search index succeed,
// so a mistake in the content never leaves a broken or half-written dist/ behind.
// usage: node src/cli/build.ts [--content DIR] [--out DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { formatReferenceText } from '../lib/bibliography/bibliography.ts';
import { buildReviewIndex, type ReviewIndex } from '../lib/content/review-index.ts';
import { printContentErrors } from '../plugins/content-report.ts';
import { withoutWarnings } from '../lib/content/content-error.ts';
import { mentionedEntities } from '../lib/entities/reader-entities.ts';
import { entityRecords, glossaryRecords, noteRecords, referenceRecords, type SearchRecord } from '../lib/search/search-records.ts';
import { collectEditorialNotes } from '../lib/content/editorial-notes.ts';
import { evidenceRecords } from '../lib/search/evidence-records.ts';
import { evidenceViewContext, viewEvidence } from '../lib/evidence/evidence-view.ts';
import { headersFile } from '../lib/security/security-headers.ts';
import { basePath, siteLocation } from '../lib/site/site-env.ts';
import { PAGE_LANGUAGE } from '../lib/search/pagefind-files.ts';
import { buildSynonymTable, findSlashCompounds } from '../lib/search/search-terms.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' } } });
const content = resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content');
const out = resolve(values.out ?? process.env['OUT_DIR'] ?? 'dist');
const staging = `${out}.staging-${process.pid}`;
const started = performance.now();

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nbuild failed: ${message}\n${existsSync(out) ? `${out} was left as it was.` : ''}`);
  process.exit(1);
}

// A SITE_URL or BASE_PATH the links cannot be built from stops the build before anything is written.
try { siteLocation(); } catch (error) { fail((error as Error).message); }

// The content is read and checked before Astro starts, so its mistakes are printed as `file:line: cause [rule-id]`,
// all of them, rather than as a failure to load the Astro config with a stack trace.
let review: ReviewIndex;
try {
  // Its warnings are printed by the Astro build below, which reads the same content again.
  review = withoutWarnings(() => buildReviewIndex(content));
} catch (error) {
  if (!printContentErrors(error)) throw error;
  fail('the content has the errors above.');
}

const astro = resolve(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const cacheKey = createHash('sha1').update(content).digest('hex').slice(0, 10);
// rehype-citation imports Node's deprecated built-in `punycode`: a warning about a dependency, not about the content.
const astroRun = spawnSync(process.execPath, ['--disable-warning=DEP0040', astro, 'build'], {
  stdio: values.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  env: { ...process.env, CONTENT_DIR: content, OUT_DIR: staging, ASTRO_CACHE_DIR: `node_modules/.astro/${cacheKey}`, ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
  // A large review's log can pass Node's 1 MB default, which would kill the build without a word.
  maxBuffer: 1024 ** 3,
});
if (astroRun.status !== 0) {
  const printed = `${astroRun.stdout ?? ''}${astroRun.stderr ?? ''}`;
  if (values.quiet) process.stderr.write(printed);
  // Say why even when astro printed nothing: stopped by a signal, could not start, or exited silently.
  if (astroRun.error) fail(`astro build could not run: ${astroRun.error.message}`);
  if (astroRun.signal) fail(`astro build was stopped by ${astroRun.signal} before it finished.`);
  fail(values.quiet && !printed.trim() ? `astro build exited with code ${astroRun.status} and printed nothing.` : `astro build exited with code ${astroRun.status} after the error above.`);
}
// Content warnings (`warning: file:line: … [rule]`) are worth seeing even from a quiet build.
if (values.quiet) {
  const warnings = new Set(`${astroRun.stdout ?? ''}${astroRun.stderr ?? ''}`.split('\n').filter((l) => l.startsWith('warning: ')));
  for (const line of warnings) console.warn(line);
}

// Search index. Pages are indexed from the built HTML; references, entities and glossary terms are entries on a
// list page, so each becomes its own record pointing at its anchor and their list pages are left out.
const LISTED_AS_RECORDS = new Set(['references/', 'entities/', 'glossary/', 'notes/']);
const { entities, glossary } = review;
// Custom records must share the pages' language, or Pagefind puts them in an index of their own.
const language = PAGE_LANGUAGE;
const chapterTitle = new Map(review.chapters.map((c) => [c.slug, c.title]));

const { index, errors } = await pagefind.createIndex({
  // Text nobody sees (hidden, templates, decorative, button labels) would otherwise be searched and shown in
  // excerpts; a page's own reference list repeats the reference records below.
  excludeSelectors: ['[hidden]', 'template', '[aria-hidden="true"]', 'button', '.js-only', '.reference-list'],
});
if (!index) fail(`pagefind: ${errors.join('; ')}`);
const pageTexts: string[] = [];
for (const file of htmlFiles(staging)) {
  const url = `/${file.replace(/index\.html$/, '')}`;
  if (file === '404.html' || LISTED_AS_RECORDS.has(url.slice(1))) continue;
  const html = readFileSync(join(staging, file), 'utf8');
  // Pages without data-pagefind-body (search, redirects) are skipped by Pagefind itself; count only the others.
  if (html.includes('data-pagefind-body')) pageTexts.push(htmlText(html));
  const added = await index.addHTMLFile({ url, content: html });
  if (added.errors.length) fail(`pagefind: ${file}: ${added.errors.join('; ')}`);
}
const records: SearchRecord[] = [
  ...referenceRecords(review.references, {
    language,
    number: (id) => review.numbers.get(id),
    chaptersCiting: (id) => [...new Set((review.sitesByKey.get(id) ?? []).flatMap((s) => chapterTitle.get(s.page) ?? []))],
    formatted: formatReferenceText,
  }),
  // Only the entities the entities page lists: a record must land on its entry.
  ...entityRecords(mentionedEntities(entities, review.entityMentions), language, glossary),
  ...glossaryRecords(glossary, language),
  ...noteRecords(collectEditorialNotes(review), language),
  ...(review.evidenceRows ? evidenceRecords(viewEvidence(review.evidenceRows, evidenceViewContext(review)), language) : []),
];
for (const record of records) {
  const added = await index.addCustomRecord(record);
  if (added.errors.length) fail(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath: resolve(staging, 'pagefind') });
if (written.errors.length) fail(`pagefind: ${written.errors.join('; ')}`);
// The client fetches this when search is first opened, to expand queries with the review's own nomenclature.
const terms = buildSynonymTable({ entities, glossary, compounds: findSlashCompounds(pageTexts.join('\n')) });
writeFileSync(join(staging, 'search-terms.json'), JSON.stringify({ ...terms, chapters: review.chapters.map((c) => c.title) }));
await pagefind.close();
// Static hosts that read `_headers` send the same policy as the pages' <meta> tag, plus headers a tag cannot set.
writeFileSync(join(staging, '_headers'), headersFile(basePath()));

// PDF=1: the single-page edition as dist/review.pdf too (also `npm run pdf` on a built dist/).
if (process.env['PDF'] === '1') {
  const { renderEditionPdf } = await import('./edition-pdf.ts');
  const pdf = await renderEditionPdf(staging, { base: basePath() }).catch((error: Error) => fail(`pdf: ${error.message}`));
  console.log(`review.pdf: ${pdf.pages} pages, ${(pdf.bytes / 1024 / 1024).toFixed(2)} MB in ${pdf.seconds.toFixed(1)} s`);
}

const old = `${out}.old-${process.pid}`;
if (existsSync(out)) renameSync(out, old);
renameSync(staging, out);
rmSync(old, { recursive: true, force: true });
console.log(`built ${out} (${pageTexts.length} pages and ${records.length} entries indexed) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => {
    const path = `${prefix}${d.name}`;
    if (d.isDirectory()) return d.name === '_astro' || d.name === 'pagefind' ? [] : htmlFiles(dir, `${path}/`);
    return d.name.endsWith('.html') ? [path] : [];
  });
}

// Readable text of a page, close enough to find the slash compounds written in it.
function htmlText(html: string): string {
  return html
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(?:p|li|td|th|h\d|div|br|tr|dt|dd|section|article|header|footer|nav|figcaption|caption)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}
