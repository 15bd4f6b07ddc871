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
