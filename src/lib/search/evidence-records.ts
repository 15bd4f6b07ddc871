// Evidence rows as search records of their own kind, each landing on its row of the evidence table.
import type { EvidenceRowView } from '../evidence/evidence-view.ts';
import { rowText } from '../evidence/evidence-view.ts';
import type { SearchRecord } from './search-records.ts';

export function evidenceRecords(views: readonly EvidenceRowView[], language: string): SearchRecord[] {
  return views.map((v) => ({
    url: `/evidence/#${v.row.id}`,
    content: rowText(v),
    language,
    meta: { title: v.row.study, context: [v.kindLabel, v.passageLabel].join(' · ') },
    filters: { kind: ['Evidence'], ...(v.chapterTitle ? { chapter: [v.chapterTitle] } : {}) },
  }));
}
