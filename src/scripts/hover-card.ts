// A preview card shared by citations and entity mentions: opens on hover, keyboard focus or tap, stays open while
// hovered, closes on Esc (returning focus) or an outside click, and is announced through a polite live region.
// The open card is moved into the text right after its trigger (it is drawn in the top layer, so it still floats):
// Tab from the trigger enters the card's links, Tab past the last one continues in the text, Shift+Tab goes back.
const OPEN_DELAY = 120;
const CLOSE_DELAY = 250;

export interface HoverCardOptions {
  className: string;
  /** Accessible name of the card for this trigger. */
  label: (trigger: HTMLElement) => string;
  /** Card content; may load data on first use. */
  render: (trigger: HTMLElement) => Node[] | Promise<Node[]>;
}

export function attachHoverCard(triggers: readonly HTMLElement[], { className, label, render }: HoverCardOptions): void {
  if (!triggers.length) return;
  const card = document.createElement('div');
  card.className = `hover-card ${className}`;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-live', 'polite');
  card.popover = 'manual';
  card.id = `${className}-${Math.random().toString(36).slice(2, 8)}`;
  document.body.append(card);

  let owner: HTMLElement | null = null;
  let timer = 0;
  const later = (fn: () => void, ms: number) => { clearTimeout(timer); timer = window.setTimeout(fn, ms); };
  const focusable = (t: HTMLElement) => (t.matches('a, button') ? t : t.querySelector<HTMLElement>('a, button'));

  async function open(trigger: HTMLElement) {
    clearTimeout(timer);
    if (owner === trigger && card.matches(':popover-open')) return;
    if (owner && owner !== trigger) expanded(owner, false);
    owner = trigger;
    const content = await render(trigger);
    if (owner !== trigger) return;
    card.setAttribute('aria-label', label(trigger));
    card.replaceChildren(...content);
    // Next to its trigger in reading order; outside an <abbr>, whose title would otherwise show over the card.
    const anchor = trigger.parentElement?.closest('abbr') ?? trigger;
    if (anchor.nextSibling !== card) {
      if (card.matches(':popover-open')) card.hidePopover();
      anchor.after(card);
    }
    if (!card.matches(':popover-open')) card.showPopover();
    expanded(trigger, true);
    place(trigger);
  }

  // The trigger's link says that it opened the card next to it.
  function expanded(trigger: HTMLElement, open: boolean) {
    const link = focusable(trigger);
    if (!link) return;
    if (open) { link.setAttribute('aria-expanded', 'true'); link.setAttribute('aria-controls', card.id); }
    else { link.removeAttribute('aria-expanded'); link.removeAttribute('aria-controls'); }
  }

  function close(returnFocus = false) {
    clearTimeout(timer);
    if (card.matches(':popover-open')) card.hidePopover();
    if (owner) expanded(owner, false);
    if (returnFocus && owner) focusable(owner)?.focus();
    owner = null;
  }

  function place(trigger: HTMLElement) {
    const r = trigger.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    card.style.width = `${width}px`;
    const left = Math.max(8, Math.min(r.left + r.width / 2 - width / 2, window.innerWidth - width - 8));
    const below = r.bottom + 8;
    card.style.left = `${left}px`;
    card.style.top = `${below + card.offsetHeight < window.innerHeight ? below : Math.max(8, r.top - 8 - card.offsetHeight)}px`;
  }

  const leaving = (event: FocusEvent, inside: HTMLElement) => {
    const next = event.relatedTarget as Node | null;
    if (!next || (!card.contains(next) && !inside.contains(next))) later(() => close(), CLOSE_DELAY);
  };
  for (const trigger of triggers) {
    trigger.addEventListener('mouseenter', () => later(() => void open(trigger), OPEN_DELAY));
    trigger.addEventListener('mouseleave', () => later(() => close(), CLOSE_DELAY));
    trigger.addEventListener('focusin', () => void open(trigger));
    trigger.addEventListener('focusout', (event) => leaving(event, trigger));
    // A tap opens the card first; a second tap (or any mouse click) follows the link. Decided at pointerdown,
    // because the tap's focus opens the card before the click arrives.
    let firstTap = false;
    trigger.addEventListener('pointerdown', (event) => { firstTap = event.pointerType === 'touch' && owner !== trigger; });
    trigger.addEventListener('click', (event) => {
      if (!firstTap) return;
      firstTap = false;
      event.preventDefault();
      void open(trigger);
    });
  }
  card.addEventListener('mouseenter', () => clearTimeout(timer));
  card.addEventListener('mouseleave', () => later(() => close(), CLOSE_DELAY));
  card.addEventListener('focusout', (event) => { if (owner) leaving(event, owner); });
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && owner) close(true); });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (owner && !card.contains(target) && !owner.contains(target)) close();
  });
  window.addEventListener('resize', () => close());
}
