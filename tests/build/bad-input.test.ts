// Each case breaks one thing in a small review: the build must fail, say where and why, and leave dist/ alone.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';

type Edit = (dir: string) => void;
const edit = (file: string, change: (text: string) => string): Edit => (dir) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

const write = (file: string, text: string | Uint8Array): Edit => (dir) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
const all = (...edits: Edit[]): Edit => (dir) => edits.forEach((e) => e(dir));
const TABLE = edit('chapters/01-caffeine.mdx', (t) => `${t.trimEnd()}\n\n::evidence-table{table="studies"}\n`);
const FIGURE = { id: 'flow', file: 'flow.svg', title: 'Flow', alt: 'A small drawing used by the tests.', caption: 'Caption.' };

const CASES: [name: string, breakIt: Edit, file: string, line: RegExp | null, cause: RegExp][] = [
  ['unknown citation key', edit('chapters/01-caffeine.mdx', (t) => t.replace('[@leaf2020night]. See', '[@nobody1999]. See')), 'chapters/01-caffeine.mdx', /:11\b/, /Unknown citation key "@nobody1999"/],
  ['duplicate reference id', edit('references.json', (t) => t.replace('"id": "kettle2021calm"', '"id": "brewer2019tea"')), 'references.json', /:4\b/, /duplicate reference id "brewer2019tea"/],
  ['malformed CSL-JSON', edit('references.json', (t) => t.replace('"title": "Evening', '"title" "Evening')), 'references.json', /:3\b/, /not valid JSON/],
  ['chapter without a title', edit('chapters/02-theanine.mdx', (t) => t.replace(/^title: .*\n/m, '')), 'chapters/02-theanine.mdx', /:1\b/, /: front matter has no title \[frontmatter-invalid\]$/m],
  ['invalid YAML in front matter', edit('chapters/02-theanine.mdx', (t) => t.replace('title: "L-theanine"', 'title: "L-theanine')), 'chapters/02-theanine.mdx', /:2: /, /front matter is not valid YAML: Missing closing "quote \[frontmatter-invalid\]$/m],
  ['two chapters with the same order', edit('chapters/02-theanine.mdx', (t) => t.replace('order: 2', 'order: 1')), 'chapters/02-theanine.mdx', /:3\b/, /order 1 is already used by 01-caffeine\.mdx/],
  ['invalid MDX', edit('chapters/02-theanine.mdx', (t) => t.replace('Small trials', 'Small <trials {oops')), 'chapters/02-theanine.mdx', /:11\b/, /MDX|Unexpected|Could not parse/i],
  ['link to a page that does not exist', edit('chapters/01-caffeine.mdx', (t) => t.replace('./02-theanine.mdx#calming-effects', './03-missing.mdx')), 'chapters/01-caffeine.mdx', /:11\b/, /Broken internal link "\.\/03-missing\.mdx": no chapter file/],
  ['entity with a malformed identifier', edit('entities.json', (t) => t.replace('"ids": {}', '"ids": {"chebi": "CHEBI-27732"}')), 'entities.json', /:2\b/, /entity "caffeine": ids\.chebi: malformed chebi identifier/],
  // A chapter has one identity.
  ['two files giving one chapter address', (dir) => write('chapters/03-Caffeine.mdx', readFileSync(join(dir, 'chapters/01-caffeine.mdx'), 'utf8').replace('order: 1', 'order: 3'))(dir), 'chapters/03-Caffeine.mdx', /:1\b/, /03-Caffeine\.mdx and 01-caffeine\.mdx both give the page address \/chapters\/caffeine\/; rename one \[chapter-duplicate-slug\]/],
  ['a chapter that is not UTF-8', (dir) => write('chapters/02-theanine.mdx', Buffer.from(readFileSync(join(dir, 'chapters/02-theanine.mdx'), 'utf8').replace('amino acid', 'amino acid (caf\u00e9)'), 'latin1'))(dir), 'chapters/02-theanine.mdx', /:4\b/, /the file is not UTF-8 text .*\[content-not-utf8\]/],
  ['link to a draft chapter', edit('chapters/02-theanine.mdx', (t) => t.replace('order: 2', 'order: 2\ndraft: true')), 'chapters/01-caffeine.mdx', /:11\b/, /Broken internal link "\.\/02-theanine\.mdx#calming-effects": 02-theanine\.mdx is a draft/],
  // Markup goes through the sanitizer, images through the figure path.
  ['an unlisted SVG used inline', all(write('figures/evil.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), edit('chapters/01-caffeine.mdx', (t) => t.replace('See [the next', 'Look ![x](../figures/evil.svg) here. See [the next'))), 'chapters/01-caffeine.mdx', /:11\b/, /Image "\.\.\/figures\/evil\.svg" is not a figure/],
  ['a meta refresh in an .mdx chapter', edit('chapters/01-caffeine.mdx', (t) => `${t}\n<meta http-equiv="refresh" content="3;url=https://example.org/" />\n`), 'chapters/01-caffeine.mdx', /:13\b/, /<meta> is not allowed: HTML in an \.mdx chapter.* \[mdx-jsx-not-allowed\]$/m],
  ['a javascript: link', edit('chapters/01-caffeine.mdx', (t) => t.replace('./02-theanine.mdx#calming-effects', 'javascript:alert(1)')), 'chapters/01-caffeine.mdx', /:11\b/, /Unsafe link "javascript:alert\(1\)"/],
  ['an empty SVG figure', all(write('figures/figures.json', JSON.stringify([FIGURE])), write('figures/flow.svg', '')), 'figures/flow.svg', /:1\b/, /not a usable SVG: the file holds no <svg> element \[figure-invalid-svg\]/],
  ['malformed figures.json', write('figures/figures.json', `[\n  ${JSON.stringify(FIGURE)},\n  {"id": }\n]`), 'figures/figures.json', /:3\b/, /not valid JSON .*\[figure-invalid\]/],
  // Every failure names the file and the cause.
  ['author written as a string', edit('references.json', (t) => t.replace('"author": [{"family": "Kettle", "given": "Cy"}]', '"author": "Kettle, Cy"')), 'references.json', /:4\b/, /record "kettle2021calm", field "author": expected a list of names.*\[reference-invalid\]/],
  ['PMID with letters', edit('references.json', (t) => t.replace('"title": "Evening', '"PMID": "12ab34", "title": "Evening')), 'references.json', /:3\b/, /record "leaf2020night", field "PMID": a PMID is digits only/],
  ['impossible updated date', edit('home.mdx', (t) => t.replace('updated: 2026-01-15', 'updated: 2026-13-45')), 'home.mdx', /:11\b/, /updated: "2026-13-45" is not a real date .*\[home-invalid-date\]/],
  ['source naming an unknown key', edit('home.mdx', (t) => t.replace('source: "brewer2019tea"', 'source: "brewer2019te"')), 'home.mdx', /:9\b/, /source: "brewer2019te" is not the id of a record in references\.json \[home-unknown-source\]/],
  ['one text form in two entities', edit('entities.json', (t) => t.replace(/\n\]\s*$/, ',\n  {"id": "tea-caffeine", "type": "chemical", "label": "tea caffeine", "textForms": ["caffeine"], "status": "unverified"}\n]\n')), 'entities.json', /:3\b/, /entity "tea-caffeine": text form "caffeine" is also a text form of entity "caffeine"/],
  ['a mistyped directive name', edit('chapters/02-theanine.mdx', (t) => `${t.trimEnd()}\n\n:::warning\nA note under the wrong name.\n:::\n`), 'chapters/02-theanine.mdx', /:13\b/, /Unknown directive ":::warning"/],
  ['evidence that leaves out a record', (dir) => writeFileSync(join(dir, 'references.evidence.json'), `{\n  "brewer2019tea": { "status": "verified", "reviewCitations": [1], "claim": "c", "evidence": [], "notes": "n" }\n}\n`), 'references.evidence.json', /:1\b/, /no evidence for "leaf2020night", "kettle2021calm"/],
  ['glossary term defined twice', edit('glossary.json', (t) => t.replace(/\n\]\s*$/, ',\n  {"id": "rct-2", "term": "RCT", "expansion": "x", "definition": "y"}\n]\n')), 'glossary.json', /:3\b/, /glossary "RCT" is defined twice/],
  // The studies table: a bad row names the file, the row's line and id; a table name it does not declare, the directive's line.
  ['a studies row of an undeclared kind', all(write('evidence.json', readFileSync('tests/fixtures/evidence/evidence.json', 'utf8').replace('"kind": "survey", "species": null', '"kind": "poll", "species": null')), TABLE), 'evidence.json', /:11\b/, /row "tea-habits": kind "poll" is not declared in vocabularies\.kind \[evidence-invalid\]/],
  ['a studies row citing an unknown key', all(write('evidence.json', readFileSync('tests/fixtures/evidence/evidence.json', 'utf8').replace('[@brewer2019tea]', '[@brewer2019te]')), TABLE), 'evidence.json', /:11\b/, /row "tea-habits": cite: unknown citation key "@brewer2019te": .*\[evidence-invalid\]/],
  ['an unknown studies table', all(write('evidence.json', readFileSync('tests/fixtures/evidence/evidence.json', 'utf8')), edit('chapters/01-caffeine.mdx', (t) => `${t.trimEnd()}\n\n::evidence-table{table="studys"}\n`)), 'chapters/01-caffeine.mdx', /:13\b/, /unknown table; evidence\.json declares "studies" \[evidence-table-unknown\]/],
  ['community entry of an unknown kind', (dir) => {
    mkdirSync(join(dir, 'community'), { recursive: true });
    writeFileSync(join(dir, 'community', '2026-01-02-chat.md'), '---\nkind: podcast\ntitle: "A chat"\nauthor: "A. Reader"\ndate: 2026-01-02\nurl: "https://example.org/chat"\nlicence: "CC BY 4.0"\n---\n');
  }, 'community/2026-01-02-chat.md', /:2\b/, /front matter kind: .* \[frontmatter-invalid\]$/m],
  // Blocks that would swallow or spill the rest of the chapter.
  ['an unclosed editorial note', edit('chapters/01-caffeine.mdx', (t) => t.replace('## Dose and timing', ':::editorial\nA note left open.\n\n## Dose and timing')), 'chapters/01-caffeine.mdx', /:9\b/, /":::editorial" is never closed.*\[directive-unclosed\]$/m],
  ['a note inside a note', edit('chapters/01-caffeine.mdx', (t) => `${t.trimEnd()}\n\n:::editorial\nOuter.\n\n:::editorial\nInner.\n:::\n\nMore.\n:::\n`), 'chapters/01-caffeine.mdx', /:16\b/, /":::editorial" inside ":::editorial" \(opened on line 13\).*\[directive-nested\]$/m],
  // Figure files are named for ids and URLs.
  ['a figure file name with a space', all(write('figures/figures.json', JSON.stringify([{ ...FIGURE, file: 'flow chart.svg' }])), write('figures/flow chart.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')), 'figures/figures.json', /:1\b/, /figure 1, file: a figure file name is ASCII letters, digits, "-" and "_", ending in \.svg.*\[figure-invalid\]$/m],
  ['a figure file name with an accent', all(write('figures/figures.json', JSON.stringify([{ ...FIGURE, file: 'schéma.svg' }])), write('figures/schéma.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')), 'figures/figures.json', /:1\b/, /\[figure-invalid\]$/m],
  // A near miss names what was meant.
  ['a citation key in the wrong case', edit('chapters/01-caffeine.mdx', (t) => t.replace('most [@leaf2020night]', 'most [@Leaf2020night]')), 'chapters/01-caffeine.mdx', /:11:46: /, /Unknown citation key "@Leaf2020night".*; did you mean "@leaf2020night"\? \[citation-unknown-key\]$/m],
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
    // The project's form only: the problem once, no stack trace, no internal message object, no config failure.
    expect(result.output.split('\n').filter((l) => l === where)).toHaveLength(1);
    expect(result.output).not.toMatch(/Stack trace|^\s+at .*\(|Unable to load your Astro config|ancestors:|\[ERROR\]/m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readdirSync(dirname(out)).filter((n) => n.startsWith(`${basename(out)}.staging-`))).toEqual([]);
  });
});

describe('a build names every content error at once', () => {
  const breakAndBuild = (breakIt: Edit) => {
    const content = copyFixture();
    breakIt(content);
    const out = `${content}-dist`;
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'last good build');
    const result = buildSite(content, out, {}, { quiet: false });
    expect(result.status, result.output).toBe(1);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
    expect(result.output).not.toMatch(/Stack trace|^\s+at .*\(|Unable to load your Astro config|ancestors:/m);
    return result.output.split('\n').filter((l) => /\[[a-z]+(?:-[a-z0-9]+)+\]$/.test(l) && !l.startsWith('warning: '));
  };

  test('four mistakes in two chapters found while rendering: four lines, each once', () => {
    const lines = breakAndBuild(all(
      edit('chapters/01-caffeine.mdx', (t) => t.replace('./02-theanine.mdx#calming-effects', './03-missing.mdx').replace('can delay sleep', 'can delay sleep [@nobody1999]')),
      edit('chapters/02-theanine.mdx', (t) => `${t.replace('./01-caffeine.mdx', './01-cafeine.mdx').trimEnd()}\n\nSee [the first](./01-cafeine.mdx).\n\n:::editorial\nLeft open.\n`),
    ));
    expect(lines).toEqual([
      expect.stringMatching(/chapters\/01-caffeine\.mdx:7:\d+: Unknown citation key "@nobody1999".* \[citation-unknown-key\]$/),
      expect.stringMatching(/chapters\/01-caffeine\.mdx:11:\d+: Broken internal link "\.\/03-missing\.mdx": no chapter file "03-missing\.mdx" \[link-broken\]$/),
      expect.stringMatching(/chapters\/02-theanine\.mdx:13:\d+: Broken internal link "\.\/01-cafeine\.mdx": no chapter file "01-cafeine\.mdx"; did you mean "01-caffeine\.mdx"\? \[link-broken\]$/),
      expect.stringMatching(/chapters\/02-theanine\.mdx:15: ":::editorial" is never closed.* \[directive-unclosed\]$/),
    ]);
  });

  test('three mistakes found before Astro starts: three lines, each once', () => {
    const lines = breakAndBuild(all(
      edit('chapters/01-caffeine.mdx', (t) => t.replace(/^title: .*\n/m, '')),
      edit('chapters/02-theanine.mdx', (t) => t.replace('order: 2', 'order: 0')),
      write('figures/figures.json', JSON.stringify([{ ...FIGURE, file: 'my figure.svg' }])),
    ));
    expect(lines).toEqual([
      expect.stringMatching(/chapters\/01-caffeine\.mdx:1: front matter has no title \[frontmatter-invalid\]$/),
      expect.stringMatching(/chapters\/02-theanine\.mdx:3: front matter order: .* \[frontmatter-invalid\]$/),
      expect.stringMatching(/figures\/figures\.json:1: figure 1, file: .* \[figure-invalid\]$/),
    ]);
  });
});

describe('a second review builds with the same engine', () => {
  test('the tiny tea review builds: its chapters, references and nothing of the disc review', () => {
    const content = copyFixture();
    const out = `${content}-dist`;
    const result = buildSite(content, out, {}, { quiet: false });
    expect(result.status, result.output).toBe(0);
    // No warning of its own: only the empty community folder's, which is another matter.
    expect(result.output.split('\n').filter((l) => /warn|deprecat/i.test(l) && !/community/.test(l))).toEqual([]);
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
