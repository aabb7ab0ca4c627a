import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/open.js';
import { createServices } from '../app.js';
import { prepare } from '../bootstrap.js';
import { seedDemo } from '../seed/demo.js';

/**
 * One migrated and seeded database per test run, cloned by every test file that wants the
 * standard demo data (PostgreSQL: CREATE DATABASE ... TEMPLATE; PGlite: a copy of the data
 * folder), instead of each file migrating and seeding its own: as modules multiply, setup
 * stays one seed per run. Built by the integration project's global setup.
 */
// One folder per kind of database, so a PGlite run and a server run side by side do not share one.
export const TEMPLATE_DIR = path.resolve(import.meta.dirname, `../../../.tmp/test-template-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`);
export const TEMPLATE_DB = 'ncpp_template';
const READY = path.join(TEMPLATE_DIR, 'ready');

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Runs statements as the server's owner on its default database, one at a time (CREATE and
 * DROP DATABASE may not share a transaction block).
 */
export async function onServer(config: Config, ...statements: string[]) {
  const owner = await openDatabase(config, { command: 'test', asOwner: true });
  try {
    for (const s of statements) await owner.exec(s);
  } finally {
    await owner.close();
  }
}

export async function buildTemplate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  let config = loadConfig({ ...env, NODE_ENV: 'test', NCPP_DATA_DIR: TEMPLATE_DIR });
  if (config.databaseUrl) {
    await onServer(config, `DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`, `CREATE DATABASE ${TEMPLATE_DB}`);
    config = loadConfig({ ...env, NODE_ENV: 'test', NCPP_DATA_DIR: TEMPLATE_DIR, DATABASE_URL: databaseUrl(config.databaseUrl, TEMPLATE_DB) });
  }
  const db = await openDatabase(config, { command: 'test', asOwner: true, pgliteDir: config.databaseUrl ? undefined : path.join(TEMPLATE_DIR, 'pg') });
  try {
    const services = createServices(config, db);
    await prepare(db, config, services);
    await seedDemo(services);
  } finally {
    await db.close();
  }
  fs.writeFileSync(READY, config.databaseUrl ? 'postgres' : 'pglite');
}

/** Which kind of template this run built, if any. */
export function templateKind(): 'postgres' | 'pglite' | undefined {
  return fs.existsSync(READY) ? (fs.readFileSync(READY, 'utf8') as 'postgres' | 'pglite') : undefined;
}
