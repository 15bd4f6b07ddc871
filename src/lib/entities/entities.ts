import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ContentError, warnContent } from '../content/content-error.ts';
import { jsonLine, parseContentJson, readContentText } from '../content/content-text.ts';
import { writtenVariants } from './mentions.ts';

/** Identifier formats, checked so a typo in an identifier fails the build instead of linking nowhere. */
export const IDENTIFIER_PATTERNS = {
  ncbiGene: /^\d+$/,
  hgnc: /^HGNC:\d+$/,
  uniprot: /^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})$/,
  chebi: /^CHEBI:\d+$/,
  pubchem: /^\d+$/,
  mesh: /^[DC]\d+$/,
  taxonomy: /^\d+$/,
  cl: /^CL:\d{7}$/,
  nct: /^NCT\d{8}$/,
  famplex: /^FPLX:[A-Za-z0-9_]+$/,
  hp: /^HP:\d{7}$/,
  efo: /^EFO:\d{7}$/,
  doid: /^DOID:\d+$/,
  mirbase: /^MI\d{7}$/,
} as const;

export type IdentifierKind = keyof typeof IDENTIFIER_PATTERNS;

const identifiers = z.object(
  Object.fromEntries(Object.entries(IDENTIFIER_PATTERNS).map(([k, re]) => [k, z.string().regex(re, `malformed ${k} identifier`).optional()])) as Record<IdentifierKind, z.ZodOptional<z.ZodString>>,
).strict();

export const entitySchema = z.object({
  /** Stable id, used as the anchor on the entities page. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** gene, cellType, chemical, disease, species, mirna, trial… */
  type: z.string().min(1),
  /** Name shown on cards and the entities page. */
  label: z.string().min(1),
  /** Official symbol, for genes. */
  symbol: z.string().optional(),
  /** Exactly as the chapters write it; mentions are found from these. */
  textForms: z.array(z.string().min(1)).default([]),
  /** Other names readers may search for. */
  aliases: z.array(z.string().min(1)).default([]),
  /** `verified`: identifiers checked; `partly`: a family or generic term mapped to a representative record. */
  status: z.enum(['verified', 'partly', 'unverified']),
  notes: z.string().optional(),
  /** True for a family or complex; `members` then lists its member symbols. */
  family: z.boolean().optional(),
  members: z.array(z.string()).optional(),
  ids: identifiers.default({}),
});
export type Entity = z.infer<typeof entitySchema>;

export const glossarySchema = z.object({
  /** Anchor on the glossary page. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The abbreviation as written. */
  term: z.string().min(1),
  /** What it stands for. */
  expansion: z.string().min(1),
  /** One line for a student. */
  definition: z.string().min(1),
  /** Plural form used in the text, e.g. `NPPCs`. */
  plural: z.string().optional(),
});
export type GlossaryTerm = z.infer<typeof glossarySchema>;

/** Loads and validates a JSON array file, naming the file and the offending record on error. */
function loadArray<T>(file: string, schema: z.ZodType<T>, what: string, uniqueBy: (item: T) => string): T[] {
  if (!existsSync(file)) return [];
  const text = readContentText(file);
  const data = parseContentJson(text, file, `${what}-malformed`);
  if (!Array.isArray(data)) throw new ContentError(`${what}-malformed`, file, 1, 'expected a JSON array');
  const seen = new Set<string>();
  return data.map((raw, i) => {
    const parsed = schema.safeParse(raw);
    const name = (raw as { id?: string })?.id ?? `#${i + 1}`;
    const line = lineOf(text, name);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ContentError(what === 'entity' ? 'entity-bad-id' : `${what}-invalid`, file, line, `${what} "${name}": ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const key = uniqueBy(parsed.data);
    // The second definition's line: its id is unique unless the id itself is what repeats.
    if (seen.has(key)) throw new ContentError(`${what}-duplicate`, file, lineOf(text, name, key === name ? 2 : 1), `${what} "${key}" is defined twice`);
    seen.add(key);
    return parsed.data;
  });
}

/** `chapterTitles`: names an alias must not take (see checkAliases). */
export function loadEntities(file: string, { chapterTitles = [] }: { chapterTitles?: readonly string[] } = {}): Entity[] {
  const entities = loadArray(file, entitySchema, 'entity', (e) => e.id);
  if (entities.length) {
    const text = readContentText(file);
    checkTextForms(entities, file, text);
    checkAliases(entities, chapterTitles, file, text);
  }
  return entities;
}

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * An alias is a search synonym for its entity: one equal to a chapter title, or to another entity's name or text
 * form, would make the entity a hit for that chapter or merge two entities in search. A warning names the alias.
 */
export function checkAliases(entities: readonly Entity[], chapterTitles: readonly string[], file: string, text: string): void {
  const named = new Map<string, string>();
  for (const title of chapterTitles) named.set(nameKey(title), `the chapter title "${title}"`);
  const owners = new Map<string, { id: string; what: string }>();
  for (const e of entities) {
    const names: [string, string][] = [[e.label, 'name'], ...(e.symbol ? [[e.symbol, 'symbol'] as [string, string]] : []), ...e.textForms.map((f): [string, string] => [f, `text form "${f}"`])];
    for (const [name, what] of names) if (!owners.has(nameKey(name)) || owners.get(nameKey(name))?.id === e.id) owners.set(nameKey(name), { id: e.id, what: `${what} of entity "${e.id}"` });
  }
  entities.forEach((entity, i) => {
    entity.aliases.forEach((alias, k) => {
      const key = nameKey(alias);
      const owner = owners.get(key);
      const clash = named.get(key) ?? (owner && owner.id !== entity.id ? `the ${owner.what}` : undefined);
      if (clash) warnContent('entity-alias-collision', file, jsonLine(text, [i, 'aliases', k]), `entity "${entity.id}": alias "${alias}" is also ${clash}; a search for it would find this entity`);
    });
  });
}

// Words too common to mark as a name: a form equal to one of these would link ordinary prose.
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'can', 'do', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'no', 'not', 'of', 'on', 'or', 'our', 'so', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'to', 'up', 'us', 'was', 'we', 'were', 'which', 'who', 'will', 'with', 'you']);

/**
 * A text form belongs to one entity: when two entities share one (itself, its plural or its capitalised form), the
 * second would silently never be found, so the build fails naming both. Forms of one character or common words
 * would mark ordinary prose: a warning.
 */
export function checkTextForms(entities: readonly Entity[], file: string, text: string): void {
  const owner = new Map<string, { id: string; form: string }>();
  entities.forEach((entity, i) => {
    entity.textForms.forEach((form, k) => {
      // Located only when there is something to say: finding a line parses the whole file.
      const line = () => jsonLine(text, [i, 'textForms', k]);
      if ([...form.trim()].length < 2) warnContent('entity-form-short', file, line(), `entity "${entity.id}": text form "${form}" is shorter than 2 characters and will mark ordinary text`);
      else if (STOP_WORDS.has(form.trim().toLowerCase())) warnContent('entity-form-common-word', file, line(), `entity "${entity.id}": text form "${form}" is a common word and will mark ordinary text`);
      for (const written of writtenVariants(form)) {
        const other = owner.get(written);
        if (other && other.id !== entity.id) {
          throw new ContentError('entity-form-duplicate', file, line(), `entity "${entity.id}": text form "${form}" is also a text form of entity "${other.id}" ("${other.form}"); a form can name only one entity`);
        }
        if (!other) owner.set(written, { id: entity.id, form });
      }
    });
  });
}
export const loadGlossary = (file: string) => loadArray(file, glossarySchema, 'glossary', (g) => g.term);

function lineOf(text: string, id: string, nth = 1): number | undefined {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(`"${id}"`, at + 1);
    if (at < 0) return undefined;
  }
  return text.slice(0, at).split('\n').length;
}

export interface IdentifierLink {
  kind: IdentifierKind;
  label: string;
  id: string;
  href: string;
}

const RESOLVERS: Record<IdentifierKind, [string, (id: string) => string]> = {
  ncbiGene: ['NCBI Gene', (id) => `https://www.ncbi.nlm.nih.gov/gene/${id}`],
  hgnc: ['HGNC', (id) => `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/${id}`],
  uniprot: ['UniProt', (id) => `https://www.uniprot.org/uniprotkb/${id}/entry`],
  chebi: ['ChEBI', (id) => `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=${id}`],
  pubchem: ['PubChem', (id) => `https://pubchem.ncbi.nlm.nih.gov/compound/${id}`],
  mesh: ['MeSH', (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}`],
  taxonomy: ['NCBI Taxonomy', (id) => `https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=${id}`],
  cl: ['Cell Ontology', (id) => `https://purl.obolibrary.org/obo/${id.replace(':', '_')}`],
  nct: ['ClinicalTrials.gov', (id) => `https://clinicaltrials.gov/study/${id}`],
  famplex: ['FamPlex', (id) => `https://identifiers.org/${id.replace('FPLX:', 'fplx:')}`],
  hp: ['HPO', (id) => `https://hpo.jax.org/browse/term/${id}`],
  efo: ['EFO', (id) => `https://www.ebi.ac.uk/ols4/ontologies/efo/classes?obo_id=${id}`],
  doid: ['Disease Ontology', (id) => `https://disease-ontology.org/?id=${id}`],
  mirbase: ['miRBase', (id) => `https://www.mirbase.org/hairpin/${id}`],
};

/** Canonical record links for an entity; identifiers of a representative record are not offered as links. */
export function identifierLinks(entity: Entity): IdentifierLink[] {
  if (entity.status !== 'verified') return [];
  return (Object.keys(RESOLVERS) as IdentifierKind[]).flatMap((kind) => {
    const id = entity.ids[kind];
    if (!id) return [];
    const [label, href] = RESOLVERS[kind];
    return [{ kind, label, id, href: href(encodeURI(id)) }];
  });
}
