// Text from data is text: markup in a reference title, an entity alias or a glossary term must not become markup.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { expect, test } from 'vitest';
import { buildSite, copyFixture } from '../support/build-fixture.ts';

const HOSTILE = `<script>alert("x")</script> <img src=x onerror="alert(1)"> "quoted" & 'single'`;

test('hostile text in references, entities and glossary renders as text', () => {
  const content = copyFixture();
  const json = (file: string, change: (data: Record<string, unknown>[]) => void) => {
    const data = JSON.parse(readFileSync(join(content, file), 'utf8')) as Record<string, unknown>[];
    change(data);
    writeFileSync(join(content, file), JSON.stringify(data, null, 2));
  };
  json('references.json', (refs) => { refs[0]!['title'] = `Tea ${HOSTILE}`; });
  json('entities.json', (ents) => { ents[0]!['aliases'] = [HOSTILE]; ents[0]!['label'] = `caffeine ${HOSTILE}`; });
  json('glossary.json', (terms) => { terms[0]!['expansion'] = `randomised ${HOSTILE}`; terms[0]!['definition'] = HOSTILE; });
  const out = `${content}-dist`;
  const result = buildSite(content, out);
  expect(result.status, result.output).toBe(0);

  for (const page of ['references/index.html', 'entities/index.html', 'glossary/index.html', 'chapters/caffeine/index.html', 'index.html']) {
    const html = readFileSync(join(out, page), 'utf8');
    const injected: string[] = [];
    visit(fromHtml(html), 'element', (el: Element) => {
      if (el.tagName === 'img') injected.push(`img on ${page}`);
      if (Object.keys(el.properties).some((k) => /^on/i.test(k))) injected.push(`handler on ${page}`);
      if (el.tagName === 'script' && !el.properties['src'] && el.properties['type'] !== 'application/ld+json') injected.push(`script on ${page}`);
    });
    expect(injected).toEqual([]);
  }
  expect(readFileSync(join(out, 'references/index.html'), 'utf8')).toContain('&#x3C;script>alert(');
  expect(readFileSync(join(out, 'entities/index.html'), 'utf8')).toMatch(/(&lt;|&#x3C;)img src=x onerror=/);
  const cards = JSON.parse(readFileSync(join(out, 'entity-cards.json'), 'utf8')) as Record<string, { label: string }>;
  expect(cards['caffeine']?.label).toContain('<script>');
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(readFileSync(join(out, 'chapters/caffeine/index.html'), 'utf8'))?.[1] ?? '';
  expect(ld).not.toContain('</script');
  expect(JSON.parse(ld).citation[0].name).toContain('<script>');
});
