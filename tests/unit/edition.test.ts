// A chapter compiled on its own becomes one part of the single-page edition without clashing with the others.
import { describe, expect, test } from 'vitest';
import { editionPartHtml } from '../../src/lib/content/edition.ts';

const options = { prefix: 'one--', base: '/sub/', chapters: new Map([['one', 'one--'], ['two', 'two--']]), chapterAnchor: (slug: string) => `chapter-${slug}` };
const part = (html: string) => editionPartHtml(html, options);

describe('transformEditionPart', () => {
  test('prefixes ids and the links and labels that point at them', () => {
    expect(part('<h2 id="aims">Aims<a href="#aims">#</a></h2><span id="cite-1" class="citation"><a href="#ref-k">1</a></span>'))
      .toBe('<h3 id="one--aims">Aims<a href="#one--aims">#</a></h3><span id="one--cite-1" class="citation"><a href="#ref-k">1</a></span>');
    expect(part('<figure id="figure-a"><svg aria-labelledby="figure-a-alt"><defs><linearGradient id="g"></linearGradient></defs></svg><p id="figure-a-alt">alt</p></figure>'))
      .toBe('<figure id="one--figure-a"><svg aria-labelledby="one--figure-a-alt"><defs><linearGradient id="g"></linearGradient></defs></svg><p id="one--figure-a-alt">alt</p></figure>');
  });

  test('drops the part\'s own reference list; citations keep pointing at the edition\'s list', () => {
    expect(part('<p><a href="#ref-k">1</a></p><section class="reference-list"><h2 id="references">References</h2><ol><li id="ref-k">K</li></ol></section>'))
      .toBe('<p><a href="#ref-k">1</a></p>');
  });

  test('links to chapters and their sections point inside the edition; other links are left alone', () => {
    expect(part('<a href="/sub/chapters/two/#methods">m</a><a href="/sub/chapters/two/">t</a><a href="/sub/chapters/two/#ref-k">r</a><a href="/sub/glossary/#x">g</a><a href="https://doi.org/10.5555/x">d</a><a href="#unknown">u</a>'))
      .toBe('<a href="#two--methods">m</a><a href="#chapter-two">t</a><a href="#ref-k">r</a><a href="/sub/glossary/#x">g</a><a href="https://doi.org/10.5555/x">d</a><a href="#unknown">u</a>');
  });

  test('headings move one level down, h6 stays', () => {
    expect(part('<h1>a</h1><h5>b</h5><h6>c</h6>')).toBe('<h2>a</h2><h6>b</h6><h6>c</h6>');
  });
});
