import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { APP_ROLE, openDatabase } from './platform/db/open.js';
import { sql } from './platform/db/sql.js';
import type { Services } from './app.js';
import { installDefaultRoles } from './platform/access/default-roles.js';

/**
 * Schema, job-queue schema, each module's reference data and the default roles: what every command needs before it
 * runs. Cheap when nothing changed. Must run as the database owner (see `prepareAsOwner`).
 */
export async function prepare(db: Database, config: Config, services: Services, log: (msg: string) => void = () => undefined) {
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const queue = await db.one<{ installed: boolean }>(sql`SELECT to_regnamespace('pgboss') IS NOT NULL AS installed`);
  if (!queue.installed) await services.jobs.install();
  if (db.kind === 'postgres') await grantAppRole(db);
  for (const m of services.modules) {
    const done = await m.prepare?.(db, services);
    if (done) log(done);
  }
  await installDefaultRoles(db, config.referenceDataDir);
}

/** The job queue's tables belong to pg-boss's schema: the app role works them, and may add queues. */
async function grantAppRole(db: Database) {
  const role = await db.one<{ exists: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}) AS exists`);
  if (!role.exists) return;
  await db.exec(`
    GRANT USAGE, CREATE ON SCHEMA pgboss TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE};
    ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};`);
}

/**
 * On a PostgreSQL server the app runs as a restricted role, so preparation runs on a short
 * owner connection of its own. PGlite runs as the owner anyway: the app's database is used.
 */
export async function prepareAsOwner(appDb: Database, config: Config, makeServices: (db: Database) => Services, log?: (msg: string) => void) {
  if (appDb.kind === 'pglite') return prepare(appDb, config, makeServices(appDb), log);
  const owner = await openDatabase(config, { command: 'prepare', asOwner: true });
  try {
    await prepare(owner, config, makeServices(owner), log);
  } finally {
    await owner.close();
  }
}
