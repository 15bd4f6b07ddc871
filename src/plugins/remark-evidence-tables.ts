import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { expandEvidenceTables, type EvidenceTableContext } from '../lib/evidence/evidence-table.ts';

/**
 * `::evidence-table{table="name"}` becomes the table made from the studies data, by the same function the numbering
 * pre-pass runs inside its parse, so the citations in it get the same numbers. An unknown name fails at its line.
 */
export function transformEvidenceTables(tree: Root, file: VFile, context: EvidenceTableContext | undefined): void {
  expandEvidenceTables(tree, context, (reason, place) => file.fail(`${reason} [evidence-table-unknown]`, { place, ruleId: 'evidence-table-unknown', source: 'review' }));
}

export default function remarkEvidenceTables(context: EvidenceTableContext | undefined) {
  return (tree: Root, file: VFile) => transformEvidenceTables(tree, file, context);
}
