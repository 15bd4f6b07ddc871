// The shapes of content/evidence.json as the page, downloads, pictures and search read them (schema in evidence-data.ts).
import type { EvidenceData } from './evidence-data.ts';

export type { EvidenceData, EvidenceRow } from './evidence-data.ts';
export type VocabularyTerm = EvidenceData['vocabularies']['kind'][number];
