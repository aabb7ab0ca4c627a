import fs from 'node:fs';
import path from 'node:path';

/** A PostgreSQL program (pg_dump, pg_ctl, ...): on PATH, or in Debian's versioned folder (not on PATH by default). */
export function pgTool(name: string): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const v of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return name;
}
