// What a build says about the site itself: its own citation (no local address when the public URL is unknown),
// which works a page's Highwire tags list, and the build's own log.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, shellEnv } from '../support/build-fixture.ts';
import { builtPages, type BuiltPage } from '../support/dist-pages.ts';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]);
const metaContents = (page: BuiltPage, name: string) => [...page.html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]!);
const referenceEntries = (page: BuiltPage) => (page.html.match(/<li id="ref-[^"]+" value="\d+"/g) ?? []).length;
const utcDay = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];

describe('this review built without SITE_URL', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'site-metadata-')), 'dist');
  let log = '';
  let pages: BuiltPage[] = [];
  const page = (path: string) => pages.find((p) => p.path === path)!;
  const home = readFileSync('content/home.mdx', 'utf8');
  const siteName = /^siteName: "?(.+?)"?$/m.exec(home)![1]!;
  const title = /^title: "?(.+?)"?$/m.exec(home)![1]!;

  beforeAll(() => {
    const env = shellEnv();
    delete env['SITE_URL'];
    delete env['BASE_PATH'];
    // Not --quiet: Astro's own [WARN] lines are what this build must not print.
    const run = spawnSync(process.execPath, ['src/cli/build.ts', '--out', out], { encoding: 'utf8', env, maxBuffer: 1024 ** 3 });
    log = `${run.stdout}\n${run.stderr}`;
    expect(run.status, log).toBe(0);
    pages = builtPages(out);
  }, 180_000);

  test('an empty content/community/ prints no warning', () => {
    expect(log).toMatch(/built .* in [\d.]+ s/);
    expect(log.split('\n').filter((l) => /\[WARN\]/.test(l) && /community/.test(l))).toEqual([]);
  });

  test('no file of the built site holds a local address', () => {
    const local = files(out).filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, 'latin1')));
    expect(local).toEqual([]);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).not.toMatch(/Sitemap/);
    expect(pages.filter((p) => /rel="(?:canonical|sitemap)"/.test(p.html)).map((p) => p.path)).toEqual([]);
  });

  test('the site\'s BibTeX, RIS and CSL-JSON name the site once, with no URL and the day of the build as access date', () => {
    const today = utcDay(new Date());
    const csl = JSON.parse(readFileSync(join(out, 'cite/site.json'), 'utf8'));
    const bib = new Cite(readFileSync(join(out, 'cite/site.bib'), 'utf8')).data[0]!;
    const ris = new Cite(readFileSync(join(out, 'cite/site.ris'), 'utf8')).data[0]!;
    for (const [format, record] of [['csl', csl[0]], ['bib', bib], ['ris', ris]] as const) {
      expect(record.title, format).toBe(title);
      expect(record.author, format).toHaveLength(1);
      expect(JSON.stringify(record.author), format).toContain(siteName);
      expect(record['container-title'], format).toBeUndefined();
      expect(record.URL, format).toBeUndefined();
    }
    expect(csl[0].accessed).toEqual({ 'date-parts': [today] });
    expect(ris.accessed).toEqual({ 'date-parts': [today] });
    expect(bib.note).toContain(`accessed ${today[0]}-${String(today[1]).padStart(2, '0')}-${String(today[2]).padStart(2, '0')}`);
  });

  test('"Cite this review" names the site once and says how to give it its address', () => {
    for (const path of ['', 'references/']) {
      const section = /<section class="cite-this[\s\S]*?<\/section>/.exec(page(path).html)![0];
      const text = toString(fromHtml(section));
      const entry = /This site(.*?)(?:This copy|BibTeX)/s.exec(text)![1]!;
      expect(entry.split(siteName).length - 1, entry).toBe(1);
      expect(text).toContain('SITE_URL');
      expect(section).toContain('cite/site.json');
    }
  });

  test('Highwire citation_reference tags list the works a page cites: none on pages that cite nothing, all on /review/', () => {
    const cited = referenceEntries(page('references/'));
    expect(cited).toBeGreaterThan(20);
    expect(metaContents(page('review/'), 'citation_reference')).toHaveLength(cited);
    for (const path of ['404.html', 'search/', 'glossary/', 'entities/', 'notes/', 'community/', 'references/']) {
      expect(metaContents(page(path), 'citation_reference'), path).toEqual([]);
      expect(metaContents(page(path), 'citation_title'), path).toHaveLength(1);
    }
    const chapters = pages.filter((p) => p.path.startsWith('chapters/'));
    expect(chapters.length).toBeGreaterThan(1);
    for (const chapter of chapters) {
      const tags = metaContents(chapter, 'citation_reference');
      expect(tags.length, chapter.path).toBe(referenceEntries(chapter));
      expect(tags.length, chapter.path).toBeLessThan(cited);
    }
  });
});

describe('a reference with an absurdly long title, and an entity alias that is a chapter title', () => {
  const content = copyFixture();
  const out = `${content}-dist`;
  const long = `A ${'very '.repeat(2000)}long title`;
  let result = { status: null as number | null, output: '' };

  beforeAll(() => {
    const refsFile = join(content, 'references.json');
    const refs = JSON.parse(readFileSync(refsFile, 'utf8')) as { id: string; title: string }[];
    refs.find((r) => r.id === 'kettle2021calm')!.title = long;
    writeFileSync(refsFile, JSON.stringify(refs, null, 2));
    const entitiesFile = join(content, 'entities.json');
    const entities = JSON.parse(readFileSync(entitiesFile, 'utf8')) as { aliases: string[] }[];
    entities[0]!.aliases.push('caffeine and sleep onset');
    writeFileSync(entitiesFile, JSON.stringify(entities, null, 2));
    result = buildSite(content, out);
  }, 180_000);

  test('builds, warning at the field\'s line', () => {
    expect(result.status, result.output).toBe(0);
    const line = readFileSync(join(content, 'references.json'), 'utf8').split('\n').findIndex((l) => l.includes('"title": "A very')) + 1;
    expect(result.output).toContain(`warning: ${join(content, 'references.json')}:${line}: record "kettle2021calm", field "title" is ${long.length} characters long (more than 1000)`);
    expect(result.output).toMatch(/\[reference-field-long\]/);
  });

  test('the long title reaches only the pages that cite the work (and the reference list), not every page', () => {
    const holding = builtPages(out).filter((p) => p.html.includes(long.slice(0, 200))).map((p) => p.path).sort();
    expect(holding).toEqual(['chapters/theanine/', 'references/', 'review/']);
  });

  test('an alias equal to a chapter title warns, naming the file and line', () => {
    const line = readFileSync(join(content, 'entities.json'), 'utf8').split('\n').findIndex((l) => l.includes('"caffeine and sleep onset"')) + 1;
    expect(result.output).toContain(`warning: ${join(content, 'entities.json')}:${line}: entity "caffeine": alias "caffeine and sleep onset" is also the chapter title "Caffeine and sleep onset"; a search for it would find this entity [entity-alias-collision]`);
  });
});
