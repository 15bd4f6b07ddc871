// Builds the site into a fresh folder and swaps it in only when the build and the search index succeed,
// so a mistake in the content never leaves a broken or half-written dist/ behind.
// usage: node src/cli/build.ts [--content DIR] [--out DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';

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

const astro = resolve(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const cacheKey = createHash('sha1').update(content).digest('hex').slice(0, 10);
const astroRun = spawnSync(process.execPath, [astro, 'build'], {
  stdio: values.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  env: { ...process.env, CONTENT_DIR: content, OUT_DIR: staging, ASTRO_CACHE_DIR: `node_modules/.astro/${cacheKey}`, ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
});
if (astroRun.status !== 0) {
  if (values.quiet) process.stderr.write(`${astroRun.stdout ?? ''}${astroRun.stderr ?? ''}`);
  fail('astro build reported the error above.');
}

const { index, errors } = await pagefind.createIndex({});
if (!index) fail(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: staging });
if (added.errors.length) fail(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: resolve(staging, 'pagefind') });
if (written.errors.length) fail(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();

const old = `${out}.old-${process.pid}`;
if (existsSync(out)) renameSync(out, old);
renameSync(staging, out);
rmSync(old, { recursive: true, force: true });
console.log(`built ${out} (${added.page_count} pages indexed) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
