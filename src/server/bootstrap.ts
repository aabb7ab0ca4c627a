import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { Services } from './app.js';
import { loadGeography } from './modules/geo/loader.js';
import { installDefaultRoles } from './seed/roles.js';

/** Schema, reference data and roles: what every command needs before it runs. Cheap when nothing changed. */
export async function prepare(db: Database, config: Config, services: Services, log: (msg: string) => void = () => undefined) {
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const geo = await loadGeography(db, config.referenceDataDir, services.country);
  if (!geo.skipped) log(`geography loaded: ${geo.loaded} units`);
  await installDefaultRoles(db, config.referenceDataDir);
}
