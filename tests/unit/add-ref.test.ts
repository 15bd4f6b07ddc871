// add-ref against a local server replaying recorded answers of the DOI resolver and PubMed (made-up records).
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addReference, parseIdentifier, uniqueKey } from '../../src/lib/bibliography/add-reference.ts';
import { parseBibliography } from '../../src/lib/bibliography/bibliography-source.ts';
import { copyFixture, shellEnv } from '../support/build-fixture.ts';

const FIXTURES = 'tests/fixtures/add-ref';
const DOI = '10.5555/fake-record.0001';
const PMID = '90000001';
const requests: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search} ${req.headers.accept ?? ''}`);
    const send = (status: number, body: string, type = 'application/json') => { res.writeHead(status, { 'Content-Type': type }); res.end(body); };
    if (url.pathname === `/doi/${DOI}`) {
      if (!String(req.headers.accept).includes('application/vnd.citationstyles.csl+json')) return send(406, 'not acceptable', 'text/plain');
      return send(200, readFileSync(join(FIXTURES, 'doi-10.5555-fake-record.0001.json'), 'utf8'), 'application/vnd.citationstyles.csl+json');
    }
    if (url.pathname === '/eutils/esummary.fcgi' && url.searchParams.get('db') === 'pubmed') {
      const id = url.searchParams.get('id') ?? '';
      if (id === PMID) return send(200, readFileSync(join(FIXTURES, 'esummary-90000001.json'), 'utf8'));
      return send(200, JSON.stringify({ result: { uids: [], [id]: { uid: id, error: 'cannot get document summary' } } }));
    }
    return send(404, 'DOI not found', 'text/plain');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const urls = () => ({ doiBaseUrl: `${base}/doi`, eutilsBaseUrl: `${base}/eutils` });
const records = (dir: string, name = 'references.json') => parseBibliography(readFileSync(join(dir, name), 'utf8'), join(dir, name));

describe('identifiers', () => {
  test.each([
    [DOI, { kind: 'DOI', value: DOI }],
    [`doi:${DOI}`, { kind: 'DOI', value: DOI }],
    [`https://doi.org/${DOI}`, { kind: 'DOI', value: DOI }],
    [PMID, { kind: 'PMID', value: PMID }],
    [`PMID:${PMID}`, { kind: 'PMID', value: PMID }],
  ])('%s', (input, expected) => expect(parseIdentifier(input)).toEqual(expected));
  test('anything else is refused', () => expect(() => parseIdentifier('not an id')).toThrow(/neither a DOI .* nor a PubMed id/));
  test('keys: family name, year, first long word; a letter when taken', () => {
    const record = { author: [{ family: 'Plácéholder' }], issued: { 'date-parts': [[2024]] }, title: 'The effects of tea' };
    expect(uniqueKey(record, new Set())).toBe('placeholder2024effects');
    expect(uniqueKey(record, new Set(['placeholder2024effects']))).toBe('placeholder2024effectsb');
  });
});

describe('adding a work', () => {
  test('by DOI: the resolver is asked for CSL-JSON, the record is appended with its DOI and without the extras', async () => {
    const dir = copyFixture();
    const before = readFileSync(join(dir, 'references.json'), 'utf8');
    const { record } = await addReference({ input: DOI, contentDir: dir, ...urls() });
    expect(requests.at(-1)).toBe(`/doi/${DOI} application/vnd.citationstyles.csl+json`);
    expect(record).toMatchObject({ id: 'placeholder2024fabricated', DOI, type: 'article-journal', title: 'Fabricated findings: a made-up record for testing the reference importer', 'container-title': 'Journal of Made-up Samples', 'container-title-short': 'J Made-up Samples', volume: '7', page: '11-19', ISSN: '0000-0000' });
    for (const dropped of ['reference', 'license', 'abstract', 'indexed', 'link']) expect(record).not.toHaveProperty(dropped);
    const after = records(dir);
    expect(after.map((r) => r.id)).toEqual(['brewer2019tea', 'leaf2020night', 'kettle2021calm', 'placeholder2024fabricated']);
    expect(readFileSync(join(dir, 'references.json'), 'utf8').startsWith(before.trimEnd().slice(0, -1).trimEnd())).toBe(true);
  });

  test('by PMID: PubMed summary mapped to CSL with the DOI and PMCID it lists', async () => {
    const dir = copyFixture();
    const { record } = await addReference({ input: PMID, contentDir: dir, ...urls() });
    expect(record).toMatchObject({
      id: 'samplewood2023second', PMID, DOI: '10.5555/fake-record.0002', PMCID: 'PMC9000001',
      title: 'A second made-up record, served as a PubMed summary for tests', 'container-title': 'Fake Records for Tests',
      author: [{ family: 'Samplewood', given: 'AB' }, { family: 'Testerly', given: 'C' }], issued: { 'date-parts': [[2023]] }, page: '201-9',
    });
    expect(records(dir).at(-1)).toEqual(record);
  });

  test('refuses a work already on file, by DOI, by PMID or by key, and leaves the file as it was', async () => {
    const dir = copyFixture();
    await addReference({ input: DOI, contentDir: dir, ...urls() });
    await addReference({ input: PMID, contentDir: dir, ...urls() });
    const file = readFileSync(join(dir, 'references.json'), 'utf8');
    await expect(addReference({ input: `https://doi.org/${DOI.toUpperCase()}`, contentDir: dir, ...urls() })).rejects.toThrow(/already on file as "placeholder2024fabricated"/);
    await expect(addReference({ input: PMID, contentDir: dir, ...urls() })).rejects.toThrow(/already on file as "samplewood2023second"/);
    await expect(addReference({ input: DOI, contentDir: copyFixture(), id: 'brewer2019tea', ...urls() })).rejects.toThrow(/key "brewer2019tea" is already used/);
    expect(readFileSync(join(dir, 'references.json'), 'utf8')).toBe(file);
  });

  test('appends to a BibTeX bibliography in BibTeX, keeping the PubMed ids', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'references.json'));
    writeFileSync(join(dir, 'references.bib'), '@article{brewer2019tea,\n  title = {Tea and sleep: a sample record},\n  year = {2019},\n}\n');
    await addReference({ input: PMID, contentDir: dir, ...urls() });
    const text = readFileSync(join(dir, 'references.bib'), 'utf8');
    expect(text).toMatch(/^@article\{brewer2019tea,/);
    expect(text).toMatch(/@article\{samplewood2023second,/);
    expect(records(dir, 'references.bib').at(-1)).toMatchObject({ id: 'samplewood2023second', PMID, PMCID: 'PMC9000001', DOI: '10.5555/fake-record.0002' });
  });

  test('an identifier the services do not know fails with what they said', async () => {
    const dir = copyFixture();
    await expect(addReference({ input: '10.5555/no-such-record', contentDir: dir, ...urls() })).rejects.toThrow(/answered 404/);
    await expect(addReference({ input: '90000002', contentDir: dir, ...urls() })).rejects.toThrow(/PubMed has no record 90000002 \(cannot get document summary\)/);
  });

  test('npm run add-ref runs the same through its command line, with the base URLs from the environment', async () => {
    const dir = copyFixture();
    const { stdout } = await promisify(execFile)(process.execPath, ['src/cli/add-ref.ts', DOI, '--content', dir], {
      env: shellEnv({ DOI_BASE_URL: `${base}/doi`, EUTILS_BASE_URL: `${base}/eutils` }),
    });
    expect(stdout).toMatch(/added @placeholder2024fabricated to .*references\.json: Fabricated findings.* \(DOI 10\.5555\/fake-record\.0001\)/);
    expect(records(dir).at(-1)?.id).toBe('placeholder2024fabricated');
    const refused = await promisify(execFile)(process.execPath, ['src/cli/add-ref.ts', DOI, '--content', dir], {
      env: shellEnv({ DOI_BASE_URL: `${base}/doi` }),
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/add-ref: already on file/);
  }, 60_000);
});
