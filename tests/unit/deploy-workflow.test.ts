// The GitHub Pages workflow builds exactly as the README tells a person to, under the repository's sub-path.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { 'runs-on': string; needs?: string; env?: Record<string, string>; steps: Step[] }
const text = readFileSync('.github/workflows/deploy.yml', 'utf8');
const workflow = parse(text) as {
  on: { push: { branches: string[] }; workflow_dispatch: { inputs: Record<string, { type: string; default?: unknown }> } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => ({ job, step })));
const readme = readFileSync('README.md', 'utf8');

describe('deploy workflow', () => {
  test('runs on pushes to main with the permissions Pages deployment needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  test('installs with npm ci and builds with the command the README documents', () => {
    const runs = steps.flatMap(({ step }) => (step.run ? [step.run.trim()] : []));
    expect(runs).toContain('npm ci');
    const build = runs.find((r) => /build/.test(r));
    expect(build).toBe('npm run build');
    expect(readme).toContain(`\`${build}\``);
    expect(readme).toMatch(/\.github\/workflows\/deploy\.yml/);
  });

  test('sets SITE_URL and BASE_PATH from the repository for the build', () => {
    const { job } = steps.find(({ step }) => step.run === 'npm run build')!;
    const env = { ...job.env, ...steps.find(({ step }) => step.run === 'npm run build')?.step.env };
    expect(env['BASE_PATH']).toContain('github.event.repository.name');
    expect(env['BASE_PATH']).toMatch(/format\('\/\{0\}\/', github\.event\.repository\.name\)/);
    expect(env['SITE_URL']).toMatch(/^https:\/\/\$\{\{ github\.repository_owner \}\}\.github\.io$/);
  });

  test('uses the official Pages actions, every action pinned to a version', () => {
    const uses = steps.flatMap(({ step }) => (step.uses ? [step.uses] : []));
    for (const action of ['actions/checkout', 'actions/setup-node', 'actions/upload-pages-artifact', 'actions/deploy-pages']) {
      expect(uses.some((u) => u.startsWith(`${action}@`)), action).toBe(true);
    }
    for (const u of uses) expect(u, u).toMatch(/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    expect(steps.find(({ step }) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.step.with?.['path']).toBe('dist');
  });

  test('pins every action to a full commit SHA, with its tag in a comment', () => {
    const lines = text.split('\n').filter((l) => /^\s*(?:-\s+)?uses:/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line, line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('prints the PDF with Debian/Ubuntu Chromium when asked: a boolean "pdf" input or the BUILD_PDF variable', () => {
    expect(workflow.on.workflow_dispatch.inputs['pdf']).toMatchObject({ type: 'boolean', default: false });
    const { job, step: build } = steps.find(({ step }) => step.run === 'npm run build')!;
    const pdf = { ...job.env, ...build.env }['PDF'];
    expect(pdf).toMatch(/inputs\.pdf/);
    expect(pdf).toMatch(/vars\.BUILD_PDF == 'true'/);
    const buildAt = job.steps.indexOf(build);
    const install = job.steps.findIndex((s) => /apt-get install -y chromium/.test(s.run ?? ''));
    expect(install, 'a Chromium step before the build').toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(buildAt);
    expect(job.steps[install]!.if).toBe("env.PDF == '1'");
    expect(readme).toMatch(/BUILD_PDF/);
    expect(readme).toMatch(/`pdf`/);
  });
});
