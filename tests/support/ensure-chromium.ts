// Browser tests drive Debian's Chromium. Install it when missing (as root), never download a browser build.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${path}: run "sudo apt-get install -y chromium" (or set CHROME_PATH) and try again.`);
    process.exit(1);
  }
  console.log(`Chromium not found at ${path}; installing Debian's chromium package with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${run.status}).`);
      process.exit(1);
    }
  }
}
