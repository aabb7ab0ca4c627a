import type { Queryable } from '../db/database.js';
import { sql } from '../db/sql.js';

/**
 * Account records (users, their role bindings, role permissions) belong to the platform:
 * sign-in and the access layer read them on every request. The admin module manages them
 * through these functions, each inside the caller's transaction (which also writes the audit
 * row), so the rules for ending sessions or clearing a lockout live in one place.
 */

export type NewAccount = {
  username: string; fullName: string; email: string | null; phone: string | null; organisationId: string; passwordHash: string; lang: 'en' | 'bn';
  isDemo?: boolean; totpSecretEnc?: string | null;
};

/** A role binding as stored: the role, granted at a place (level 0 is the nation, code null). */
export type Binding = { role: string; scopeLevel: number; scopeCode: string | null };

/** True when the username or (case-insensitively) the email is taken by another account. */
export async function accountClash(tx: Queryable, username: string | null, email: string | null, exceptId?: string): Promise<boolean> {
  return Boolean(await tx.maybeOne(sql`SELECT 1 AS x FROM users
    WHERE (username = ${username} OR (${email}::text IS NOT NULL AND lower(email) = lower(${email}))) AND id IS DISTINCT FROM ${exceptId ?? null}::uuid`));
}

export async function createAccount(tx: Queryable, a: NewAccount): Promise<string> {
  const row = await tx.one<{ id: string }>(sql`
    INSERT INTO users (username, full_name, email, phone, organisation_id, password_hash, password_changed_at, lang, is_demo, totp_secret_enc, totp_enabled)
    VALUES (${a.username}, ${a.fullName}, ${a.email}, ${a.phone}, ${a.organisationId}, ${a.passwordHash}, now(), ${a.lang}, ${a.isDemo ?? false},
            ${a.totpSecretEnc ?? null}, ${Boolean(a.totpSecretEnc)})
    RETURNING id`);
  return row.id;
}

export type AccountFields = { full_name: string; email: string | null; phone: string | null; organisation_id: string; is_active: boolean };

/** The editable fields of an account, locked for the caller's update. */
export function lockAccount(tx: Queryable, id: string) {
  return tx.one<AccountFields>(sql`SELECT full_name, email, phone, organisation_id, is_active FROM users WHERE id = ${id} FOR UPDATE`);
}

/** Writes the editable fields; disabling an account ends its sessions and API tokens at once. */
export async function updateAccount(tx: Queryable, id: string, f: AccountFields): Promise<void> {
  await tx.query(sql`UPDATE users SET full_name = ${f.full_name}, email = ${f.email}, phone = ${f.phone},
    organisation_id = ${f.organisation_id}, is_active = ${f.is_active}, updated_at = now() WHERE id = ${id}`);
  if (!f.is_active) await endAccess(tx, id, { tokens: true });
}

/** Replaces an account's role bindings. */
export async function setBindings(tx: Queryable, userId: string, bindings: readonly Binding[]): Promise<void> {
  await tx.query(sql`DELETE FROM user_roles WHERE user_id = ${userId}`);
  for (const b of bindings) {
    await tx.query(sql`INSERT INTO user_roles (user_id, role_key, scope_level, scope_code) VALUES (${userId}, ${b.role}, ${b.scopeLevel}, ${b.scopeCode})
      ON CONFLICT DO NOTHING`);
  }
}

/** A new password set by an administrator: clears any lockout and ends the account's sessions. */
export async function setPasswordHash(tx: Queryable, id: string, hash: string): Promise<void> {
  await tx.query(sql`UPDATE users SET password_hash = ${hash}, password_changed_at = now(), failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ${id}`);
  await endAccess(tx, id, { tokens: false });
}

/** Ends every session of an account and, when asked, revokes its API tokens. */
export async function endAccess(tx: Queryable, userId: string, options: { tokens: boolean }): Promise<void> {
  await tx.query(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
  if (options.tokens) await tx.query(sql`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL`);
}

/** A role's permissions, locked for the caller's change; undefined when no such role. */
export function lockRole(tx: Queryable, key: string) {
  return tx.maybeOne<{ permissions: string[] }>(sql`SELECT permissions FROM roles WHERE key = ${key} FOR UPDATE`);
}

export async function setRolePermissions(tx: Queryable, key: string, permissions: readonly string[]): Promise<void> {
  await tx.query(sql`UPDATE roles SET permissions = ${[...permissions]}, updated_at = now() WHERE key = ${key}`);
}

/**
 * Many demo accounts at once (the national seed), each with one role binding and the same
 * password hash; an existing username is kept. Returns the id of every username asked for.
 */
export async function createAccounts(tx: Queryable, rows: ReadonlyArray<{ username: string; fullName: string; organisationId: string; role: string; scopeLevel: number; scopeCode: string | null }>, passwordHash: string): Promise<Map<string, string>> {
  const json = JSON.stringify(rows.map((r) => ({ username: r.username, full_name: r.fullName, organisation_id: r.organisationId, role: r.role, scope_level: r.scopeLevel, scope_code: r.scopeCode })));
  await tx.query(sql`INSERT INTO users (username, full_name, organisation_id, password_hash, password_changed_at, lang, is_demo)
    SELECT x.username, x.full_name, x.organisation_id, ${passwordHash}, now(), 'bn', true
    FROM jsonb_to_recordset(${json}::jsonb) AS x(username text, full_name text, organisation_id uuid)
    ON CONFLICT (username) DO NOTHING`);
  await tx.query(sql`INSERT INTO user_roles (user_id, role_key, scope_level, scope_code)
    SELECT u.id, x.role, x.scope_level, x.scope_code FROM jsonb_to_recordset(${json}::jsonb) AS x(username text, role text, scope_level smallint, scope_code text)
    JOIN users u ON u.username = x.username ON CONFLICT DO NOTHING`);
  const found = await tx.query<{ id: string; username: string }>(sql`SELECT id, username FROM users WHERE username = ANY(${rows.map((r) => r.username)})`);
  return new Map(found.map((r) => [r.username, r.id]));
}

/** The id of the account with this username (active ones only, when asked), else undefined. */
export async function accountId(db: Queryable, username: string, options: { activeOnly?: boolean } = {}): Promise<string | undefined> {
  const active = options.activeOnly ? sql` AND is_active` : sql``;
  return (await db.maybeOne<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}${active}`))?.id;
}
