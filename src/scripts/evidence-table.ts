// The evidence table, enhanced: filters, free text and sorting, kept in the address (`?kind=…&region=…&q=…&sort=…`)
// so a filtered view can be linked, and restored on load and on back/forward. Without script the whole table shows.
const FILTERS = ['kind', 'species', 'region', 'cell'] as const;
type Filter = (typeof FILTERS)[number];

interface State {
  filters: Record<Filter, string>;
  q: string;
  /** Column key, `-` first for descending; '' for the table's own order. */
  sort: string;
}

export function initEvidenceTable(): void {
  const form = document.querySelector<HTMLFormElement>('[data-evidence-filter]');
  const table = document.querySelector<HTMLTableElement>('[data-evidence-table]');
  const count = document.querySelector<HTMLElement>('[data-evidence-count]');
  if (!form || !table || !count) return;
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const total = rows.length;
  const select = (name: Filter) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const text = form.elements.namedItem('q') as HTMLInputElement | null;
  const headers = [...table.tHead?.rows[0]?.cells ?? []];

  const read = (): State => {
    const params = new URLSearchParams(location.search);
    const filters = Object.fromEntries(FILTERS.map((f) => {
      const value = params.get(f) ?? '';
      const control = select(f);
      return [f, control && [...control.options].some((o) => o.value === value) ? value : ''];
    })) as Record<Filter, string>;
    const sort = params.get('sort') ?? '';
    return { filters, q: params.get('q') ?? '', sort: headers.some((h) => h.dataset['sortKey'] === sort.replace(/^-/, '')) ? sort : '' };
  };
  const current = (): State => ({
    filters: Object.fromEntries(FILTERS.map((f) => [f, select(f)?.value ?? ''])) as Record<Filter, string>,
    q: text?.value ?? '',
    sort: table.dataset['sort'] ?? '',
  });
  const address = (state: State): string => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (state.filters[f]) params.set(f, state.filters[f]);
    if (state.q.trim()) params.set('q', state.q.trim());
    if (state.sort) params.set('sort', state.sort);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  };

  const apply = (state: State): void => {
    for (const f of FILTERS) { const control = select(f); if (control) control.value = state.filters[f]; }
    if (text && text.value !== state.q) text.value = state.q;
    const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const visible = (!state.filters.kind || d['kind'] === state.filters.kind)
        && (!state.filters.region || (d['region'] ?? '').split(' ').includes(state.filters.region))
        && (!state.filters.species || (d['species'] ?? '').split('|').includes(state.filters.species))
        && (!state.filters.cell || (d['cell'] ?? '').split('|').includes(state.filters.cell))
        && words.every((w) => (d['text'] ?? '').includes(w));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    sortRows(state.sort);
    const noun = total === 1 ? 'study' : 'studies';
    count.textContent = shown === total ? `${total} ${noun}` : shown === 0 ? `No study of ${total} matches these filters` : `${shown} of ${total} ${noun}`;
  };

  const sortRows = (sort: string): void => {
    const key = sort.replace(/^-/, '');
    const column = headers.findIndex((h) => h.dataset['sortKey'] === key);
    table.dataset['sort'] = column < 0 ? '' : sort;
    headers.forEach((h, i) => {
      if (i === column) h.setAttribute('aria-sort', sort.startsWith('-') ? 'descending' : 'ascending');
      else h.removeAttribute('aria-sort');
    });
    const value = (row: HTMLTableRowElement) => {
      const cell = row.cells[column];
      return cell?.dataset['sort'] ?? cell?.textContent?.trim().toLowerCase() ?? '';
    };
    const order = (row: HTMLTableRowElement) => Number(row.dataset['order']);
    const sign = sort.startsWith('-') ? -1 : 1;
    const sorted = [...rows].sort((a, b) => (column < 0 ? 0 : sign * value(a).localeCompare(value(b), undefined, { numeric: true })) || order(a) - order(b));
    body.append(...sorted);
  };

  const commit = (push: boolean): void => {
    const state = current();
    apply(state);
    const next = address(state);
    if (next === `${location.pathname}${location.search}${location.hash}`) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
  };

  form.addEventListener('change', (e) => { if (e.target !== text) commit(true); });
  // Typing rewrites the address in place; only a settled change of filters or order adds a history entry.
  form.addEventListener('input', (e) => { if (e.target === text) commit(false); });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => commit(true)));
  table.querySelectorAll<HTMLButtonElement>('button[data-sort]').forEach((button) => {
    button.addEventListener('click', () => {
      const key = button.dataset['sort'] ?? '';
      const now = table.dataset['sort'] ?? '';
      table.dataset['sort'] = now === key ? `-${key}` : key;
      commit(true);
    });
  });
  window.addEventListener('popstate', () => apply(read()));
  apply(read());
}
