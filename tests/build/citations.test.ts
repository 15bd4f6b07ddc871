// A whole build of a page full of things that look like citations and are not: the built pages must number only
// the real ones, and every back-link on the references page must land on a citation of that work.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';

const TRAPS = `---
title: "Traps"
order: 3
summary: "Things that look like citations."
---

Follow [on Mastodon @kettle2021calm](https://example.org) for news. Code \`[@kettle2021calm]\` and \`\`a [@kettle2021calm] b\`\` stay code, \\[@kettle2021calm] stays literal, and so does [me@example.org], at 10:30.

\`\`\`
[@kettle2021calm]
\`\`\`

- A list item

  \`\`\`
  [@kettle2021calm]
  \`\`\`

## Locators

Cited at a place [see @leaf2020night, p. 5] and by reference number [@brewer2019tea, refs 63–67; @kettle2021calm].
`;

const spans = (html: string) => [...html.matchAll(/<span id="(cite-\d+)" class="citation" data-cites="([^"]*)"[^>]*>(.*?)<\/span>/g)].map((m) => ({ id: m[1] ?? '', keys: m[2] ?? '', text: (m[3] ?? '').replace(/<[^>]+>/g, '') }));

describe('citations in a built page', () => {
  test('only real citations are numbered; locators show; back-links land', () => {
    const content = copyFixture();
    writeFileSync(join(content, 'chapters/03-traps.mdx'), TRAPS);
    const out = `${content}-dist`;
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(0);
    const page = readFileSync(join(out, 'chapters/traps/index.html'), 'utf8');
    // brewer 1, leaf 2 (chapter 1), kettle 3 (chapter 2): the traps before them take no number.
    expect(spans(page)).toEqual([
      { id: 'cite-1', keys: 'leaf2020night', text: '[see 2, p. 5]' },
      { id: 'cite-2', keys: 'brewer2019tea kettle2021calm', text: '[1, refs 63–67; 3]' },
    ]);
    expect(page).toContain('<code>[@kettle2021calm]</code>');
    expect(page).toContain('[@kettle2021calm] stays literal');
    expect(page).toMatch(/<a href="https:\/\/example\.org"[^>]*>on Mastodon @kettle2021calm<\/a>/);
    expect(page).toMatch(/data-items="[^"]*refs[^"]*63–67/);

    const refs = readFileSync(join(out, 'references/index.html'), 'utf8');
    const backLinks = [...refs.matchAll(/<li id="ref-([\w-]+)"[^>]*>[\s\S]*?<\/details>/g)].flatMap((entry) =>
      [...(entry[0].matchAll(/href="\/chapters\/([\w-]+)\/#(cite-\d+)"/g))].map((m) => ({ key: entry[1] ?? '', page: m[1] ?? '', anchor: m[2] ?? '' })));
    expect(backLinks.filter((l) => l.page === 'traps')).toEqual([
      { key: 'brewer2019tea', page: 'traps', anchor: 'cite-2' },
      { key: 'leaf2020night', page: 'traps', anchor: 'cite-1' },
      { key: 'kettle2021calm', page: 'traps', anchor: 'cite-2' },
    ]);
    for (const link of backLinks) {
      const target = spans(readFileSync(join(out, 'chapters', link.page, 'index.html'), 'utf8')).find((s) => s.id === link.anchor);
      expect(target?.keys.split(' '), `${link.key} → ${link.page}#${link.anchor}`).toContain(link.key);
    }
  });

  test('a citation in a heading fails with the file, the line and a rule id, and keeps dist/', () => {
    const content = copyFixture();
    writeFileSync(join(content, 'chapters/03-traps.mdx'), TRAPS.replace('## Locators', '## Locators [@leaf2020night]'));
    const out = join(dirname(content), `${content.split('/').pop()}-dist`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'last good build');
    const result = buildSite(content, out);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/chapters\/03-traps\.mdx:19\b[\s\S]*\[citation-in-heading\]|\[citation-in-heading\][\s\S]*chapters\/03-traps\.mdx:19\b/);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last good build');
  });
});
