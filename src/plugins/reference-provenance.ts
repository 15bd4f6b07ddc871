import type { Element } from 'hast';
import { h } from 'hastscript';
import { buildCoins } from '../lib/bibliography/coins.ts';
import type { Evidence, EvidenceStatus } from '../lib/provenance/reference-evidence.ts';
import type { CslRecord } from '../lib/bibliography/reference-links.ts';
import { authorShort, sourceNumbersLabel } from '../lib/provenance/source-numbers.ts';

export interface ProvenanceOptions {
  /** Evidence by reference id; undefined when the review has no evidence file. */
  evidence: ReadonlyMap<string, Evidence> | undefined;
  /** Citation key of the review this site restates. */
  sourceKey: string | undefined;
}

const STATUS_TEXT: Record<Exclude<EvidenceStatus, 'verified'>, [label: string, meaning: string]> = {
  probable: ['Probable match', 'A real paper whose identifiers were checked, but not certainly the one the source cites.'],
  unverified: ['Unverified match', 'The paper is known, but its identifiers were not seen in a public record.'],
};

/** "Smith et al." for the source review, from its record's authors. */
export function sourceAuthorOf(records: ReadonlyMap<string, CslRecord>, sourceKey: string | undefined): string | undefined {
  const source = sourceKey ? records.get(sourceKey) : undefined;
  return source ? authorShort(source['author'] as { family?: string; literal?: string }[] | undefined) : undefined;
}

/**
 * What a reference stands for in the source's own list, and how sure the match is: a status label with the note
 * that explains it for `probable` and `unverified` records; nothing extra for `verified` ones.
 */
export function provenanceOf(key: string, records: ReadonlyMap<string, CslRecord>, { evidence, sourceKey }: ProvenanceOptions): Element | undefined {
  const record = evidence?.get(key);
  if (!record) return undefined;
  const author = sourceAuthorOf(records, sourceKey);
  const parts: Element[] = [];
  if (author && key !== sourceKey) {
    const label = sourceNumbersLabel(author, record.reviewCitations);
    parts.push(h('span', { className: ['reference-source'] }, label ?? `Not matched to a numbered reference of ${author}`));
  }
  if (record.status !== 'verified') {
    const [label, meaning] = STATUS_TEXT[record.status];
    parts.push(h('details', { className: ['reference-status'], dataStatus: record.status }, [
      h('summary', [h('span', { className: ['status-label'] }, label)]),
      h('p', { className: ['status-meaning'] }, meaning),
      h('p', { className: ['status-note'] }, record.notes),
    ]));
  }
  return parts.length ? h('div', { className: ['reference-provenance'] }, parts) : undefined;
}

/** An empty COinS span for reference managers; hidden from assistive technology. */
export function coinsSpan(record: CslRecord): Element {
  return h('span', { className: ['Z3988'], title: buildCoins(record), ariaHidden: 'true' });
}
