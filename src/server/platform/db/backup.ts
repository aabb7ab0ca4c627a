import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Config } from '../config.js';
import type { OpenDatabase } from './open.js';
import { acquireDataDirLock } from './data-dir-lock.js';

/** PostgreSQL client tools: on PATH, or in Debian's versioned folder (not on PATH by default). */
function pgTool(name: string): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const v of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return name;
}

type WithPglite = OpenDatabase & { pglite?: { dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob | File> } };

/**
 * Embedded: PGlite's own data-folder dump (a gzipped tarball). Server: pg_dump's custom format.
 */
export async function backup(db: OpenDatabase, file: string, databaseUrl?: string): Promise<void> {
  const lite = (db as WithPglite).pglite;
  if (lite) {
    const blob = await lite.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    return;
  }
  const url = databaseUrl;
  const r = spawnSync(pgTool('pg_dump'), ['--format=custom', `--file=${file}`, url ?? ''], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
}

export async function restore(config: Config, file: string, force: boolean): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`);
  if (config.databaseUrl) {
    const r = spawnSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pg_restore failed');
    return;
  }
  const dir = path.join(config.dataDir, 'pg');
  // Holding the folder lock makes a running server stop this command, not the other way round.
  const lock = acquireDataDirLock(config.dataDir, 'restore');
  try {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !force) throw new Error(`${dir} already holds data; pass --force to replace it.`);
    fs.rmSync(dir, { recursive: true, force: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const data = new Blob([fs.readFileSync(file)]);
    const lite = await PGlite.create(dir, { loadDataDir: data });
    await lite.close();
  } finally {
    lock.release();
  }
}
