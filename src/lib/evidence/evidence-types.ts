// The shape of content/evidence.json as the page, downloads, pictures and search read it (see the data contract).
export interface VocabularyTerm {
  id: string;
  label: string;
}

export interface EvidenceRow {
  id: string;
  study: string;
  kind: string;
  species: string | null;
  region: string[];
  cellType: string | null;
  intervention: string | null;
  outcome: string | null;
  cite: string;
  passage: string;
  tables?: string[] | undefined;
  note?: string | undefined;
}

export interface EvidenceData {
  vocabularies: { kind: VocabularyTerm[]; region: VocabularyTerm[] };
  rows: EvidenceRow[];
}
