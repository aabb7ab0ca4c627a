import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';
import type { AuditContext } from '../../../platform/audit/audit.js';

export type ImportStatus = 'queued' | 'checking' | 'writing' | 'done' | 'rejected' | 'rolling_back' | 'failed';
export type ImportRow = {
  id: string; file_name: string; file_sha256: string; status: ImportStatus; rows_total: number | null; rows_done: number; issue_count: number;
  issues: unknown[] | null; created_by: string | null; audit_context: AuditContext; created_at: Date; finished_at: Date | null;
};
const IMPORT_COLUMNS = sql`id, file_name, file_sha256, status, rows_total, rows_done, issue_count, issues, created_by, audit_context, created_at, finished_at`;

export function insertImport(tx: Queryable, i: { id: string; fileName: string; sha256: string; content: Buffer; createdBy: string | null; ctx: AuditContext }) {
  return tx.query(sql`INSERT INTO case_imports (id, file_name, file_sha256, content, status, created_by, audit_context)
    VALUES (${i.id}, ${i.fileName}, ${i.sha256}, ${i.content}, 'queued', ${i.createdBy}, ${JSON.stringify(i.ctx)}::jsonb)`);
}

export function findImport(db: Queryable, id: string) {
  return db.maybeOne<ImportRow>(sql`SELECT ${IMPORT_COLUMNS} FROM case_imports WHERE id = ${id}`);
}

export function importContent(db: Queryable, id: string) {
  return db.maybeOne<{ content: Uint8Array | null }>(sql`SELECT content FROM case_imports WHERE id = ${id}`);
}

/** The last import of the same file (same SHA-256) that wrote its cases, if any. */
export function earlierImportOf(db: Queryable, sha256: string) {
  return db.maybeOne<{ file_name: string; finished_at: Date; rows_done: number }>(sql`
    SELECT file_name, finished_at, rows_done FROM case_imports WHERE file_sha256 = ${sha256} AND status = 'done' ORDER BY finished_at DESC LIMIT 1`);
}

/** Moves an import on; `from` guards against a second worker taking the same import. */
export async function setImportStatus(tx: Queryable, id: string, to: ImportStatus, from: ImportStatus[], extra: { rowsTotal?: number; issues?: unknown[]; issueCount?: number } = {}) {
  const finished = ['done', 'rejected', 'failed'].includes(to);
  const row = await tx.maybeOne<{ id: string }>(sql`UPDATE case_imports SET status = ${to},
      rows_total = COALESCE(${extra.rowsTotal ?? null}::int, rows_total),
      issue_count = COALESCE(${extra.issueCount ?? null}::int, issue_count),
      issues = COALESCE(${extra.issues ? JSON.stringify(extra.issues) : null}::jsonb, issues),
      content = CASE WHEN ${finished} THEN NULL ELSE content END,
      finished_at = CASE WHEN ${finished} THEN now() ELSE finished_at END
    WHERE id = ${id} AND status = ANY(${from}::text[]) RETURNING id`);
  return row !== undefined;
}

/**
 * Takes (or renews) the right to run an import for two minutes: one worker at a time, and
 * an import whose worker stopped is taken over once its lease has run out.
 */
export async function claimImport(db: Queryable, id: string, worker: string) {
  return db.maybeOne<{ status: ImportStatus; rows_done: number }>(sql`UPDATE case_imports SET lease_until = now() + interval '2 minutes', lease_holder = ${worker}
    WHERE id = ${id} AND status NOT IN ('done', 'rejected', 'failed') AND (lease_until IS NULL OR lease_until < now() OR lease_holder = ${worker})
    RETURNING status, rows_done`);
}

/** Records a written chunk and renews the worker's lease, in the chunk's transaction. */
export function setRowsDone(tx: Queryable, id: string, rowsDone: number) {
  return tx.query(sql`UPDATE case_imports SET rows_done = ${rowsDone}, lease_until = now() + interval '2 minutes' WHERE id = ${id}`);
}

/**
 * Takes `n` case numbers from each district's yearly counter (locked in key order, so two
 * imports cannot deadlock) and answers each counter's new last number.
 */
export function takeCaseNumbers(tx: Queryable, wanted: Array<{ adm2: string; year: number; n: number }>) {
  return tx.query<{ adm2_code: string; year: number; last: number }>(sql`
    INSERT INTO case_counters (adm2_code, year, last)
    SELECT adm2, year, n FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS x(adm2 text, year int, n int) ORDER BY adm2, year
    ON CONFLICT (adm2_code, year) DO UPDATE SET last = case_counters.last + EXCLUDED.last
    RETURNING adm2_code, year, last`);
}

export type ImportedCase = {
  id: string; case_number: string; child_id: string; risk_level: string; concerns: string[]; source: string; sensitive: boolean; summary: string | null;
  reported_on: string; initial_assessment_due: string; organisation_id: string; caseworker_id: string | null; supervisor_id: string | null;
  geo_code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; created_by: string | null; child_name_key: string; child_name_folded: string;
};

/** A chunk of imported cases with their team assignments and first timeline event, in one statement. */
export function insertImportedCases(tx: Queryable, importId: string, cases: ImportedCase[]) {
  return tx.query(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS x(id uuid, case_number text, child_id uuid, risk_level text, concerns text[], source text,
        sensitive boolean, summary text, reported_on date, initial_assessment_due timestamptz, organisation_id uuid, caseworker_id uuid, supervisor_id uuid,
        geo_code text, adm1_code text, adm2_code text, adm3_code text, created_by uuid, child_name_key text, child_name_folded text)),
    ins AS (
      INSERT INTO cases (id, case_number, child_id, risk_level, concerns, source, sensitive, summary, reported_on, initial_assessment_due, organisation_id,
        caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded, import_id)
      SELECT id, case_number, child_id, risk_level, concerns, source, sensitive, summary, reported_on, initial_assessment_due, organisation_id,
        caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded, ${importId}::uuid FROM x
      RETURNING id, caseworker_id, supervisor_id, created_by, risk_level, concerns, source),
    assigned AS (
      INSERT INTO case_assignments (case_id, user_id, role)
      SELECT ins.id, a.user_id, a.role FROM ins, LATERAL (VALUES (ins.caseworker_id, 'caseworker'), (ins.supervisor_id, 'supervisor')) AS a(user_id, role)
      WHERE a.user_id IS NOT NULL)
    INSERT INTO case_events (case_id, actor_id, kind, data)
    SELECT id, created_by, 'imported', jsonb_build_object('riskLevel', risk_level, 'concerns', to_jsonb(concerns), 'source', source) FROM ins`);
}

/**
 * Removes up to `limit` cases of a failed import with their assignments and events, and
 * answers their children's person ids (for the person registry to remove).
 */
export async function removeImportedCases(tx: Queryable, importId: string, limit: number): Promise<string[]> {
  const rows = await tx.query<{ child_id: string }>(sql`
    WITH doomed AS (SELECT id, child_id FROM cases WHERE import_id = ${importId} LIMIT ${limit}),
    events AS (DELETE FROM case_events WHERE case_id IN (SELECT id FROM doomed)),
    assignments AS (DELETE FROM case_assignments WHERE case_id IN (SELECT id FROM doomed))
    DELETE FROM cases WHERE id IN (SELECT id FROM doomed) RETURNING child_id`);
  return rows.map((r) => r.child_id);
}
