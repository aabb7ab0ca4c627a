import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'src/web');
/** Runtime imports (not `import type`) of a file, resolved to files of this repository. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!).map((spec) => {
    if (!spec.startsWith('.')) return spec;
    const base = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
    return ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f)) ?? base;
  });
}
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * The web app reads the shared zod schemas as types only: the server validates, and zod (about
 * 25 KB compressed) would otherwise ride along with every page that needs a list of values.
 * Value lists the web needs live in schema-free files (shared/values.ts, shared/sop-moves.ts).
 */
describe('the web bundle', () => {
  it('reaches no zod schema at run time', () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, from: string) => {
      if (seen.has(file) || !file.startsWith(ROOT)) return;
      seen.add(file);
      for (const dep of runtimeImports(file)) {
        if (dep === 'zod') offenders.push(`${path.relative(ROOT, from)} -> ${path.relative(ROOT, file)}`);
        else if (dep.startsWith(path.join(ROOT, 'src/shared'))) visit(dep, from);
      }
    };
    for (const f of walk(WEB).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))) {
      seen.clear();
      visit(f, f);
    }
    expect(offenders).toEqual([]);
  });
});
