// Screenshots of the main pages at a phone and a desktop width, light and dark, so anyone can look before and after
// a change. Builds dist/ first when it is missing, serves it like a static host and drives Debian's Chromium.
// usage: node src/cli/shots.ts [--dist DIR] [--out DIR] [--full]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildReviewIndex } from '../lib/content/review-index.ts';
import { basePath, contentDir } from '../lib/site/site-env.ts';
import { chapterPath } from '../lib/site/urls.ts';
import { startStaticServer } from './static-server.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } } });
const dist = resolve(values.dist ?? process.env['OUT_DIR'] ?? 'dist');
const out = resolve(values.out ?? '.cache/shots');

if (!existsSync(join(dist, 'index.html'))) {
  const build = spawnSync(process.execPath, ['src/cli/build.ts', '--out', dist], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The middle chapter: long enough to show the reading layout, whatever the review is about.
const review = buildReviewIndex(contentDir());
const chapters = review.chapters;
const chapter = chapters[Math.floor((chapters.length - 1) / 2)];
const pages = [
  { name: 'home', path: '' },
  ...(chapter ? [{ name: 'chapter', path: chapterPath(chapter.slug) }] : []),
  { name: 'references', path: 'references/' },
  { name: 'entities', path: 'entities/' },
  ...(review.evidenceRows ? [{ name: 'evidence', path: 'evidence/' }] : []),
];
const widths = [375, 1440];
const schemes = ['light', 'dark'] as const;

mkdirSync(out, { recursive: true });
const base = basePath();
const { server, url } = await startStaticServer(dist, { base });
const browser = await chromium.launch({
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
try {
  for (const colorScheme of schemes) {
    for (const width of widths) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: width < 800 ? 812 : 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const { name, path } of pages) {
        await page.goto(new URL(path, url).href, { waitUntil: 'networkidle' });
        const file = join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: values.full ?? false });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
