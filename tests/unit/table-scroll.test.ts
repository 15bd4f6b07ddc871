import { describe, expect, test } from 'vitest';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { tableLabel, transformTableScroll } from '../../src/plugins/rehype-table-scroll.ts';

const table = (caption?: string) => h('table', [
  ...(caption ? [h('caption', caption)] : []),
  h('thead', [h('tr', [h('th', 'Study'), h('th', [h('em', 'Model'), ' or patients'])])]),
  h('tbody', [h('tr', [h('td', 'a'), h('td', 'b')])]),
]);

describe('rehype-table-scroll', () => {
  test('wraps each table in a frame and a labelled, focusable scroll box, once', () => {
    const tree: Root = { type: 'root', children: [h('p', 'before'), table(), table('Evidence in animals')] };
    transformTableScroll(tree);
    transformTableScroll(tree); // a second pass leaves wrapped tables alone
    const html = toHtml(tree);
    expect(html.match(/<div class="table-frame"><div class="table-scroll" role="region" tabindex="0" aria-label="[^"]+"><table>/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Table: Study, Model or patients"');
    expect(html).toContain('aria-label="Evidence in animals"');
    expect(html.match(/table-frame/g)).toHaveLength(2);
  });

  test('a table without headings or caption is still named', () => {
    expect(tableLabel(h('table', [h('tr', [h('td', 'x')])]))).toBe('Table');
  });
});
