import { randomUUID } from 'node:crypto';
import { join, raw, Sql, sql } from '../db/sql.js';
import type { Queryable, Tx } from '../db/database.js';
import { canonicalJson, diffOf, rowHash, type AuditFields } from './chain.js';
import { AppError } from '../errors.js';

/** Who did it and from where: taken from the request, or from the CLI for commands. */
export type AuditContext = {
  actorUserId: string | null;
  actorRole: string | null;
  requestId: string | null;
  ip: string | null;
};

export const SYSTEM_CONTEXT: AuditContext = { actorUserId: null, actorRole: 'system', requestId: null, ip: null };

export type AuditEntry = {
  /** In auditCtes the action may be SQL over the caller's CTEs (an upsert's created-or-saved). */
  action: string | Sql;
  entity: string;
  /** In auditCtes the id may be SQL over the caller's CTEs, e.g. sql`ins.id`. */
  entityId?: string | Sql | null;
  before?: Record<string, unknown> | null;
  /** In auditCtes a value may be SQL over the caller's CTEs, filled in by PostgreSQL. */
  after?: Record<string, unknown> | null;
  /** Extra facts that are not a field change (a stated purpose, a break-glass reason). */
  meta?: Record<string, unknown>;
};

/**
 * Appends one audit row inside the caller's transaction, in one statement: it locks the
 * single audit_head row (writers queue there, so the chain never forks and sequence numbers
 * have no gaps), takes the next number, hashes the row with PostgreSQL's sha256 over the same
 * canonical JSON that `verifyAudit` recomputes, and inserts it. A rollback of the caller's
 * change rolls the audit row back with it. The lock is held only until the caller commits.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.query(sql`WITH ${auditCtes(ctx, entry)} SELECT 1`);
}

/**
 * recordAudit's statement as CTEs (audit_old, audit_upd, audit_row) to join into a caller's
 * own single-statement write, so a hot write (case registration) holds the audit head only
 * while PostgreSQL executes it, never across a round trip to the app. `after` names a CTE of
 * the caller that must run first (and that SQL values may read): contended rows are always locked before the audit head,
 * in every statement, so two writers cannot deadlock. Values of `entry.after` given as SQL
 * (e.g. sql`ins.case_number`) are filled in by PostgreSQL, in the hashed text and the row alike.
 */
export function auditCtes(ctx: AuditContext, entry: AuditEntry, options: { after?: string } = {}): Sql {
  const fills: Array<{ token: string; expr: Sql }> = [];
  const placeholder = (v: unknown) => {
    if (!(v instanceof Sql)) return v;
    const token = `@@fill-${randomUUID()}@@`;
    fills.push({ token: JSON.stringify(token), expr: v });
    return token;
  };
  const after = entry.after ? Object.fromEntries(Object.entries(entry.after).map(([k, v]) => [k, placeholder(v)])) : entry.after;
  const diff = diffOf(entry.before, after);
  const payload = entry.meta ? { ...(diff ?? {}), _meta: entry.meta } : diff;
  const at = new Date().toISOString();
  const fields: Omit<AuditFields, 'seq'> = {
    at,
    actor_user_id: ctx.actorUserId,
    actor_role: ctx.actorRole,
    action: placeholder(entry.action) as string,
    entity: entry.entity,
    entity_id: (placeholder(entry.entityId) as string | undefined) ?? null,
    diff: payload,
    request_id: ctx.requestId,
    ip: ctx.ip,
  };
  // `seq` sorts last among the keys, so the canonical JSON is this prefix + seq + "}".
  const canonical = canonicalJson({ ...fields, seq: 0 });
  const fill = (text: string | null): Sql =>
    fills.reduce<Sql>((acc, f) => sql`replace(${acc}, ${f.token}, to_json((${f.expr})::text)::text)`, sql`${text}::text`);
  const prefix = fill(canonical.slice(0, canonical.length - '0}'.length));
  const diffText = payload === null ? sql`NULL::text` : fill(JSON.stringify(payload));
  /** A column the caller gave as SQL is filled in by PostgreSQL, as text like the hashed prefix. */
  const textOf = (v: string | Sql | null) => (v instanceof Sql ? sql`(${v})::text` : v);
  if (fills.length && !options.after) throw new Error('auditCtes: SQL values need options.after, the CTE they read');
  const wait = options.after ? sql` AND EXISTS (SELECT 1 FROM ${raw(options.after)})` : sql``;
  const source = options.after ? raw(`, ${options.after}`) : raw('');
  return sql`
    audit_old AS (SELECT last_seq, last_hash FROM audit_head WHERE id${wait} FOR UPDATE OF audit_head),
    audit_upd AS (
      UPDATE audit_head a SET last_seq = audit_old.last_seq + 1,
             last_hash = encode(sha256(convert_to(audit_old.last_hash || ${'\n'} || ${prefix} || (audit_old.last_seq + 1)::text || '}', 'UTF8')), 'hex')
      FROM audit_old${source} WHERE a.id
      RETURNING a.last_seq, a.last_hash, audit_old.last_hash AS prev_hash),
    audit_row AS (
      INSERT INTO audit_log (seq, at, actor_user_id, actor_role, action, entity, entity_id, diff, request_id, ip, prev_hash, hash)
      SELECT audit_upd.last_seq, ${at}, ${fields.actor_user_id}, ${fields.actor_role}, ${textOf(entry.action)}, ${fields.entity}, ${textOf(entry.entityId ?? null)},
             (${diffText})::jsonb, ${fields.request_id}, ${fields.ip}, audit_upd.prev_hash, audit_upd.last_hash
      FROM audit_upd${source})`;
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; problem: 'altered' | 'removed' | 'tail_removed'; seq: number; message: string };

/**
 * Recomputes the chain from the first row. Reports the first row whose content no longer
 * matches its hash (altered), the first gap in the sequence (removed), or a chain that
 * ends before the head says it should (rows removed from the end).
 */
export async function verifyAudit(db: Queryable, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = 'genesis';
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db.query<AuditFields & { prev_hash: string; hash: string; at: Date }>(sql`
      SELECT seq, at, actor_user_id, actor_role, action, entity, entity_id, diff, request_id, ip, prev_hash, hash
      FROM audit_log WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${batchSize}`);
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, problem: 'removed', seq: expectedSeq, message: `audit row ${expectedSeq} was removed (the chain jumps to row ${seq})` };
      }
      if (row.prev_hash !== prevHash) {
        // The previous row was rewritten together with its own hash: its successor still holds the true one.
        return { ok: false, rows, problem: 'altered', seq: seq - 1, message: `audit row ${seq - 1} was altered (row ${seq} no longer links to it)` };
      }
      const fields: AuditFields = {
        seq,
        at: new Date(row.at).toISOString(),
        actor_user_id: row.actor_user_id,
        actor_role: row.actor_role,
        action: row.action,
        entity: row.entity,
        entity_id: row.entity_id,
        diff: row.diff,
        request_id: row.request_id,
        ip: row.ip,
      };
      if (rowHash(prevHash, fields) !== row.hash) {
        return { ok: false, rows, problem: 'altered', seq, message: `audit row ${seq} was altered (its content no longer matches its hash)` };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      rows++;
    }
  }
  const head = await db.one<{ last_seq: number; last_hash: string }>(sql`SELECT last_seq, last_hash FROM audit_head WHERE id`);
  if (Number(head.last_seq) !== expectedSeq - 1 || head.last_hash !== prevHash) {
    return { ok: false, rows, problem: 'tail_removed', seq: expectedSeq, message: `audit rows from ${expectedSeq} to ${head.last_seq} were removed` };
  }
  return { ok: true, rows };
}

/**
 * A record the caller may not see answers 404, exactly like a record that does not exist, so
 * its existence is not confirmed. When it does exist, the attempt is audited for review.
 */
export async function denyRead(db: { tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }, ctx: AuditContext, entity: string, entityId: string, exists: boolean): Promise<never> {
  if (exists) await db.tx((tx) => recordAudit(tx, ctx, { action: 'access.denied_read', entity, entityId }));
  throw new AppError('not_found');
}

/** The newest audit rows, optionally for one entity (the administrators' audit view). */
export function auditTrail(db: Queryable, filter: { entity?: string | undefined; entityId?: string | undefined; limit: number }) {
  const where = [sql`TRUE`];
  if (filter.entity) where.push(sql`entity = ${filter.entity}`);
  if (filter.entityId) where.push(sql`entity_id = ${filter.entityId}`);
  return db.query(sql`SELECT seq, at, actor_user_id, actor_role, action, entity, entity_id, diff, request_id
    FROM audit_log WHERE ${join(where, ' AND ')} ORDER BY seq DESC LIMIT ${filter.limit}`);
}

/**
 * Appends many audit rows in the caller's transaction, in three statements whatever their
 * number (a bulk import's one row per record): the head is locked, the rows are chained and
 * hashed here with the same canonical JSON that `verifyAudit` recomputes, inserted in one
 * statement, and the head moved to the last. Callers lock their own contended rows first.
 */
export async function recordAuditMany(tx: Tx, ctx: AuditContext, entries: Array<Omit<AuditEntry, 'entityId' | 'action'> & { entityId: string | null; action: string }>): Promise<void> {
  if (entries.length === 0) return;
  const head = await tx.one<{ last_seq: number | string; last_hash: string }>(sql`SELECT last_seq, last_hash FROM audit_head WHERE id FOR UPDATE`);
  let seq = Number(head.last_seq);
  let prev = head.last_hash;
  const at = new Date().toISOString();
  const rows = entries.map((entry) => {
    const diff = diffOf(entry.before, entry.after);
    const fields: AuditFields = {
      seq: ++seq, at, actor_user_id: ctx.actorUserId, actor_role: ctx.actorRole, action: entry.action, entity: entry.entity,
      entity_id: entry.entityId, diff: entry.meta ? { ...(diff ?? {}), _meta: entry.meta } : diff, request_id: ctx.requestId, ip: ctx.ip,
    };
    const hash = rowHash(prev, fields);
    const row = { ...fields, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.query(sql`INSERT INTO audit_log (seq, at, actor_user_id, actor_role, action, entity, entity_id, diff, request_id, ip, prev_hash, hash)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(seq bigint, at timestamptz, actor_user_id uuid, actor_role text, action text, entity text,
      entity_id text, diff jsonb, request_id text, ip text, prev_hash text, hash text)`);
  await tx.query(sql`UPDATE audit_head SET last_seq = ${seq}, last_hash = ${prev} WHERE id`);
}
