// Citation cards are built from the page's own reference list, plus what the citation's span says about each work
// (locator, prefix, suffix), so they need no data of their own.
import { attachHoverCard } from './hover-card.ts';
import { isSingleLocator, locatorText } from '../lib/citations/locator-text.ts';

/** One work of a group as the build writes it into `data-items`: the Pandoc parts, and who wrote the work. */
export interface CardItem {
  key: string;
  prefix?: string;
  locator?: { label: string; value: string };
  suffix?: string;
  by?: string;
}

/**
 * What a locator means, in words, with the cited work's own reference numbers named as theirs so they are not
 * read as the site's: "Kim et al. refs 63–67: works Kim et al. cite here, not identified on this site.", "Cited at p. 5".
 */
export function locatorSentence(item: CardItem): string | undefined {
  const { locator } = item;
  if (!locator) return item.suffix ? `Note: ${item.suffix}` : undefined;
  if (locator.label === 'refs') {
    const one = isSingleLocator(locator.value);
    const who = item.by;
    const verb = who && !/ et al\.$| and /.test(who) ? 'cites' : 'cite';
    return `${who ?? "The authors'"} ${locatorText(locator)}: ${one ? 'a work' : 'works'} ${who ? `${who} ${verb}` : 'they cite'} here, not identified on this site.`;
  }
  if (!locator.value) return `Cited from its ${locator.label}${item.suffix ? `, ${item.suffix}` : ''}.`;
  return `Cited at ${locator.label} ${locator.value}${item.suffix ? `, ${item.suffix}` : ''}.`;
}

function itemsOf(trigger: HTMLElement): CardItem[] {
  try {
    return JSON.parse(trigger.dataset['items'] ?? '[]') as CardItem[];
  } catch {
    return [];
  }
}

export function initCitationPreviews(): void {
  const entries = (trigger: HTMLElement) =>
    (trigger.dataset['cites'] ?? '').split(' ').map((key) => document.getElementById(`ref-${key}`)).filter((el): el is HTMLElement => !!el);
  attachHoverCard([...document.querySelectorAll<HTMLElement>('.citation[data-cites]')], {
    className: 'cite-card',
    // Named like the citation's own links ("Reference 3"), so the card and its trigger read as one.
    label: (t) => {
      const numbers = entries(t).map((e) => e.getAttribute('value') ?? '').filter(Boolean);
      return numbers.length === 1 ? `Reference ${numbers[0]}` : numbers.length ? `References ${numbers.join(', ')}` : 'Cited work';
    },
    render: (t) => {
      const items = itemsOf(t);
      const list = document.createElement('ol');
      for (const item of entries(t)) {
        const li = document.createElement('li');
        li.value = Number(item.getAttribute('value')) || 0;
        for (const part of item.querySelectorAll('.reference-text, .reference-provenance, .reference-links')) li.append(part.cloneNode(true));
        // The card is where a reader looks closer: a match's status note is shown open.
        li.querySelectorAll('details.reference-status').forEach((d) => d.setAttribute('open', ''));
        li.querySelectorAll('.copy-button, .copy-status').forEach((el) => el.remove());
        // "DOI" alone is ambiguous in a card of several works: each link says whose record it opens.
        li.querySelectorAll<HTMLAnchorElement>('.reference-links a').forEach((a) => a.setAttribute('aria-label', `${a.textContent ?? ''}, reference ${li.value}`));
        for (const sentence of items.filter((i) => `ref-${i.key}` === item.id).map(locatorSentence)) {
          if (!sentence) continue;
          const note = document.createElement('p');
          note.className = 'card-note cite-locator';
          note.textContent = sentence;
          li.append(note);
        }
        list.append(li);
      }
      return [list];
    },
  });
}
