// Builds the site once into its own folder and serves it like a static host, for all browser tests.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../src/cli/static-server.ts';
import { shellEnv } from './build-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
  }
}

export const E2E_DIST = resolve('.cache/e2e-dist');
// Built as it would be deployed: the sitemap, canonical URLs and citations need the site's public address.
export const E2E_SITE_URL = 'https://review.example.org';

export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, ['src/cli/build.ts', '--out', E2E_DIST, '--quiet'], { encoding: 'utf8', env: shellEnv({ BASE_PATH: '/', SITE_URL: E2E_SITE_URL }) });
  if (build.status !== 0) throw new Error(`site build failed:\n${build.stdout}\n${build.stderr}`);
  const { server, url } = await startStaticServer(E2E_DIST);
  project.provide('siteUrl', url);
  project.provide('distDir', E2E_DIST);
  return () => new Promise<void>((done) => server.close(() => done()));
}
