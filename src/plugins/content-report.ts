import type { AstroIntegration } from 'astro';
import { collectContentErrors, contentErrorLines, takeContentErrors } from '../lib/content/content-error.ts';

/**
 * Prints content errors in the project's own form, `file:line: cause [rule-id]`, one line each, without a stack.
 * Returns false when the error is not a content error (it is then the caller's to report).
 */
export function printContentErrors(error: unknown): boolean {
  const lines = contentErrorLines(error);
  if (!lines) return false;
  for (const line of [...new Set(lines)]) console.error(line);
  console.error(`\n${lines.length} content error${lines.length === 1 ? '' : 's'}: the build stops here.`);
  return true;
}

function failOnCollectedErrors(): void {
  const errors = takeContentErrors();
  if (!errors.length) return;
  printContentErrors({ name: 'ContentErrors', errors });
  process.exit(1);
}

/**
 * In `astro build`, errors found while rendering pages (unknown citation keys, broken links, unclosed blocks …) are
 * collected rather than thrown at the first, and the build fails once every module is compiled, naming them all.
 */
export default function contentReport(): AstroIntegration {
  return {
    name: 'review-content-report',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        collectContentErrors();
        updateConfig({ vite: { plugins: [{ name: 'review-content-report', buildEnd: failOnCollectedErrors }] } });
      },
      'astro:build:done': failOnCollectedErrors,
    },
  };
}
