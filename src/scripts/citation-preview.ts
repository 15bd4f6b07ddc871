// Preview cards for citations: hover, keyboard focus or tap on a citation shows the cited works, cloned from the
// page's own reference list, so the card needs no data of its own and the plain link still works without script.
const OPEN_DELAY = 120;
const CLOSE_DELAY = 250;

export function initCitationPreviews(): void {
  const citations = document.querySelectorAll<HTMLElement>('.citation[data-cites]');
  if (!citations.length) return;
  const card = document.createElement('div');
  card.className = 'cite-card';
  card.id = 'cite-card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-live', 'polite');
  card.popover = 'manual';
  document.body.append(card);

  let owner: HTMLElement | null = null;
  let timer = 0;
  const later = (fn: () => void, ms: number) => { clearTimeout(timer); timer = window.setTimeout(fn, ms); };

  function open(citation: HTMLElement) {
    clearTimeout(timer);
    if (owner === citation && card.matches(':popover-open')) return;
    owner = citation;
    const items = (citation.dataset['cites'] ?? '').split(' ').map((key) => document.getElementById(`ref-${key}`)).filter((el): el is HTMLElement => !!el);
    const list = document.createElement('ol');
    for (const item of items) {
      const li = document.createElement('li');
      li.value = Number(item.getAttribute('value')) || 0;
      for (const part of item.querySelectorAll('.reference-text, .reference-links')) li.append(part.cloneNode(true));
      list.append(li);
    }
    card.setAttribute('aria-label', `Cited ${items.length === 1 ? 'work' : 'works'}`);
    card.replaceChildren(list);
    card.showPopover();
    place(citation);
  }

  function close(returnFocus = false) {
    clearTimeout(timer);
    if (!card.matches(':popover-open')) return;
    card.hidePopover();
    if (returnFocus) owner?.querySelector('a')?.focus();
    owner = null;
  }

  function place(citation: HTMLElement) {
    const r = citation.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    card.style.width = `${width}px`;
    const left = Math.max(8, Math.min(r.left + r.width / 2 - width / 2, window.innerWidth - width - 8));
    const below = r.bottom + 8;
    const fitsBelow = below + card.offsetHeight < window.innerHeight;
    card.style.left = `${left}px`;
    card.style.top = `${fitsBelow ? below : Math.max(8, r.top - 8 - card.offsetHeight)}px`;
  }

  for (const citation of citations) {
    citation.addEventListener('mouseenter', () => later(() => open(citation), OPEN_DELAY));
    citation.addEventListener('mouseleave', () => later(() => close(), CLOSE_DELAY));
    citation.addEventListener('focusin', () => open(citation));
    citation.addEventListener('click', (event) => {
      // A tap opens the card first; a second tap (or a mouse click) follows the link.
      if ((event as PointerEvent).pointerType === 'touch' && owner !== citation) {
        event.preventDefault();
        open(citation);
      }
    });
  }
  card.addEventListener('mouseenter', () => clearTimeout(timer));
  card.addEventListener('mouseleave', () => later(() => close(), CLOSE_DELAY));
  card.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (!next || (!card.contains(next) && !owner?.contains(next))) later(() => close(), CLOSE_DELAY);
  });
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && owner) close(true); });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (owner && !card.contains(target) && !owner.contains(target)) close();
  });
  citations.forEach((c) => c.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (!next || (!card.contains(next) && !c.contains(next))) later(() => close(), CLOSE_DELAY);
  }));
  window.addEventListener('resize', () => close());
}
