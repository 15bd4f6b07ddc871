const LABELS: Record<string, [plural: string, singular: string]> = {
  gene: ['Genes and proteins', 'Gene or protein'],
  cellType: ['Cell types', 'Cell type'],
  chemical: ['Chemicals', 'Chemical'],
  disease: ['Diseases and conditions', 'Disease or condition'],
  species: ['Species', 'Species'],
  mirna: ['MicroRNAs', 'MicroRNA'],
  trial: ['Clinical trials', 'Clinical trial'],
};

/** Heading for a group of entities (or the name of one kind, with `one`); unknown types show as written. */
export function typeLabel(type: string, { one = false } = {}): string {
  const known = LABELS[type];
  if (known) return one ? known[1] : known[0];
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** The colour groups "Highlight terms" uses, as a reader's legend names them; other types share a neutral hue. */
const HIGHLIGHT_GROUPS: readonly { group: string; label: string; types: readonly string[] }[] = [
  { group: 'gene', label: 'Genes and proteins', types: ['gene', 'mirna'] },
  { group: 'chemical', label: 'Chemicals', types: ['chemical'] },
  { group: 'cell', label: 'Cell types', types: ['cellType'] },
  { group: 'disease', label: 'Diseases', types: ['disease'] },
  { group: 'species', label: 'Species', types: ['species'] },
];

/** Legend entries for the entity types present on a page, in a fixed order. */
export function highlightLegend(types: Iterable<string>): { group: string; label: string }[] {
  const present = new Set(types);
  const known = HIGHLIGHT_GROUPS.filter((g) => g.types.some((t) => present.has(t)));
  const other = [...present].some((t) => !HIGHLIGHT_GROUPS.some((g) => g.types.includes(t)));
  return [...known.map(({ group, label }) => ({ group, label })), ...(other ? [{ group: 'other', label: 'Other terms' }] : [])];
}
