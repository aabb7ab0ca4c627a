import type { Queryable } from '../db/database.js';
import { join, sql, type Sql } from '../db/sql.js';

/** Who to look for: people whose roles grant a permission, bound at one place, optionally in one organisation. */
export type HoldersQuery = {
  /** The permission (or any of several), with or without its @org / @assigned qualifier. */
  permission: string | readonly string[];
  /** ...and none of these (e.g. a caseworker: cases.work without cases.approve). */
  lacking?: readonly string[];
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

/** Role permissions match by name, whatever their qualifier: `cases.work@assigned` holds `cases.work`. */
function granted(permissions: readonly string[], where: Sql = sql`TRUE`): Sql {
  return sql`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.key = ur.role_key, unnest(r.permissions) p
    WHERE ur.user_id = u.id AND split_part(p, '@', 1) = ANY(${[...permissions]}::text[]) AND ${where})`;
}

/**
 * `SELECT u.id FROM users u ...` for the active people holding a permission at a place: the
 * one rule behind "tell the board's secretaries", "the upazila's default supervisor", "everyone
 * who answers referrals for this provider". Usable as a subquery inside a caller's statement.
 */
export function holdersSql(h: HoldersQuery): Sql {
  const wanted = typeof h.permission === 'string' ? [h.permission] : h.permission;
  const at = h.at ? sql`ur.scope_level = ${h.at.level} AND ur.scope_code IS NOT DISTINCT FROM ${h.at.code}` : undefined;
  const where: Sql[] = [sql`u.is_active`, granted(wanted, at)];
  if (h.lacking?.length) where.push(sql`NOT ${granted(h.lacking)}`);
  if (h.organisationId) where.push(sql`u.organisation_id = ${h.organisationId}`);
  if (h.excludeUserId) where.push(sql`u.id <> ${h.excludeUserId}`);
  if (h.withEmail) where.push(sql`u.email IS NOT NULL`);
  const order = h.preferOrganisationId ? sql`(u.organisation_id = ${h.preferOrganisationId}) DESC, u.username` : sql`u.username`;
  const limit = h.limit ? sql` LIMIT ${h.limit}` : sql``;
  return sql`SELECT u.id FROM users u WHERE ${join(where, ' AND ')} ORDER BY ${order}${limit}`;
}

/** The ids of the people `holdersSql` finds. */
export async function usersHolding(db: Queryable, h: HoldersQuery): Promise<string[]> {
  return (await db.query<{ id: string }>(holdersSql(h))).map((r) => r.id);
}
