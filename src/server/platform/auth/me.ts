import type { Me } from '../../../shared/auth.js';
import type { Queryable } from '../db/database.js';
import { sql } from '../db/sql.js';
import { localName } from '../../../shared/i18n/index.js';

/** The signed-in user as the web app needs it: who, where, which roles, which permissions. */
export async function loadMe(db: Queryable, userId: string): Promise<Me> {
  const u = await db.one<{ id: string; username: string; full_name: string; email: string | null; lang: 'en' | 'bn'; totp_enabled: boolean; org_id: string; org_name: string; org_name_local: string | null; org_type: string }>(sql`
    SELECT u.id, u.username, u.full_name, u.email, u.lang, u.totp_enabled, o.id AS org_id, o.name_en AS org_name, o.name_local AS org_name_local, o.type AS org_type
    FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ${userId}`);
  const roles = await db.query<{ role_key: string; name_en: string; name_local: string; home: string; permissions: string[]; scope_level: number; scope_code: string | null; unit_en: string | null; unit_local: string | null }>(sql`
    SELECT ur.role_key, r.name_en, r.name_local, r.home, r.permissions, ur.scope_level, ur.scope_code,
           g.name_en AS unit_en, g.name_local AS unit_local
    FROM user_roles ur JOIN roles r ON r.key = ur.role_key LEFT JOIN geo_units g ON g.code = ur.scope_code
    WHERE ur.user_id = ${userId} ORDER BY ur.scope_level, r.key`);
  const permissions = [...new Set(roles.flatMap((r) => r.permissions.map((p) => p.split('@')[0] as string)))].sort();
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    lang: u.lang,
    totpEnabled: u.totp_enabled,
    // The organisation's name in the user's language (the session is re-read when it changes).
    organisation: { id: u.org_id, name: localName(u.lang, u.org_name, u.org_name_local), type: u.org_type },
    roles: roles.map((r) => ({
      role: r.role_key,
      roleName: { en: r.name_en, local: r.name_local },
      scopeLevel: r.scope_level,
      scopeCode: r.scope_code,
      scopeName: r.scope_code ? { en: r.unit_en ?? r.scope_code, local: r.unit_local } : null,
    })),
    permissions,
    home: roles[0]?.home ?? 'home',
  };
}
