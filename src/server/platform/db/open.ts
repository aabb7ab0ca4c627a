import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { pgliteCopier, serverCopier } from './copy.js';
import { PoolDatabase, type Database } from './database.js';
import { acquireDataDirLock } from './data-dir-lock.js';

/** The restricted role the application runs as on a PostgreSQL server (see migration 0001). */
export const APP_ROLE = 'ncpp_app';

export type OpenOptions = {
  /** The CLI command opening the database, recorded in the PGlite lock file. */
  command: string;
  /** Run as the owner (migrations, backup, the audit tamper test) instead of the app role. */
  asOwner?: boolean;
  /** Override for tests: an in-memory or temporary PGlite folder. */
  pgliteDir?: string;
};

export type OpenDatabase = Database & { setLockInfo(info: { url?: string }): void };

export async function openDatabase(config: Config, options: OpenOptions): Promise<OpenDatabase> {
  if (config.databaseUrl) return openServer(config.databaseUrl, options);
  return openPglite(options.pgliteDir ?? path.join(config.dataDir, 'pg'), config.dataDir, options);
}

async function openServer(url: string, options: OpenOptions): Promise<OpenDatabase> {
  const useAppRole = !options.asOwner && (await mayUseAppRole(url));
  // Every pooled connection starts as the restricted role (a startup parameter, so it holds
  // before the first query and RESET ROLE returns to it): the running app cannot UPDATE or
  // DELETE the audit trail even when it logs in as the owner.
  // A bounded connect wait: while the server is away a request answers 503 in seconds instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, ...(useAppRole ? { options: `-c role=${APP_ROLE}` } : {}) });
  return Object.assign(new PoolDatabase('postgres', pool, async () => undefined, serverCopier(pool)), { setLockInfo() {} });
}

async function mayUseAppRole(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
              THEN pg_has_role(current_user, $1, 'MEMBER') ELSE false END AS ok`,
      [APP_ROLE],
    );
    return Boolean(r.rows[0]?.ok);
  } finally {
    await client.end();
  }
}

async function openPglite(dir: string, dataDir: string, options: OpenOptions): Promise<OpenDatabase> {
  const inMemory = dir.startsWith('memory://');
  const lock = inMemory ? undefined : acquireDataDirLock(dataDir, options.command);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch');
    const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const lite = await PGlite.create(inMemory ? undefined : dir, { extensions: { pg_trgm, unaccent, fuzzystrmatch, btree_gin } });
    // PGlite is one connection: a pool of one serialises transactions, which is what it needs.
    const pool = new pg.Pool({ ...createPgConfig(lite), max: 1 });
    const db = new PoolDatabase('pglite', pool, async () => {
      await lite.close();
      lock?.release();
    }, pgliteCopier(lite));
    return Object.assign(db, {
      setLockInfo(info: { url?: string }) {
        lock?.update(info);
      },
      /** Exposed for backup: PGlite's own data-folder dump. */
      pglite: lite,
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
}
