// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { buildPlugins } from './src/plugins/index.ts';
import contentReport, { printContentErrors } from './src/plugins/content-report.ts';
import { buildReviewIndex } from './src/lib/content/review-index.ts';
import { contentDir, siteLocation } from './src/lib/site/site-env.ts';

// One reading of SITE_URL and BASE_PATH: the origin (none when unset) and the path the site is served under.
const { site, base } = siteLocation();
const { remarkPlugins, rehypePlugins } = readContent();

/** The review index and the plugins made from it; a content error is printed as such (no stack) and stops here. */
function readContent() {
  try {
    return buildPlugins(buildReviewIndex(contentDir()), base);
  } catch (error) {
    if (!printContentErrors(error)) throw error;
    process.exit(1);
  }
}

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? 'dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No syntax highlighter: Shiki writes inline style="…" that the site's CSP blocks; code blocks are styled by CSS.
  markdown: { processor: unified({ gfm: false, remarkPlugins, rehypePlugins }), syntaxHighlight: false },
  // A sitemap needs absolute addresses: without a public URL there is none (rather than one pointing at localhost).
  integrations: [contentReport(), mdx(), ...(site ? [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })] : [])],
  vite: {
    build: {
      assetsInlineLimit: 0,
      // Astro's own `"use astro:head-inject"` marker in every .mdx module, which the bundler reports as it keeps it.
      rollupOptions: { onwarn: (warning, warn) => { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); } },
    },
  },
});
