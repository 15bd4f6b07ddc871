// Marks the searched term in the section a search result pointed at (`?hl=term#section`). Loaded only when the
// parameter is present.

const MAX_MARKS = 50;

export function highlightFromUrl(): void {
  const term = new URLSearchParams(location.search).get('hl')?.slice(0, 100) ?? '';
  // Match letters and digits in order, allowing punctuation or a space between them: "IL-1β" finds "IL 1β".
  const chars = [...term.normalize('NFKC')].filter((c) => /[\p{L}\p{N}]/u.test(c)).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!chars.length) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${chars.join('[\\p{P}\\s]?')}[\\p{L}\\p{N}]*`, 'giu');
  let count = 0;
  let first: HTMLElement | undefined;
  const texts: Text[] = [];
  for (const root of sectionOf(location.hash)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script, style, mark, svg, button, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  }
  for (const text of texts) {
    const matches = [...text.data.matchAll(pattern)].slice(0, MAX_MARKS - count);
    count += matches.length;
    // Split from the end so earlier offsets stay valid; the last mark made is this node's first.
    let earliest: HTMLElement | undefined;
    for (const m of matches.reverse()) {
      const hit = text.splitText(m.index);
      hit.splitText(m[0].length);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      hit.replaceWith(mark);
      mark.append(hit);
      earliest = mark;
    }
    first ??= earliest;
  }
  // Without a section anchor the browser did not scroll; bring the first mark into view.
  if (!location.hash && first) first.scrollIntoView({ block: 'center' });
}

// The target element; for a heading, everything up to the next heading of the same or a higher level.
function sectionOf(hash: string): Element[] {
  let target: Element | null = null;
  try {
    target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    target = null; // a malformed %-escape
  }
  if (!target) return [document.querySelector('main') ?? document.body];
  const level = /^H([1-6])$/.exec(target.tagName)?.[1];
  if (!level) return [target];
  const section: Element[] = [target];
  for (let n = target.nextElementSibling; n; n = n.nextElementSibling) {
    const next = /^H([1-6])$/.exec(n.tagName)?.[1];
    if (next && next <= level) break;
    section.push(n);
  }
  return section;
}
