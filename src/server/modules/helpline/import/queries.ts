import type { Database, Queryable } from '../../../platform/db/database.js';
import { join, raw, sql, type Sql } from '../../../platform/db/sql.js';
import type { Lookup } from './lookups.js';
import { countInsertedCtes } from '../analytics/queries.js';

/** The file's columns as the staging table names them (docs/import-helpline-contacts.md). */
export const REQUIRED_COLUMNS = ['contact_id', 'received_at', 'channel', 'call_type', 'category', 'upazila_code', 'child_sex', 'child_age'] as const;
export const OPTIONAL_COLUMNS = ['union_code', 'urgency', 'summary'] as const;
export type ImportColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const SUMMARY_MAX = 4000;
export const ID_MAX = 100;
/** An import whose heartbeat is older than this was stopped (a crash, a killed console): the next one may start. */
const STALE_AFTER = '15 minutes';

export type ImportIssueRow = { line: number; col: string; code: string; value: string | null; total: number };

/** Marks stopped imports failed, then registers this one as the one running (a second one meets the unique index). */
export async function startImport(db: Database, row: { fileName: string; organisationId: string; createdBy: string | null }): Promise<string | null> {
  return db.tx(async (tx) => {
    await tx.query(sql`UPDATE helpline_imports SET status = 'failed', finished_at = now() WHERE status = 'running' AND heartbeat_at < now() - ${STALE_AFTER}::interval`);
    const r = await tx.maybeOne<{ id: string }>(sql`
      INSERT INTO helpline_imports (file_name, status, organisation_id, created_by) VALUES (${row.fileName}, 'running', ${row.organisationId}, ${row.createdBy})
      ON CONFLICT DO NOTHING RETURNING id`);
    return r?.id ?? null;
  });
}

export const heartbeat = (db: Queryable, id: string) => db.query(sql`UPDATE helpline_imports SET heartbeat_at = now() WHERE id = ${id}`);

export function finishImport(db: Queryable, id: string, f: { status: 'done' | 'rejected' | 'failed'; sha256?: string | null; rows?: number | null; issues?: unknown[]; issueCount?: number }) {
  return db.query(sql`UPDATE helpline_imports SET status = ${f.status}, file_sha256 = COALESCE(${f.sha256 ?? null}, file_sha256), rows_total = COALESCE(${f.rows ?? null}::int, rows_total),
    issues = ${JSON.stringify(f.issues ?? [])}::jsonb, issue_count = ${f.issueCount ?? 0}, finished_at = now() WHERE id = ${id}`);
}

export async function clearStaging(db: Queryable) {
  await db.exec('TRUNCATE helpline_import_rows, helpline_import_lookups');
}

export async function insertLookups(db: Queryable, rows: readonly Lookup[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    await db.query(sql`INSERT INTO helpline_import_lookups (kind, key, code, n, adm1, adm2, adm3)
      SELECT kind, key, code, n, adm1, adm2, adm3 FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
      AS r(kind text, key text, code text, n int, adm1 text, adm2 text, adm3 text)`);
  }
}

/** The COPY statement for a file whose header names these columns, in the file's order. */
export const copyStatement = (columns: readonly ImportColumn[]) => `COPY helpline_import_rows (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;

export const stagedRange = (db: Queryable) =>
  db.one<{ first: number | null; last: number | null; n: number }>(sql`SELECT min(seq)::int AS first, max(seq)::int AS last, count(*)::int AS n FROM helpline_import_rows`);

export const analyzeStaging = (db: Queryable) => db.exec('ANALYZE helpline_import_rows, helpline_import_lookups');

/**
 * Plans for the bulk statements, set inside their transaction: hash joins against the lookups
 * (the application role may not ANALYZE tables it does not own, so on a server the planner
 * guesses the staging tables tiny and loops over 4,500 unions for every record), and memory to
 * sort two million ids without spilling to disk.
 */
export async function bulkPlans(tx: Queryable) {
  await tx.exec("SET LOCAL enable_nestloop = off; SET LOCAL work_mem = '128MB'; SET LOCAL jit = off");
}

/** Control characters no text field may hold (tab, line feed and carriage return aside); NUL never reaches staging (COPY refuses it). */
const CONTROL = '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
/** How a value meets its lookup: trimmed and lower case (the lookups hold each spelling in every Unicode form, so no normalising per record). */
const fold = (col: Sql) => sql`lower(btrim(${col}))`;
const digits = (col: Sql) => sql`translate(btrim(${col}), '০১২৩৪৫৬৭৮৯', '0123456789')`;

/**
 * Every staged record parsed: its line in the file (the header is line 1), each coded column
 * looked up (NULL when unknown, '' when ambiguous), the time checked part by part before it is
 * cast (a cast that fails would stop the whole statement), and the place resolved.
 */
function parsed(first: number, tz: string, where: Sql = sql`TRUE`): Sql {
  const r = sql`btrim(s.received_at)`;
  const part = (from: number, n: number) => sql`substr(${r}, ${raw(String(from))}, ${raw(String(n))})::int`;
  const month = part(6, 2);
  const year = part(1, 4);
  return sql`
    SELECT s.seq, (s.seq - ${first}::int + 2)::int AS line,
      btrim(s.contact_id) AS contact_id, ${r} AS received_raw,
      CASE WHEN v.time_ok THEN CASE WHEN tm.code = 'local' THEN ${r}::timestamp AT TIME ZONE ${tz} ELSE ${r}::timestamptz END END AS received_at,
      nullif(btrim(s.channel), '') AS channel_raw, ch.code AS channel,
      nullif(btrim(s.call_type), '') AS call_type_raw, ct.code AS call_type,
      nullif(btrim(s.urgency), '') AS urgency_raw, ur.code AS urgency,
      nullif(btrim(s.child_sex), '') AS sex_raw, sx.code AS sex,
      nullif(${digits(sql`s.child_age`)}, '') AS age_raw,
      nullif(${digits(sql`s.upazila_code`)}, '') AS upazila_raw, up.adm1, up.adm2, up.adm3,
      nullif(${digits(sql`s.union_code`)}, '') AS union_raw, un.code AS union_code, un.adm3 AS union_adm3,
      CASE WHEN strpos(s.category, '|') > 0 THEN cat.codes WHEN c1.code <> '' THEN ARRAY[c1.code] END AS categories,
      CASE WHEN strpos(s.category, '|') > 0 THEN cat.bad WHEN btrim(s.category) <> '' AND (c1.code IS NULL OR c1.code = '') THEN btrim(s.category) END AS category_bad,
      CASE WHEN strpos(s.category, '|') > 0 THEN cat.ambiguous ELSE c1.code = '' END AS category_ambiguous,
      nullif(btrim(s.summary), '') AS summary
    FROM helpline_import_rows s
    -- The time's shape, by its digit mask (2024-08-14 10:30 is 9999-99-99 99:99): one hash
    -- join instead of a regular expression per record, many times cheaper on two million.
    LEFT JOIN helpline_import_lookups tm ON tm.kind = 'time_mask' AND tm.key = upper(translate(${r}, '0123456789', '9999999999'))
    -- Then its parts, each read only where the mask says it is (a cast that fails would stop the statement).
    CROSS JOIN LATERAL (SELECT CASE WHEN tm.code IS NULL THEN false
      WHEN ${year} < 1900 OR ${month} NOT BETWEEN 1 AND 12 THEN false
      WHEN ${part(9, 2)} NOT BETWEEN 1 AND CASE WHEN ${month} IN (4, 6, 9, 11) THEN 30
        WHEN ${month} = 2 THEN CASE WHEN ${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0) THEN 29 ELSE 28 END ELSE 31 END THEN false
      WHEN length(${r}) = 10 THEN true
      WHEN ${part(12, 2)} > 23 OR ${part(15, 2)} > 59 THEN false
      WHEN substr(${r}, 17, 1) = ':' AND ${part(18, 2)} > 59 THEN false
      WHEN tm.code = 'offset' THEN substr(${r}, tm.n + 1, 2)::int <= 14
      ELSE true END AS time_ok) v
    LEFT JOIN helpline_import_lookups c1 ON c1.kind = 'category' AND c1.key = ${fold(sql`s.category`)}
    -- Several categories (a|b): looked up one by one; the one-time filter skips this for the rest.
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT l.code) FILTER (WHERE l.code <> '') AS codes,
        min(btrim(o.v)) FILTER (WHERE l.code IS NULL OR l.code = '') AS bad, bool_or(l.code = '') AS ambiguous
      FROM unnest(string_to_array(s.category, '|')) AS o(v)
      LEFT JOIN helpline_import_lookups l ON l.kind = 'category' AND l.key = ${fold(sql`o.v`)}
      WHERE strpos(s.category, '|') > 0 AND btrim(o.v) <> ''
    ) cat
    LEFT JOIN helpline_import_lookups ch ON ch.kind = 'channel' AND ch.key = ${fold(sql`s.channel`)}
    LEFT JOIN helpline_import_lookups ct ON ct.kind = 'call_type' AND ct.key = ${fold(sql`s.call_type`)}
    LEFT JOIN helpline_import_lookups ur ON ur.kind = 'urgency' AND ur.key = ${fold(sql`s.urgency`)}
    LEFT JOIN helpline_import_lookups sx ON sx.kind = 'sex' AND sx.key = ${fold(sql`s.child_sex`)}
    LEFT JOIN helpline_import_lookups up ON up.kind = 'upazila' AND up.key = ${digits(sql`s.upazila_code`)}
    LEFT JOIN helpline_import_lookups un ON un.kind = 'union' AND un.key = ${digits(sql`s.union_code`)}
    WHERE ${where}
    -- Computed once per record: pulled up into the statement around it, each column's expression
    -- would be evaluated again at every use (the checks use received_at three times).
    OFFSET 0`;
}

/**
 * The checks of one parsed record `d`, column by column: an expression that is the problem's
 * code, or NULL. The same list filters the insert and writes the report, so the two never
 * disagree. Duplicate ids are not here: the report finds them with a window, the insert with
 * the unique index.
 */
function rowChecks(aboutAChild: readonly string[]): Array<[string, Sql, Sql | null]> {
  const value = (col: Sql) => sql`left(${col}, 60)`;
  return [
    ['contact_id', sql`CASE WHEN d.contact_id IS NULL OR d.contact_id = '' THEN 'required' WHEN length(d.contact_id) > ${ID_MAX}::int THEN 'row_too_long' END`, value(sql`d.contact_id`)],
    ['received_at', sql`CASE WHEN d.received_raw IS NULL OR d.received_raw = '' THEN 'required' WHEN d.received_at IS NULL THEN 'import_bad_time'
      WHEN d.received_at > now() + interval '1 hour' THEN 'import_time_in_future' END`, value(sql`d.received_raw`)],
    ['channel', sql`CASE WHEN d.channel_raw IS NULL THEN 'required' WHEN d.channel IS NULL OR d.channel = '' THEN 'import_unknown_value' END`, value(sql`d.channel_raw`)],
    ['call_type', sql`CASE WHEN d.call_type_raw IS NULL THEN 'required' WHEN d.call_type IS NULL OR d.call_type = '' THEN 'import_unknown_value' END`, value(sql`d.call_type_raw`)],
    ['urgency', sql`CASE WHEN d.urgency_raw IS NOT NULL AND (d.urgency IS NULL OR d.urgency = '') THEN 'import_unknown_value' END`, value(sql`d.urgency_raw`)],
    ['category', sql`CASE WHEN d.category_ambiguous THEN 'import_ambiguous_category' WHEN d.category_bad IS NOT NULL THEN 'import_unknown_category'
      WHEN d.categories IS NULL AND d.call_type = ANY(${aboutAChild}::text[]) THEN 'required' END`, value(sql`d.category_bad`)],
    ['upazila_code', sql`CASE WHEN d.upazila_raw IS NULL AND d.call_type = ANY(${aboutAChild}::text[]) THEN 'required'
      WHEN d.upazila_raw IS NOT NULL AND d.adm3 IS NULL THEN 'unknown_upazila' END`, value(sql`d.upazila_raw`)],
    ['union_code', sql`CASE WHEN d.union_raw IS NOT NULL AND (d.union_code IS NULL OR d.union_adm3 IS DISTINCT FROM d.adm3) THEN 'unknown_union' END`, value(sql`d.union_raw`)],
    ['child_sex', sql`CASE WHEN d.sex_raw IS NOT NULL AND d.sex IS NULL THEN 'invalid_sex' END`, value(sql`d.sex_raw`)],
    ['child_age', sql`CASE WHEN d.age_raw IS NULL THEN NULL WHEN d.age_raw !~ '^[0-9]{1,2}$' THEN 'invalid_age' WHEN d.age_raw::int > 25 THEN 'invalid_age' END`, value(sql`d.age_raw`)],
    ['summary', sql`CASE WHEN length(d.summary) > ${SUMMARY_MAX}::int THEN 'row_too_long' WHEN d.summary ~ ${CONTROL}::text THEN 'row_unsafe_text' END`, null],
  ];
}

/**
 * The problems of the staged file, each with its line and column, first ones first (at most
 * `limit`), and how many there are in all. Values are echoed for coded columns only (never a
 * summary), cut to 60 characters.
 */
export function checkStaged(db: Queryable, first: number, tz: string, aboutAChild: readonly string[], limit: number) {
  const checks = rowChecks(aboutAChild).map(([col, code, value]) => sql`(${col}, ${code}, ${value ?? sql`NULL`})`);
  return db.query<ImportIssueRow>(sql`
    WITH p AS (${parsed(first, tz)}),
    d AS (
      SELECT p.*, count(*) OVER (PARTITION BY p.contact_id) > 1 AS dup, c.source_id IS NOT NULL AS known
      FROM p LEFT JOIN helpline_contacts c ON c.source_id = p.contact_id AND c.source_id IS NOT NULL
    ),
    issues AS (
      SELECT d.line, i.col, i.code, i.value FROM d CROSS JOIN LATERAL (VALUES
        ${join(checks, ',\n')},
        ('contact_id', CASE WHEN d.contact_id IS NULL OR d.contact_id = '' THEN NULL WHEN d.dup THEN 'import_duplicate_id' WHEN d.known THEN 'import_already_imported' END, left(d.contact_id, 60))
      ) AS i(col, code, value) WHERE i.code IS NOT NULL
    )
    SELECT line, col, code, value, count(*) OVER ()::int AS total FROM issues ORDER BY line, col LIMIT ${limit}::int`);
}

/**
 * Inserts the staged records from `fromSeq` to `toSeq` that pass every check, skipping an id
 * already imported or repeated: the caller compares the count with the records staged, and a
 * shortfall means the file has problems (rolled back, then reported by checkStaged).
 */
export async function insertStaged(tx: Queryable, r: { first: number; fromSeq: number; toSeq: number; tz: string; importId: string; organisationId: string; aboutAChild: readonly string[] }): Promise<number> {
  const clean = join(rowChecks(r.aboutAChild).map(([, code]) => sql`${code} IS NULL`), ' AND ');
  const rows = await tx.query<{ n: number }>(sql`
    WITH ins AS (
      INSERT INTO helpline_contacts (agent_id, organisation_id, status, received_at, channel, call_type, urgency, child, geo_code, adm1_code, adm2_code, adm3_code,
        categories, summary, completed_at, created_at, updated_at, import_id, source_id)
      SELECT NULL, ${r.organisationId}, 'completed', d.received_at, d.channel, d.call_type, d.urgency,
        jsonb_build_object('anonymous', false, 'name', '', 'sex', d.sex, 'ageYears', d.age_raw::int, 'ageEstimated', d.age_raw IS NOT NULL),
        COALESCE(d.union_code, d.adm3), d.adm1, d.adm2, d.adm3, COALESCE(d.categories, '{}'), COALESCE(d.summary, ''), d.received_at, now(), now(), ${r.importId}, d.contact_id
      FROM (${parsed(r.first, r.tz, sql`s.seq BETWEEN ${r.fromSeq}::bigint AND ${r.toSeq}::bigint`)}) d
      WHERE ${clean}
      ON CONFLICT (source_id) WHERE source_id IS NOT NULL DO NOTHING
      RETURNING status, received_at, adm1_code, adm2_code, adm3_code, categories
    ),
    ${countInsertedCtes('ins', r.tz)}
    SELECT count(*)::int AS n FROM ins`);
  return rows[0]?.n ?? 0;
}

/** Fresh planner statistics after a large import (plans made for a small table slow everyone down); on a server the application role may not ANALYZE (a warning), and autovacuum does it. */
export const analyzeContacts = (db: Queryable) => db.exec('ANALYZE helpline_contacts');
