import type { Lang } from '../../../shared/i18n/index.js';
import type { Queryable } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { Actor, RoleBinding, ScopeLevel } from '../access/actor.js';

export type UserRow = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  organisation_id: string;
  lang: Lang;
  is_active: boolean;
  is_demo: boolean;
  totp_enabled: boolean;
  password_hash: string | null;
  totp_secret_enc: string | null;
  failed_logins: number;
  locked_until: Date | null;
};

export async function loadBindings(db: Queryable, userId: string): Promise<RoleBinding[]> {
  const rows = await db.query<{ role_key: string; permissions: string[]; scope_level: number; scope_code: string | null }>(sql`
    SELECT ur.role_key, r.permissions, ur.scope_level, ur.scope_code
    FROM user_roles ur JOIN roles r ON r.key = ur.role_key
    WHERE ur.user_id = ${userId} ORDER BY ur.role_key`);
  return rows.map((r) => ({
    roleKey: r.role_key,
    permissions: r.permissions,
    scopeLevel: r.scope_level as ScopeLevel,
    scopeCode: r.scope_code,
  }));
}

/** Builds the Actor for an active user, or undefined when the account is gone or disabled. */
export async function loadActor(db: Queryable, userId: string, via: Actor['via']): Promise<Actor | undefined> {
  const user = await db.maybeOne<UserRow>(sql`SELECT id, username, organisation_id, lang, is_active FROM users WHERE id = ${userId}`);
  if (!user || !user.is_active) return undefined;
  return {
    userId: user.id,
    username: user.username,
    organisationId: user.organisation_id,
    lang: user.lang,
    bindings: await loadBindings(db, user.id),
    via,
  };
}
