// Evidence rows as search records of their own kind, each landing on its row of the evidence table.
import type { EvidenceRowView } from '../evidence/evidence-view.ts';
import { rowText } from '../evidence/evidence-view.ts';
import type { SearchRecord } from './search-records.ts';

export function evidenceRecords(views: readonly EvidenceRowView[], language: string): SearchRecord[] {
  return views.map((v) => ({
    url: `/evidence/#${v.row.id}`,
    content: rowText(v),
    language,
    // A generic title, as editorial notes have: a title holding the query ranks first, and the rows' studies would
    // otherwise push the chapter that discusses them out of the first screen. The study shows beneath it.
    meta: { title: `Evidence (${v.kindLabel})${v.chapterNumber ? `, Ch. ${v.chapterNumber}` : ''}`, context: v.row.study },
    filters: { kind: ['Evidence'], ...(v.chapterTitle ? { chapter: [v.chapterTitle] } : {}) },
  }));
}
