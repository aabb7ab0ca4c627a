import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../platform/db/database.js';
import { sql } from '../platform/db/sql.js';

const RoleFile = z.array(
  z.object({ key: z.string(), name_en: z.string(), name_local: z.string(), home: z.string(), requires_mfa: z.boolean(), permissions: z.array(z.string()) }),
);

/**
 * Installs the default roles from data/roles/default-roles.json. Existing roles keep their
 * permissions (administrators may have changed them); new roles are added.
 */
export async function installDefaultRoles(db: Database, referenceDataDir: string): Promise<number> {
  const roles = RoleFile.parse(JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'roles', 'default-roles.json'), 'utf8')));
  let added = 0;
  for (const r of roles) {
    const rows = await db.query(sql`
      INSERT INTO roles (key, name_en, name_local, permissions, home, requires_mfa, is_system)
      VALUES (${r.key}, ${r.name_en}, ${r.name_local}, ${r.permissions}, ${r.home}, ${r.requires_mfa}, true)
      ON CONFLICT (key) DO NOTHING RETURNING key`);
    added += rows.length;
  }
  return added;
}
