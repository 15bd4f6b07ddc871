import type { Element } from 'hast';
import { h } from 'hastscript';
import { buildCoins } from '../lib/bibliography/coins.ts';
import type { Evidence, EvidenceStatus } from '../lib/provenance/reference-evidence.ts';
import type { CslRecord } from '../lib/bibliography/reference-links.ts';
import { authorShort, nameSourceNumbers, sourceNumbersLabel } from '../lib/provenance/source-numbers.ts';

export interface ProvenanceOptions {
  /** Evidence by reference id; undefined when the review has no evidence file. */
  evidence: ReadonlyMap<string, Evidence> | undefined;
  /** Citation key of the review this site restates. */
  sourceKey: string | undefined;
}

type StatusText = Record<Exclude<EvidenceStatus, 'verified'>, [label: string, meaning: string]>;

/** For a record that stands for some of the source's numbers: how sure that match is. */
const STATUS_TEXT: StatusText = {
  probable: ['Probable match', 'A real paper whose identifiers were checked, but not certainly the one the source cites.'],
  unverified: ['Unverified match', 'The paper is known, but its identifiers were not seen in a public record.'],
};

/** For a record matched to none of the source's numbers, where "match" would contradict "not matched". */
const UNMATCHED_STATUS_TEXT: StatusText = {
  probable: ['Candidate, not matched', 'A real paper whose identifiers were checked; it may be a work the source cites, but it is not matched to any of its reference numbers.'],
  unverified: ['Unverified, not matched', 'The paper is known, but its identifiers were not seen in a public record, and it is not matched to any of the source\'s reference numbers.'],
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
    const matched = record.reviewCitations.length > 0 || key === sourceKey;
    const [label, meaning] = (matched ? STATUS_TEXT : UNMATCHED_STATUS_TEXT)[record.status];
    parts.push(h('details', { className: ['reference-status'], dataStatus: record.status, dataMatch: matched ? undefined : 'none' }, [
      h('summary', [h('span', { className: ['status-label'] }, label)]),
      h('p', { className: ['status-meaning'] }, meaning),
      // The note speaks of the source's numbers as [27]; named, they cannot be read as the site's own [27].
      h('p', { className: ['status-note'] }, author ? nameSourceNumbers(record.notes, author) : record.notes),
    ]));
  }
  return parts.length ? h('div', { className: ['reference-provenance'] }, parts) : undefined;
}

/** An empty COinS span for reference managers; hidden from assistive technology. */
export function coinsSpan(record: CslRecord): Element {
  return h('span', { className: ['Z3988'], title: buildCoins(record), ariaHidden: 'true' });
}
