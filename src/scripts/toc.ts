// "On this page": open in the rail on wide screens, and marks the section being read (aria-current) as the reader
// scrolls. An IntersectionObserver watches the headings cross the top third of the window, so nothing runs while
// reading inside a section, and the mark only changes a colour, so the layout never moves.
const WIDE = '(min-width: 75rem)';

export function initTableOfContents(): void {
  const toc = document.querySelector<HTMLElement>('[data-toc]');
  if (!toc) return;
  const details = toc.querySelector('details');
  const wide = window.matchMedia(WIDE);
  const openOnWide = () => { if (details && wide.matches) details.open = true; };
  openOnWide();
  wide.addEventListener('change', openOnWide);

  const links = new Map<Element, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (heading) links.set(heading, a);
  }
  const headings = [...links.keys()];
  if (!headings.length) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    const line = window.innerHeight * 0.3;
    let active: Element | undefined;
    for (const h of headings) {
      if (h.getBoundingClientRect().top <= line) active = h;
      else break;
    }
    // At the very end of the page the last sections may never reach the line: the last visible one is current.
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
      active = headings.filter((h) => h.getBoundingClientRect().top < window.innerHeight).at(-1) ?? active;
    }
    const next = active ? links.get(active) : undefined;
    if (next === current) return;
    current?.removeAttribute('aria-current');
    next?.setAttribute('aria-current', 'location');
    current = next;
  };
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
  for (const h of headings) observer.observe(h);
  window.addEventListener('scrollend', update, { passive: true });
  update();
}
