import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Copies a fixture review to a temporary folder so a test can break one thing in it. */
export function copyFixture(name = 'mini-review'): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(resolve('tests/fixtures', name), dir, { recursive: true });
  return dir;
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs the real build script, as `npm run build` does, on a content folder (`quiet: false`: with Astro's own log). */
export function buildSite(content: string, out: string, env: NodeJS.ProcessEnv = {}, { quiet = true } = {}): BuildResult {
  const run = spawnSync(process.execPath, ['src/cli/build.ts', '--content', content, '--out', out, ...(quiet ? ['--quiet'] : [])], {
    encoding: 'utf8',
    env: shellEnv(env),
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The environment a build sees from a shell: without what Vitest sets for itself (NODE_ENV=test, BASE_URL, MODE…). */
export function shellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[key];
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}
