// Makes a review N times the size of a real one, for measuring how the build scales: chapters, references and
// entities are copied N times with renamed ids, and the copies cite their own copies of the references.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function writeSyntheticReview(source: string, target: string, times: number): { chapters: number; references: number; entities: number } {
  mkdirSync(join(target, 'chapters'), { recursive: true });
  for (const name of ['home.mdx', 'glossary.json', 'figures']) if (existsSync(join(source, name))) cpSync(join(source, name), join(target, name), { recursive: true });
  const references = JSON.parse(readFileSync(join(source, 'references.json'), 'utf8')) as { id: string }[];
  const entities = existsSync(join(source, 'entities.json')) ? JSON.parse(readFileSync(join(source, 'entities.json'), 'utf8')) as { id: string; textForms?: string[] }[] : [];
  const chapters = readdirSync(join(source, 'chapters')).filter((f) => /\.mdx?$/.test(f)).sort();
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`);
  const allRefs: object[] = [];
  const allEntities: object[] = [];
  let order = 0;
  for (let k = 0; k < times; k++) {
    allRefs.push(...references.map((r) => ({ ...r, id: suffix(r.id, k) })));
    // Copies keep their own names so the matcher grows with N, as a larger review's would.
    allEntities.push(...entities.map((e) => ({ ...e, id: suffix(e.id, k), textForms: k === 0 ? e.textForms ?? [] : (e.textForms ?? []).map((f) => `${f}x${k}`) })));
    for (const name of chapters) {
      order += 1;
      let text = readFileSync(join(source, 'chapters', name), 'utf8').replace(/^order:\s*\d+/m, `order: ${order}`);
      if (k > 0) {
        text = text.replace(/^title:\s*"?(.*?)"?\s*$/m, (_m, t: string) => `title: "${t.replace(/"/g, "'")} (copy ${k})"`);
        text = text.replace(/@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*[A-Za-z0-9_])/g, (_m, key: string) => `@${suffix(key, k)}`);
      }
      // Links between chapters point at the first copy's renumbered files.
      text = text.replace(/\]\(\.\/(\d\d)-([\w-]+)\.mdx/g, (_m, n: string, slug: string) => `](./${String(Number(n)).padStart(4, '0')}-${slug}.mdx`);
      const base = name.replace(/^\d+-/, '').replace(/\.mdx?$/, '');
      writeFileSync(join(target, 'chapters', `${String(order).padStart(4, '0')}-${k === 0 ? base : `${base}-copy-${k}`}.mdx`), text);
    }
  }
  writeFileSync(join(target, 'references.json'), JSON.stringify(allRefs));
  writeFileSync(join(target, 'entities.json'), JSON.stringify(allEntities));
  return { chapters: order, references: allRefs.length, entities: allEntities.length };
}

/**
 * The review as it is plus one extra chapter holding at least `citations` citation groups: the chapters' citing
 * sentences (and their headings) repeated, so one page's cost per citation can be compared with the others'.
 */
export function writeLargeChapterReview(source: string, target: string, citations: number): { citations: number; bytes: number } {
  cpSync(source, target, { recursive: true });
  const dir = join(source, 'chapters');
  const cites = (text: string) => text.match(/\[[^\]]*@/g)?.length ?? 0;
  const blocks = readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').split(/\n\s*\n/))
    .flatMap((block) => {
      if (/^#{2,3} /.test(block)) return [block];
      if (!cites(block)) return [];
      // Plain paragraphs keep only their citing sentences; lists, tables and quotes stay whole.
      return /^[A-Z]/.test(block) ? [block.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => cites(s)).join(' ')] : [block];
    });
  const perRound = blocks.reduce((n, b) => n + cites(b), 0);
  if (!perRound) throw new Error('the chapters hold no citations to repeat');
  const rounds = Math.ceil(citations / perRound);
  const parts: string[] = [];
  for (let k = 0; k < rounds; k++) parts.push(...blocks);
  const text = `---\ntitle: "One very large chapter"\norder: 9999\nsummary: "Synthetic: the chapters' citing sentences repeated ${rounds} times."\n---\n\n${parts.join('\n\n')}\n`;
  writeFileSync(join(target, 'chapters', '9999-large.mdx'), text);
  return { citations: rounds * perRound, bytes: Buffer.byteLength(text) };
}
