// Each case breaks one thing in a small review: the build must fail, say where and why, and leave dist/ alone.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';

type Edit = (dir: string) => void;
const edit = (file: string, change: (text: string) => string): Edit => (dir) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

const CASES: [name: string, breakIt: Edit, file: string, line: RegExp | null, cause: RegExp][] = [
  ['unknown citation key', edit('chapters/01-caffeine.mdx', (t) => t.replace('[@leaf2020night]. See', '[@nobody1999]. See')), 'chapters/01-caffeine.mdx', /:11\b/, /Unknown citation key "@nobody1999"/],
  ['duplicate reference id', edit('references.json', (t) => t.replace('"id": "kettle2021calm"', '"id": "brewer2019tea"')), 'references.json', /:4\b/, /duplicate reference id "brewer2019tea"/],
  ['malformed CSL-JSON', edit('references.json', (t) => t.replace('"title": "Evening', '"title" "Evening')), 'references.json', /:3\b/, /not valid JSON/],
  ['chapter without a title', edit('chapters/02-theanine.mdx', (t) => t.replace(/^title: .*\n/m, '')), '02-theanine', null, /title/],
  ['two chapters with the same order', edit('chapters/02-theanine.mdx', (t) => t.replace('order: 2', 'order: 1')), 'chapters/02-theanine.mdx', /:3\b/, /order 1 is already used by 01-caffeine\.mdx/],
  ['invalid MDX', edit('chapters/02-theanine.mdx', (t) => t.replace('Small trials', 'Small <trials {oops')), 'chapters/02-theanine.mdx', /:11\b/, /MDX|Unexpected|Could not parse/i],
  ['link to a page that does not exist', edit('chapters/01-caffeine.mdx', (t) => t.replace('./02-theanine.mdx#calming-effects', './03-missing.mdx')), 'chapters/01-caffeine.mdx', /:11\b/, /Broken internal link "\.\/03-missing\.mdx": no chapter file/],
  ['entity with a malformed identifier', edit('entities.json', (t) => t.replace('"ids": {}', '"ids": {"chebi": "CHEBI-27732"}')), 'entities.json', /:2\b/, /entity "caffeine": ids\.chebi: malformed chebi identifier/],
  ['glossary term defined twice', edit('glossary.json', (t) => t.replace(/\n\]\s*$/, ',\n  {"id": "rct-2", "term": "RCT", "expansion": "x", "definition": "y"}\n]\n')), 'glossary.json', /:3\b/, /glossary "RCT" is defined twice/],
  ['community entry of an unknown kind', (dir) => {
    mkdirSync(join(dir, 'community'), { recursive: true });
    writeFileSync(join(dir, 'community', '2026-01-02-chat.md'), '---\nkind: podcast\ntitle: "A chat"\nauthor: "A. Reader"\ndate: 2026-01-02\nurl: "https://example.org/chat"\nlicence: "CC BY 4.0"\n---\n');
  }, '2026-01-02-chat', null, /kind/],
];

describe('bad input fails the build clearly and keeps the last good dist/', () => {
  test.each(CASES)('%s', (_name, breakIt, file, line, cause) => {
    const content = copyFixture();
    breakIt(content);
    const out = join(dirname(content), `${content.split('/').pop()}-dist`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'last good build');
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(1);
    const where = result.output.split('\n').find((l) => l.includes(file) && (!line || line.test(l)) && cause.test(l))
      ?? result.output.split('\n').find((l) => l.includes(file) && (!line || line.test(l)));
    expect(where, result.output).toBeDefined();
    expect(result.output).toMatch(cause);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readdirSync(dirname(out)).filter((n) => n.startsWith(`${basename(out)}.staging-`))).toEqual([]);
  });
});

describe('a second review builds with the same engine', () => {
  test('the tiny tea review builds: its chapters, references and nothing of the disc review', () => {
    const content = copyFixture();
    const out = `${content}-dist`;
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(0);
    for (const page of ['index.html', 'chapters/caffeine/index.html', 'chapters/theanine/index.html', 'references/index.html', 'entities/index.html', 'glossary/index.html', '404.html']) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    const refs = readFileSync(join(out, 'references/index.html'), 'utf8');
    expect(refs.match(/<li id="ref-/g)).toHaveLength(3);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Tea drinking and sleep');
    expect(home).not.toMatch(/annulus|intervertebral/i);
    expect(readFileSync(join(out, 'chapters/theanine/index.html'), 'utf8')).toMatch(/\[<a href="#ref-brewer2019tea"[^>]*>1<\/a>–<a href="#ref-kettle2021calm"[^>]*>3<\/a>\]/);
  });
});
