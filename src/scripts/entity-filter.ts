// Filters the entities page by name, alias and type; without script every entity is listed.
export function initEntityFilter(): void {
  const form = document.querySelector<HTMLFormElement>('[data-entity-filter]');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[type=search]');
  const status = form.querySelector('[role=status]');
  const entries = [...document.querySelectorAll<HTMLElement>('.entity-entry')];
  const apply = () => {
    const text = (input?.value ?? '').trim().toLowerCase();
    const types = new Set([...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value));
    let shown = 0;
    for (const entry of entries) {
      const visible = types.has(entry.dataset['entityType'] ?? '') && (!text || (entry.dataset['names'] ?? '').includes(text));
      entry.hidden = !visible;
      if (visible) shown += 1;
    }
    document.querySelectorAll<HTMLElement>('[data-entity-group]').forEach((g) => { g.hidden = !g.querySelector('.entity-entry:not([hidden])'); });
    if (status) status.textContent = `${shown} of ${entries.length} entities shown`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
}
