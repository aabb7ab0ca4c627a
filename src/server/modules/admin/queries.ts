import type { Actor } from '../../platform/access/actor.js';
import { scopePredicate } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/database.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import type { Place } from '../../platform/access/scope.js';
import { ADMIN_PERMISSIONS as P } from '../../../shared/admin.js';

/** Users are placed where their organisation's office is. */
const USER_PLACE = { adm1: 'o.adm1_code', adm2: 'o.adm2_code', adm3: 'o.adm3_code' };

export type UserListRow = {
  id: string; username: string; full_name: string; email: string | null; phone: string | null; lang: 'en' | 'bn';
  is_active: boolean; totp_enabled: boolean; locked_until: Date | null; organisation_id: string; org_name: string;
  adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
};

const USER_COLUMNS = sql`u.id, u.username, u.full_name, u.email, u.phone, u.lang, u.is_active, u.totp_enabled, u.locked_until,
  u.organisation_id, o.name_en AS org_name, o.adm1_code, o.adm2_code, o.adm3_code`;

export function listUsers(db: Queryable, actor: Actor, q: string | undefined, limit: number, offset: number) {
  const text = q ? sql`AND (u.username ILIKE ${`%${q}%`} OR u.full_name ILIKE ${`%${q}%`})` : sql``;
  return db.query<UserListRow>(sql`
    SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
    WHERE ${scopePredicate(actor, P.usersRead, USER_PLACE)} ${text}
    ORDER BY u.username LIMIT ${limit} OFFSET ${offset}`);
}

export function findUser(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<UserListRow>(sql`
    SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
    WHERE u.id = ${id} AND ${scopePredicate(actor, P.usersRead, USER_PLACE)}`);
}

/** Existence without scope: only to decide whether a refused read is worth auditing. */
export async function userExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM users WHERE id = ${id}`));
}

export function userRoles(db: Queryable, userIds: string[]) {
  return db.query<{ user_id: string; role_key: string; scope_level: number; scope_code: string | null; scope_name: string | null }>(sql`
    SELECT ur.user_id, ur.role_key, ur.scope_level, ur.scope_code, g.name_en AS scope_name
    FROM user_roles ur LEFT JOIN geo_units g ON g.code = ur.scope_code
    WHERE ur.user_id = ANY(${userIds}::uuid[]) ORDER BY ur.scope_level, ur.role_key`);
}

export type OrganisationRow = {
  id: string; name_en: string; name_local: string | null; short_name: string | null; type: string; geo_code: string | null;
  place_name: string | null; is_active: boolean; user_count: number;
};

export function listOrganisations(db: Queryable, q: string | undefined, limit: number, offset: number) {
  const text = q ? sql`WHERE o.name_en ILIKE ${`%${q}%`} OR o.short_name ILIKE ${`%${q}%`} OR o.name_local LIKE ${`%${q}%`}` : sql``;
  return db.query<OrganisationRow>(sql`
    SELECT o.id, o.name_en, o.name_local, o.short_name, o.type, o.geo_code, g.name_en AS place_name, o.is_active,
           (SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id) AS user_count
    FROM organisations o LEFT JOIN geo_units g ON g.code = o.geo_code ${text}
    ORDER BY o.name_en LIMIT ${limit} OFFSET ${offset}`);
}

export function findOrganisation(db: Queryable, id: string) {
  return db.maybeOne<OrganisationRow & { adm1_code: string | null; adm2_code: string | null; adm3_code: string | null }>(sql`
    SELECT o.*, g.name_en AS place_name, 0 AS user_count FROM organisations o LEFT JOIN geo_units g ON g.code = o.geo_code WHERE o.id = ${id}`);
}

export function listRoles(db: Queryable) {
  return db.query<{ key: string; name_en: string; name_local: string; permissions: string[]; home: string; requires_mfa: boolean }>(
    sql`SELECT key, name_en, name_local, permissions, home, requires_mfa FROM roles ORDER BY key`,
  );
}

export async function organisationNamed(db: Queryable, nameEn: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM organisations WHERE name_en = ${nameEn}`));
}

type OrganisationFields = { name_en: string; name_local: string | null; short_name: string | null; type: string; geo_code: string | null; place: Place | null };

export async function insertOrganisation(tx: Queryable, o: OrganisationFields): Promise<string> {
  const row = await tx.one<{ id: string }>(sql`
    INSERT INTO organisations (name_en, name_local, short_name, type, geo_code, adm1_code, adm2_code, adm3_code)
    VALUES (${o.name_en}, ${o.name_local}, ${o.short_name}, ${o.type}, ${o.geo_code}, ${o.place?.adm1 ?? null}, ${o.place?.adm2 ?? null}, ${o.place?.adm3 ?? null})
    RETURNING id`);
  return row.id;
}

/** Many at once (seeds): one statement, ids in the order given. */
export async function insertOrganisations(tx: Queryable, rows: Array<{ nameEn: string; nameLocal: string | null; type: string; geo: { code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null } }>): Promise<string[]> {
  if (!rows.length) return [];
  const json = JSON.stringify(rows.map((r, i) => ({ i, name_en: r.nameEn, name_local: r.nameLocal, type: r.type, geo_code: r.geo.code, adm1: r.geo.adm1_code, adm2: r.geo.adm2_code, adm3: r.geo.adm3_code })));
  const out = await tx.query<{ id: string; i: number }>(sql`
    WITH x AS (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(i int, name_en text, name_local text, type text, geo_code text, adm1 text, adm2 text, adm3 text)),
    ins AS (INSERT INTO organisations (name_en, name_local, type, geo_code, adm1_code, adm2_code, adm3_code)
      SELECT name_en, name_local, type, geo_code, adm1, adm2, adm3 FROM x ORDER BY i RETURNING id, name_en)
    SELECT ins.id, x.i FROM ins JOIN x USING (name_en) ORDER BY x.i`);
  return out.map((r) => r.id);
}

export async function updateOrganisation(tx: Queryable, id: string, o: OrganisationFields & { is_active: boolean }): Promise<void> {
  await tx.query(sql`UPDATE organisations SET name_en = ${o.name_en}, name_local = ${o.name_local}, short_name = ${o.short_name},
    type = ${o.type}, geo_code = ${o.geo_code}, adm1_code = ${o.place?.adm1 ?? null}, adm2_code = ${o.place?.adm2 ?? null},
    adm3_code = ${o.place?.adm3 ?? null}, is_active = ${o.is_active}, updated_at = now() WHERE id = ${id}`);
}

/** Names of the people a holders query finds, by name (directory pickers: names only, no contacts). */
export function namesOf(db: Queryable, holders: Sql) {
  return db.query<{ id: string; name: string }>(sql`SELECT u.id, u.full_name AS name FROM users u WHERE u.id IN (${holders}) ORDER BY name`);
}

/** Each district's DSS office (the national seed puts a team per upazila in it). */
export function districtOffices(db: Queryable) {
  return db.query<{ adm2_code: string; id: string }>(sql`
    SELECT adm2_code, id FROM organisations WHERE type = 'dss_office' AND name_en LIKE 'District Social Services Office,%'`);
}

export function findOrganisationByName(db: Queryable, text: string) {
  return db.maybeOne<{ id: string }>(sql`SELECT id FROM organisations WHERE id::text = ${text} OR name_en = ${text} OR short_name = ${text}`);
}
