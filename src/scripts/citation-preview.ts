// Citation cards are built from the page's own reference list, so they need no data of their own.
import { attachHoverCard } from './hover-card.ts';

export function initCitationPreviews(): void {
  const entries = (trigger: HTMLElement) =>
    (trigger.dataset['cites'] ?? '').split(' ').map((key) => document.getElementById(`ref-${key}`)).filter((el): el is HTMLElement => !!el);
  attachHoverCard([...document.querySelectorAll<HTMLElement>('.citation[data-cites]')], {
    className: 'cite-card',
    label: (t) => (entries(t).length === 1 ? 'Cited work' : `${entries(t).length} cited works`),
    render: (t) => {
      const list = document.createElement('ol');
      for (const item of entries(t)) {
        const li = document.createElement('li');
        li.value = Number(item.getAttribute('value')) || 0;
        for (const part of item.querySelectorAll('.reference-text, .reference-provenance, .reference-links')) li.append(part.cloneNode(true));
        // The card is where a reader looks closer: a match's status note is shown open.
        li.querySelectorAll('details.reference-status').forEach((d) => d.setAttribute('open', ''));
        li.querySelectorAll('.copy-button, .copy-status').forEach((el) => el.remove());
        list.append(li);
      }
      return [list];
    },
  });
}
