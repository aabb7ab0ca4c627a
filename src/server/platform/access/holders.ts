import type { Queryable } from '../db/database.js';
import { join, sql, type Sql } from '../db/sql.js';

/** Who to look for: people whose roles grant a permission, bound at one place, optionally in one organisation. */
export type HoldersQuery = {
  /** The permission (or any of several), with or without its @org / @assigned qualifier... */
  permission?: string | readonly string[];
  /**
   * ...or a role, by key: the cheapest form (the index on user_roles' scope_code and role_key
   * answers it), for the lookup inside every case registration that runs while the district's
   * number counter is locked.
   */
  role?: string;
  /** Bound exactly at this place (a binding at level 3 to upazila 554952, say); omit for anywhere. */
  at?: { level: 0 | 1 | 2 | 3; code: string | null };
  /** Members of this organisation only. */
  organisationId?: string;
  /** Members of this organisation first, then others (used with `limit`). */
  preferOrganisationId?: string;
  /** Leave these people out (e.g. the person who submitted). */
  excludeUserId?: string;
  /** Only people with an email address (for mail). */
  withEmail?: boolean;
  limit?: number;
};

/** The roles whose permissions grant one of these, whatever the qualifier (`cases.work@assigned` holds `cases.work`). */
function grantingRoles(permissions: readonly string[]): Sql {
  return sql`SELECT r.key FROM roles r WHERE EXISTS (SELECT 1 FROM unnest(r.permissions) p WHERE split_part(p, '@', 1) = ANY(${[...permissions]}::text[]))`;
}

/**
 * The ids of the people with a binding to a granting role (at one place, when given). Roles
 * are a handful of rows: resolving them first lets a place-bound lookup use the index on
 * user_roles (scope_code, role_key), which matters because the "default supervisor" lookup runs
 * inside every case registration, while the district's number counter is locked.
 */
function bindingHolders(grant: readonly string[] | { role: string }, at?: HoldersQuery['at']): Sql {
  const place = at === undefined ? sql`TRUE` : at.code === null ? sql`ur.scope_level = ${at.level} AND ur.scope_code IS NULL` : sql`ur.scope_code = ${at.code} AND ur.scope_level = ${at.level}`;
  const roles = 'role' in grant ? sql`ur.role_key = ${grant.role}` : sql`ur.role_key IN (${grantingRoles(grant)})`;
  return sql`SELECT ur.user_id FROM user_roles ur WHERE ${place} AND ${roles}`;
}

/**
 * `SELECT u.id FROM users u ...` for the active people holding a permission at a place: the
 * one rule behind "tell the board's secretaries", "the upazila's default supervisor", "everyone
 * who answers referrals for this provider". Usable as a subquery inside a caller's statement.
 */
export function holdersSql(h: HoldersQuery): Sql {
  if (!h.permission === !h.role) throw new Error('holdersSql: give a permission or a role');
  const where: Sql[] = [sql`u.is_active`];
  let from = sql`users u`;
  if (h.role && h.at && h.at.code !== null) {
    // One role at one place: a plain join that user_roles_place_idx answers (measured: the
    // semi-join form cost about 8 ms at p95 on registration). A binding is unique per user,
    // role and place, so the join cannot repeat anyone.
    from = sql`users u JOIN user_roles ur ON ur.user_id = u.id`;
    where.push(sql`ur.role_key = ${h.role} AND ur.scope_level = ${h.at.level} AND ur.scope_code = ${h.at.code}`);
  } else {
    const wanted = h.role ? { role: h.role } : typeof h.permission === 'string' ? [h.permission] : [...(h.permission ?? [])];
    where.push(sql`u.id IN (${bindingHolders(wanted, h.at)})`);
  }
  if (h.organisationId) where.push(sql`u.organisation_id = ${h.organisationId}`);
  if (h.excludeUserId) where.push(sql`u.id <> ${h.excludeUserId}`);
  if (h.withEmail) where.push(sql`u.email IS NOT NULL`);
  const order = h.preferOrganisationId ? sql`(u.organisation_id = ${h.preferOrganisationId}) DESC, u.username` : sql`u.username`;
  const limit = h.limit ? sql` LIMIT ${h.limit}` : sql``;
  return sql`SELECT u.id FROM ${from} WHERE ${join(where, ' AND ')} ORDER BY ${order}${limit}`;
}

/** The ids of the people `holdersSql` finds. */
export async function usersHolding(db: Queryable, h: HoldersQuery): Promise<string[]> {
  return (await db.query<{ id: string }>(holdersSql(h))).map((r) => r.id);
}
