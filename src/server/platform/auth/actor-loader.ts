import type { Lang } from '../../../shared/i18n/index.js';
import type { Queryable } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { Actor, ScopeLevel } from '../access/actor.js';

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

type ActorRow = { id: string; username: string; organisation_id: string; lang: Lang; is_active: boolean; bindings: Array<{ roleKey: string; permissions: string[]; scopeLevel: number; scopeCode: string | null }> };

/** The user and all role bindings in one round trip: this runs on every request. */
export const ACTOR_SELECT = sql`u.id, u.username, u.organisation_id, u.lang, u.is_active,
  COALESCE((SELECT json_agg(json_build_object('roleKey', ur.role_key, 'permissions', r.permissions, 'scopeLevel', ur.scope_level, 'scopeCode', ur.scope_code) ORDER BY ur.role_key)
            FROM user_roles ur JOIN roles r ON r.key = ur.role_key WHERE ur.user_id = u.id), '[]'::json) AS bindings`;

export function actorFromRow(row: ActorRow | undefined, via: Actor['via']): Actor | undefined {
  if (!row || !row.is_active) return undefined;
  return {
    userId: row.id,
    username: row.username,
    organisationId: row.organisation_id,
    lang: row.lang,
    bindings: row.bindings.map((b) => ({ roleKey: b.roleKey, permissions: b.permissions, scopeLevel: b.scopeLevel as ScopeLevel, scopeCode: b.scopeCode })),
    via,
  };
}

/** Builds the Actor for an active user, or undefined when the account is gone or disabled. */
export async function loadActor(db: Queryable, userId: string, via: Actor['via']): Promise<Actor | undefined> {
  return actorFromRow(await db.maybeOne<ActorRow>(sql`SELECT ${ACTOR_SELECT} FROM users u WHERE u.id = ${userId}`), via);
}

export type { ActorRow };
