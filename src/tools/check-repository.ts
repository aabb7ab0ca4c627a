import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from '../server/modules/index.js';
import { DISPLAY_JOINS } from '../server/modules/display-joins.js';
import { PLATFORM_TABLES } from '../server/platform/tables.js';
import { checkOwnership, type Finding, type Source } from './table-ownership.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Production sources: tests may inspect any table, and the test harness sets databases up. */
function isChecked(file: string): boolean {
  return file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('src/server/testing/') && !file.startsWith('src/tools/');
}

const read = (file: string): Source => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') });

/** The ownership check over this repository, plus any extra sources (a test adds a wrong one). */
export async function checkRepository(extra: readonly Source[] = []): Promise<Finding[]> {
  const owners = new Map<string, readonly string[]>([['platform', PLATFORM_TABLES], ...MODULES.map((m) => [m.name, m.tables] as const)]);
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
  const migrations = walk(path.join(ROOT, 'db/migrations')).filter((f) => f.endsWith('.sql')).sort().map((f) => read(rel(f)));
  const sources = walk(path.join(ROOT, 'src')).map(rel).filter(isChecked).map(read);
  return checkOwnership({ owners, migrations, sources: [...sources, ...extra], allow: DISPLAY_JOINS });
}
