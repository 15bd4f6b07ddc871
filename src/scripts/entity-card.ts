// Entity cards load one small JSON file on first use, so pages carry no card data up front.
import { attachHoverCard } from './hover-card.ts';

interface CardData {
  label: string;
  type: string;
  names: string[];
  links: { label: string; id: string; href: string }[];
  note?: string;
  mentions: number;
}

let cards: Promise<Record<string, CardData>> | undefined;
const load = () => (cards ??= fetch(`${document.body.dataset['base'] ?? '/'}entity-cards.json`).then((r) => r.json() as Promise<Record<string, CardData>>));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function initEntityCards(): void {
  attachHoverCard([...document.querySelectorAll<HTMLElement>('a.entity[data-entity]')], {
    className: 'entity-card',
    label: (t) => `About ${t.textContent ?? 'this entity'}`,
    render: async (t) => {
      const data = (await load().catch(() => ({}) as Record<string, CardData>))[t.dataset['entity'] ?? ''];
      if (!data) return [el('p', 'No details on file.')];
      const out: Node[] = [el('p', data.label, 'card-title'), el('p', data.type, 'card-kind')];
      if (data.names.length) out.push(el('p', `Also: ${data.names.join(' · ')}`, 'card-names'));
      if (data.links.length) {
        const ul = el('ul', undefined, 'card-links');
        for (const l of data.links) {
          const a = el('a', `${l.label}: ${l.id}`);
          a.href = l.href;
          a.rel = 'noopener noreferrer';
          const li = el('li');
          li.append(a);
          ul.append(li);
        }
        out.push(ul);
      } else if (data.note) out.push(el('p', data.note, 'card-note'));
      const more = el('a', `Mentioned ${data.mentions} ${data.mentions === 1 ? 'time' : 'times'} in the review: all places`);
      more.href = (t as HTMLAnchorElement).href;
      out.push(el('p', undefined, 'card-more'));
      (out.at(-1) as HTMLElement).append(more);
      return out;
    },
  });
}
