import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['bin', 'bench', 'db', 'docs', 'e2e', 'scripts', 'src'];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * docs/ARCHITECTURE.md keeps in step with the tree: every source file is named in it (tests
 * are covered by the `*.test.ts` line, message files by their namespace folder's entry).
 */
describe('docs/ARCHITECTURE.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const files = DIRS.flatMap((d) => walk(path.join(ROOT, d))).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));

  it('names every file of the tree', () => {
    const named = (file: string) => {
      const base = path.posix.basename(file);
      if (/\.(int\.)?test\.ts$/.test(base)) return true;
      if (/^src\/shared\/i18n\/[^/]+\/(en|bn)\.json$/.test(file)) return doc.includes(file.split('/')[3]!);
      return new RegExp(`(^|[\\s/(\`])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,):\`])`, 'm').test(doc);
    };
    expect(files.filter((f) => !named(f))).toEqual([]);
  });

  it('names no file that is gone', () => {
    const bases = new Set(files.map((f) => path.posix.basename(f)));
    const mentioned = [...doc.matchAll(/(?<![.*<>\w-])([A-Za-z0-9_-]+\.(?:ts|tsx|mjs|sql))\b/g)].map((m) => m[1]!);
    expect([...new Set(mentioned)].filter((m) => !bases.has(m) && !m.includes('*'))).toEqual([]);
  });
});
