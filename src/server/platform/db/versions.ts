import type { Queryable } from './database.js';
import { sql } from './sql.js';

/**
 * Versions of loaded datasets (reference data by checksum, seeds by marker), so start-up
 * skips what is already loaded. The table is the platform's; modules use these functions.
 */
export async function datasetVersion(db: Queryable, name: string): Promise<string | undefined> {
  return (await db.maybeOne<{ checksum: string }>(sql`SELECT checksum FROM reference_data_versions WHERE name = ${name}`))?.checksum;
}

export async function setDatasetVersion(tx: Queryable, name: string, checksum: string): Promise<void> {
  await tx.query(sql`
    INSERT INTO reference_data_versions (name, checksum) VALUES (${name}, ${checksum})
    ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`);
}
