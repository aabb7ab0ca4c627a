import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { sql } from '../db/sql.js';

const RoleFile = z.array(
  z.object({ key: z.string(), name_en: z.string(), name_local: z.string(), home: z.string(), requires_mfa: z.boolean(), permissions: z.array(z.string()) }),
);

/**
 * Installs the default roles from data/roles/default-roles.json. New roles are added; a
 * default permission new in this release is added to its role once (role_default_grants
 * remembers it), so a permission an administrator removed is never put back.
 */
export async function installDefaultRoles(db: Database, referenceDataDir: string): Promise<number> {
  const roles = RoleFile.parse(JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'roles', 'default-roles.json'), 'utf8')));
  let added = 0;
  await db.tx(async (tx) => {
    for (const r of roles) {
      const rows = await tx.query(sql`
        INSERT INTO roles (key, name_en, name_local, permissions, home, requires_mfa, is_system)
        VALUES (${r.key}, ${r.name_en}, ${r.name_local}, ${r.permissions}, ${r.home}, ${r.requires_mfa}, true)
        ON CONFLICT (key) DO NOTHING RETURNING key`);
      added += rows.length;
      const fresh = await tx.query<{ permission: string }>(sql`
        SELECT p AS permission FROM unnest(${r.permissions}::text[]) AS p
        WHERE NOT EXISTS (SELECT 1 FROM role_default_grants g WHERE g.role_key = ${r.key} AND g.permission = p)`);
      if (fresh.length === 0) continue;
      const perms = fresh.map((f) => f.permission);
      await tx.query(sql`UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ${perms}::text[]) ORDER BY 1), updated_at = now() WHERE key = ${r.key}`);
      await tx.query(sql`INSERT INTO role_default_grants (role_key, permission) SELECT ${r.key}, unnest(${perms}::text[]) ON CONFLICT DO NOTHING`);
    }
  });
  return added;
}
