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
