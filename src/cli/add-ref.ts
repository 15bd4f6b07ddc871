// Appends one work to the bibliography, fetched by DOI or PubMed id: npm run add-ref -- <DOI or PMID> [--id key]
// DOI_BASE_URL and EUTILS_BASE_URL point it at another resolver (the tests use a local one).
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addReference, DOI_BASE_URL, EUTILS_BASE_URL } from '../lib/bibliography/add-reference.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, content: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: npm run add-ref -- <DOI or PMID> [--id key]');
  process.exit(2);
}
try {
  const { record, file } = await addReference({
    input: positionals[0] ?? '',
    contentDir: resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content'),
    id: values.id,
    doiBaseUrl: process.env['DOI_BASE_URL'] ?? DOI_BASE_URL,
    eutilsBaseUrl: process.env['EUTILS_BASE_URL'] ?? EUTILS_BASE_URL,
  });
  const ids = [record.DOI && `DOI ${record.DOI}`, record.PMID && `PMID ${record.PMID}`, record.PMCID && record.PMCID].filter(Boolean).join(', ');
  console.log(`added @${record.id} to ${relative(process.cwd(), file)}: ${record.title}${ids ? ` (${ids})` : ''}`);
} catch (error) {
  console.error(`add-ref: ${(error as Error).message}`);
  process.exit(1);
}
