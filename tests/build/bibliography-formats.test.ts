// The bibliography may be CSL-JSON, BibTeX/BibLaTeX or RIS: each builds the same numbered review, and a malformed
// file fails the build with the file, the line and the cause, leaving the last good dist/ alone.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';

const PAGES = ['chapters/caffeine/index.html', 'chapters/theanine/index.html', 'references/index.html', 'index.html'];

/** Every citation and reference entry of the built pages, as HTML: what "the same numbered output" means. */
function numberedOutput(out: string): Record<string, string[]> {
  return Object.fromEntries(PAGES.map((page) => {
    const tree = fromHtml(readFileSync(join(out, page), 'utf8'));
    const found: string[] = [];
    visit(tree, 'element', (el: Element) => {
      const classes = ([] as unknown[]).concat(el.properties['className'] ?? []);
      if (classes.includes('citation') || (el.tagName === 'li' && classes.includes('reference'))) found.push(toHtml(el));
    });
    return [page, found];
  }));
}

/** The fixture's CSL-JSON written out as another format by citation-js, keeping its ids as the citation keys. */
function convertFixture(format: 'bibtex' | 'ris'): string {
  const content = copyFixture();
  const records = JSON.parse(readFileSync(join(content, 'references.json'), 'utf8')) as { id: string }[];
  const text = new Cite(records.map((r) => ({ ...r, 'citation-key': r.id }))).format(format, { format: 'text' }) as string;
  rmSync(join(content, 'references.json'));
  writeFileSync(join(content, format === 'bibtex' ? 'references.bib' : 'references.ris'), text);
  return content;
}

describe('every bibliography format builds the same review', () => {
  const reference = copyFixture();
  const referenceOut = `${reference}-dist`;
  let expected: Record<string, string[]> | undefined;
  const expectedOutput = () => {
    if (!expected) {
      const result = buildSite(reference, referenceOut);
      expect(result.status, result.output).toBe(0);
      expected = numberedOutput(referenceOut);
    }
    return expected;
  };

  test.each(['bibtex', 'ris'] as const)('the mini-review converted to %s builds to the same numbered output as with CSL-JSON', (format) => {
    const content = convertFixture(format);
    const out = `${content}-dist`;
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(0);
    const built = numberedOutput(out);
    expect(built['chapters/theanine/index.html']?.join('')).toMatch(/>1<\/a>–<a [^>]*>3<\/a>\]/);
    expect(built['references/index.html']).toHaveLength(3);
    expect(built).toEqual(expectedOutput());
    // The downloads are made from the converted records, with the same keys.
    expect(readFileSync(join(out, 'references.bib'), 'utf8')).toMatch(/@article\{brewer2019tea,/);
    expect(JSON.parse(readFileSync(join(out, 'references.json'), 'utf8')).map((r: { id: string }) => r.id).sort()).toEqual(['brewer2019tea', 'kettle2021calm', 'leaf2020night']);
  });
});

type Setup = (content: string) => void;
const useBibliography = (fixture: string): Setup => (content) => {
  rmSync(join(content, 'references.json'));
  copyFileSync(resolve('tests/fixtures/bad-bibliography', fixture), join(content, `references${fixture.slice(fixture.lastIndexOf('.'))}`));
};

const CASES: [name: string, setup: Setup, where: RegExp, cause: RegExp][] = [
  ['BibTeX with an unclosed brace', useBibliography('unclosed-brace.bib'), /references\.bib:8: /, /"@article\{leaf2020night" is never closed.*\[references-bibtex-unclosed\]/],
  ['BibTeX with a duplicate key', useBibliography('duplicate-key.bib'), /references\.bib:15: /, /duplicate citation key "brewer2019tea".*\[references-duplicate-id\]/],
  ['BibTeX entry without a type', useBibliography('no-type.bib'), /references\.bib:8: /, /entry "leaf2020night" has no type.*\[references-bibtex-no-type\]/],
  ['RIS record without a type', useBibliography('no-type.ris'), /references\.ris:9: /, /outside a record: the record has no "TY {2}- " \(type\) line \[references-ris-no-type\]/],
  ['RIS with a duplicate ID', useBibliography('duplicate-key.ris'), /references\.ris:17: /, /duplicate ID "leaf2020night".*\[references-duplicate-id\]/],
  ['RIS record never closed', useBibliography('unclosed.ris'), /references\.ris:9: /, /record is not closed.*\[references-ris-unclosed\]/],
  ['two bibliography files', (content) => writeFileSync(join(content, 'references.bib'), '@article{x, title = {X}}\n'), /references\.bib: /, /references\.json and references\.bib are both present.*\[references-ambiguous\]/],
  ['citations but no bibliography', (content) => rmSync(join(content, 'references.json')), /chapters\/01-caffeine\.mdx: /, /cites "@\w+" but the content folder holds no bibliography.*\[references-missing\]/],
];

describe('a malformed bibliography fails the build clearly and keeps the last good dist/', () => {
  test.each(CASES)('%s', (_name, setup, where, cause) => {
    const content = copyFixture();
    setup(content);
    const out = join(dirname(content), `${basename(content)}-dist`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'last good build');
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(1);
    const line = result.output.split('\n').find((l) => where.test(l) && cause.test(l));
    expect(line, result.output).toBeDefined();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
    expect(readdirSync(out)).toEqual(['index.html']);
  });
});
