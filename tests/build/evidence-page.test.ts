// The evidence page is generic and optional: the mini-review (tea and sleep) with an evidence file of its own
// vocabularies gets /evidence/, its downloads, search records and links; without the file it builds with none of them.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';
import { parseCsv } from '../support/csv.ts';

const htmlFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

describe('the evidence page on a second review', () => {
  test('the mini-review builds /evidence/ from its own vocabularies, with downloads and links', () => {
    const content = copyFixture();
    copyFileSync('tests/fixtures/mini-review-evidence/evidence.json', join(content, 'evidence.json'));
    const out = `${content}-dist`;
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(0);
    const data = JSON.parse(readFileSync(join(content, 'evidence.json'), 'utf8')) as { rows: { id: string }[] };
    const html = readFileSync(join(out, 'evidence/index.html'), 'utf8');
    for (const row of data.rows) expect(html).toContain(`<tr id="${row.id}"`);
    expect(html).toContain('Survey of drinkers');
    expect(html).toMatch(/<svg [^>]*class="gap-map"[^>]*role="group"/);
    expect(html).toContain('href="/evidence/?kind=trial&amp;region=blood#studies"');
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'evidence.csv'), 'utf8'));
    expect(header?.[0]).toBe('id');
    expect(rows.map((r) => r[0])).toEqual(data.rows.map((r) => r.id));
    expect(JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8')).rows).toHaveLength(data.rows.length);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toMatch(/<a class="gap-thumb" href="\/evidence\/"><svg [^>]*role="img"/);
    expect(readFileSync(join(out, 'references/index.html'), 'utf8')).toContain('href="/evidence.csv"');
    expect(result.output).toMatch(/\d+ pages and 8 entries indexed/); // 3 references, 1 entity, 1 glossary term, 3 evidence rows
  });

  test('without evidence.json there is no page, no download and no link to them', () => {
    const content = copyFixture();
    expect(existsSync(join(content, 'evidence.json'))).toBe(false);
    const out = `${content}-dist`;
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(out, 'evidence'))).toBe(false);
    expect(existsSync(join(out, 'evidence.csv'))).toBe(false);
    expect(existsSync(join(out, 'evidence.json'))).toBe(false);
    for (const file of htmlFiles(out)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/href="\/evidence[/.]/);
  });
});
