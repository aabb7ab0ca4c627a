import type { Database, Queryable } from '../../../platform/db/database.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import type { LinkageModel } from './model.js';

/** A person row as the engine reads it (parents from family members where the record has none of its own). */
export type LinkRow = {
  id: string; link_name: string | null; names: Array<{ text: string }>; date_of_birth: string | null; dob_estimated: boolean; sex: string;
  geo_code: string | null; adm2_code: string | null; adm3_code: string | null; father: string | null; mother: string | null; phone: string | null;
  link_group: string | null;
};

const LINK_COLUMNS = sql`p.id, p.link_name, p.names, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.dob_estimated, p.sex, p.geo_code, p.adm2_code, p.adm3_code,
  coalesce(p.father_name, (SELECT f.name FROM family_members f WHERE f.person_id = p.id AND f.relationship = 'father' ORDER BY f.created_at LIMIT 1)) AS father,
  coalesce(p.mother_name, (SELECT f.name FROM family_members f WHERE f.person_id = p.id AND f.relationship = 'mother' ORDER BY f.created_at LIMIT 1)) AS mother,
  p.phone`;
const WITH_GROUP = sql`persons p LEFT JOIN person_groups g ON g.person_id = p.id`;
/** A few records' groups: one index lookup each (a join would hash the whole group table). */
const GROUP_OF_EACH = sql`(SELECT g.link_group FROM person_groups g WHERE g.person_id = p.id) AS link_group`;

/** Every person record, in a stable order (a run is repeatable). */
export function allForLinkage(db: Queryable) {
  return db.query<LinkRow>(sql`SELECT ${LINK_COLUMNS}, g.link_group FROM ${WITH_GROUP} ORDER BY p.id`);
}

export function byIds(db: Queryable, ids: string[]) {
  return db.query<LinkRow>(sql`SELECT ${LINK_COLUMNS}, ${GROUP_OF_EACH} FROM persons p WHERE p.id = ANY(${ids}::uuid[])`);
}

/** Records sharing a blocking key with a new one (the GIN index on link_keys), at most `limit`. */
export function candidates(db: Database, keys: string[], limit: number) {
  // The planner misjudges how many rows an array overlap finds (thousands for a few dozen) and,
  // with a LIMIT, would read the whole table instead of the index: the index is the only way.
  return db.tx(async (tx) => {
    await tx.exec('SET LOCAL enable_seqscan = off');
    return tx.query<LinkRow>(sql`SELECT ${LINK_COLUMNS}, ${GROUP_OF_EACH} FROM persons p WHERE p.link_keys && ${keys}::text[] LIMIT ${limit}`);
  });
}

/** The records of these persons (a group id, or a lone record's own id). */
export function membersOf(db: Queryable, groups: string[]) {
  return db.query<{ id: string; grp: string }>(sql`SELECT p.id, coalesce((SELECT g.link_group FROM person_groups g WHERE g.person_id = p.id), p.id) AS grp FROM persons p WHERE p.id IN (${personsOf(groups)})`);
}

/**
 * The ids of every record of these persons (a group id, or a lone record's own id), as a
 * subquery: two index lookups (an OR of the two would read the whole table).
 */
export function personsOf(groups: string[]): Sql {
  return sql`SELECT person_id FROM person_groups WHERE link_group = ANY(${groups}::uuid[]) UNION SELECT id FROM persons WHERE id = ANY(${groups}::uuid[])`;
}

/** Fills the linkage columns of records written before linkage existed. */
export function missingLinkColumns(db: Queryable, limit: number) {
  return db.query<{ id: string; names: Array<{ text: string }>; date_of_birth: string | null; dob_estimated: boolean; sex: string; geo_code: string | null; adm2_code: string | null; adm3_code: string | null; father_name: string | null; mother_name: string | null; phone: string | null }>(sql`
    SELECT id, names, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, dob_estimated, sex, geo_code, adm2_code, adm3_code, father_name, mother_name, phone
    FROM persons WHERE link_name IS NULL LIMIT ${limit}`);
}

export async function setLinkColumns(db: Queryable, rows: Array<{ id: string; link_name: string; link_keys: string[] }>): Promise<void> {
  if (!rows.length) return;
  await db.query(sql`UPDATE persons p SET link_name = x.link_name, link_keys = ARRAY(SELECT jsonb_array_elements_text(x.link_keys))
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, link_name text, link_keys jsonb) WHERE p.id = x.id`);
}

/** Moves records to their new groups (null: alone); only rows whose group changes are sent. */
export async function setGroups(db: Queryable, moves: Array<{ id: string; group: string | null }>): Promise<void> {
  const alone = moves.filter((m) => m.group === null).map((m) => m.id);
  const joined = moves.filter((m) => m.group !== null);
  for (let i = 0; i < alone.length; i += 50_000) await db.query(sql`DELETE FROM person_groups WHERE person_id = ANY(${alone.slice(i, i + 50_000)}::uuid[])`);
  for (let i = 0; i < joined.length; i += 50_000) {
    const part = joined.slice(i, i + 50_000);
    await db.query(sql`INSERT INTO person_groups (person_id, link_group) SELECT * FROM unnest(${part.map((m) => m.id)}::uuid[], ${part.map((m) => m.group)}::uuid[])
      ON CONFLICT (person_id) DO UPDATE SET link_group = EXCLUDED.link_group`);
  }
}

/** Every record of the person that record `id` belongs to (itself first), locked when `forUpdate`. */
export function groupOf(db: Queryable, id: string, forUpdate = false) {
  return db.query<{ id: string; link_group: string | null }>(sql`
    SELECT p.id, ${GROUP_OF_EACH} FROM persons p
    WHERE p.id = ${id} OR p.id IN (SELECT person_id FROM person_groups WHERE link_group = (SELECT link_group FROM person_groups WHERE person_id = ${id}))
    ORDER BY p.id = ${id} DESC, p.id ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`);
}

/** The newest model's version alone (the model itself is read once per version). */
export function latestVersion(db: Queryable) {
  return db.maybeOne<{ version: number }>(sql`SELECT version FROM link_models ORDER BY version DESC LIMIT 1`);
}

export function decisions(db: Queryable) {
  return db.query<{ a: string; b: string; status: 'same' | 'different' }>(sql`SELECT a, b, status FROM link_pairs WHERE status IN ('same', 'different')`);
}

export function latestModel(db: Queryable) {
  return db.maybeOne<{ version: number; model: LinkageModel; stats: Record<string, number>; created_at: Date }>(sql`SELECT version, model, stats, created_at FROM link_models ORDER BY version DESC LIMIT 1`);
}

export function insertModel(db: Queryable, version: number, model: LinkageModel, stats: Record<string, number>, userId: string | null) {
  return db.query(sql`INSERT INTO link_models (version, model, stats, created_by) VALUES (${version}, ${JSON.stringify(model)}::jsonb, ${JSON.stringify(stats)}::jsonb, ${userId})`);
}

export async function replaceTerms(db: Queryable, terms: Array<[string, number]>): Promise<void> {
  await db.query(sql`DELETE FROM link_terms`);
  for (let i = 0; i < terms.length; i += 20_000) {
    const part = terms.slice(i, i + 20_000);
    await db.query(sql`INSERT INTO link_terms (word, log2_tf) SELECT * FROM unnest(${part.map((t) => t[0])}::text[], ${part.map((t) => t[1])}::real[])`);
  }
}

export function terms(db: Queryable, words: string[]) {
  return db.query<{ word: string; log2_tf: number }>(sql`SELECT word, log2_tf FROM link_terms WHERE word = ANY(${words}::text[])`);
}

export type NewPair = { a: string; b: string; weight: number; probability: number; levels: number[]; partials: number[]; adm2_a: string | null; adm2_b: string | null };

/** The open queue is replaced by a run; judged pairs stay (a run never asks twice). */
export async function replaceOpenPairs(db: Queryable, pairs: NewPair[], version: number): Promise<void> {
  await db.query(sql`DELETE FROM link_pairs WHERE status = 'open'`);
  for (let i = 0; i < pairs.length; i += 10_000) {
    const part = pairs.slice(i, i + 10_000);
    await db.query(sql`INSERT INTO link_pairs (a, b, weight, probability, levels, partials, model_version, adm2_a, adm2_b)
      SELECT a, b, weight, probability, ARRAY(SELECT jsonb_array_elements_text(levels)::smallint), ARRAY(SELECT jsonb_array_elements_text(partials)::real), ${version}, adm2_a, adm2_b
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS x(a uuid, b uuid, weight real, probability real, levels jsonb, partials jsonb, adm2_a text, adm2_b text)
      ON CONFLICT (a, b) DO NOTHING`);
  }
}

export type PairRow = { a: string; b: string; weight: number; probability: number; levels: number[]; partials: number[]; status: string; model_version: number; decided_at: Date | null };

/** Open (or not-sure) pairs whose two records both pass `visible` (an SQL predicate on a person alias). */
export function openPairs(db: Queryable, visible: (alias: string) => Sql, status: 'open' | 'unsure', limit: number, offset: number) {
  return db.query<PairRow & { total: number }>(sql`
    SELECT lp.a, lp.b, lp.weight, lp.probability, lp.levels, lp.partials, lp.status, lp.model_version, lp.decided_at, count(*) OVER () AS total
    FROM link_pairs lp JOIN persons pa ON pa.id = lp.a JOIN persons pb ON pb.id = lp.b
    WHERE lp.status = ${status} AND ${visible('pa')} AND ${visible('pb')}
    ORDER BY lp.probability DESC, lp.a, lp.b LIMIT ${limit} OFFSET ${offset}`);
}

export function pair(db: Queryable, a: string, b: string) {
  return db.maybeOne<PairRow>(sql`SELECT a, b, weight, probability, levels, partials, status, model_version, decided_at FROM link_pairs WHERE a = ${a} AND b = ${b}`);
}

export async function upsertDecision(db: Queryable, p: { a: string; b: string; status: string; userId: string | null; weight?: number; probability?: number; levels?: number[]; partials?: number[]; version?: number }): Promise<void> {
  await db.query(sql`INSERT INTO link_pairs (a, b, weight, probability, levels, partials, model_version, status, decided_by, decided_at)
    VALUES (${p.a}, ${p.b}, ${p.weight ?? 0}, ${p.probability ?? 0}, ${p.levels ?? []}::smallint[], ${p.partials ?? []}::real[], ${p.version ?? 0}, ${p.status}, ${p.userId}, now())
    ON CONFLICT (a, b) DO UPDATE SET status = EXCLUDED.status, decided_by = EXCLUDED.decided_by, decided_at = now()`);
}

export async function reopenPairs(db: Queryable, pairs: Array<{ a: string; b: string }>, fromStatus: string): Promise<void> {
  if (!pairs.length) return;
  await db.query(sql`UPDATE link_pairs SET status = 'open', decided_by = NULL, decided_at = NULL
    WHERE status = ${fromStatus} AND (a, b) IN (SELECT * FROM unnest(${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[]))`);
}

/** Removes judgements a split wrote, when the split is undone. */
export async function deleteDecisions(db: Queryable, pairs: Array<{ a: string; b: string }>): Promise<void> {
  if (!pairs.length) return;
  await db.query(sql`DELETE FROM link_pairs WHERE status = 'different' AND (a, b) IN (SELECT * FROM unnest(${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[]))`);
}

export function insertChange(db: Queryable, c: { kind: 'merge' | 'split'; groupId: string; before: unknown; reason: string | null; userId: string | null }) {
  return db.one<{ id: string }>(sql`INSERT INTO link_changes (kind, group_id, before, reason, made_by) VALUES (${c.kind}, ${c.groupId}, ${JSON.stringify(c.before)}::jsonb, ${c.reason}, ${c.userId}) RETURNING id`);
}

export function change(db: Queryable, id: string) {
  return db.maybeOne<{ id: string; kind: 'merge' | 'split'; group_id: string; before: { groups: Array<{ id: string; group: string | null }>; pairs?: Array<{ a: string; b: string }> }; undone_at: Date | null }>(sql`
    SELECT id, kind, group_id, before, undone_at FROM link_changes WHERE id = ${id} FOR UPDATE`);
}

export function markUndone(db: Queryable, id: string, userId: string | null) {
  return db.query(sql`UPDATE link_changes SET undone_at = now(), undone_by = ${userId} WHERE id = ${id}`);
}

export function changesOf(db: Queryable, ids: string[]) {
  return db.query<{ id: string; kind: string; made_at: Date; undone_at: Date | null; reason: string | null }>(sql`
    SELECT id, kind, made_at, undone_at, reason FROM link_changes WHERE group_id = ANY(${ids}::uuid[]) ORDER BY made_at DESC LIMIT 50`);
}

/** Every record of a source with its person: `ncpp link export`. */
export function exportRows(db: Queryable) {
  return db.query<{ source: string; source_id: string; person_id: string }>(sql`
    SELECT p.source, coalesce(p.source_id, p.id::text) AS source_id, coalesce(g.link_group, p.id) AS person_id FROM ${WITH_GROUP} ORDER BY 1, 2`);
}

/** Children (not records) by district, sex and age band within `visible`. */
export function childCounts(db: Queryable, visible: Sql) {
  return db.query<{ adm2_code: string | null; sex: string; age_band: string; children: number; records: number }>(sql`
    WITH child AS (
      SELECT coalesce(g.link_group, p.id) AS child, min(p.adm2_code) AS adm2_code, min(p.sex) FILTER (WHERE p.sex <> 'unknown') AS sex,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY p.date_of_birth) AS dob, count(*) AS records
      FROM ${WITH_GROUP} WHERE ${visible} GROUP BY 1)
    SELECT adm2_code, coalesce(sex, 'unknown') AS sex,
      CASE WHEN dob IS NULL THEN 'unknown' WHEN dob > current_date - interval '6 years' THEN '0-5' WHEN dob > current_date - interval '12 years' THEN '6-11'
           WHEN dob > current_date - interval '18 years' THEN '12-17' ELSE '18+' END AS age_band,
      count(*)::int AS children, sum(records)::int AS records
    FROM child GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
}

export function insertImport(db: Queryable, i: { id: string; source: string; fileName: string; sha256: string; rows: number; userId: string | null }) {
  return db.query(sql`INSERT INTO people_imports (id, source, file_name, file_sha256, rows, made_by) VALUES (${i.id}, ${i.source}, ${i.fileName}, ${i.sha256}, ${i.rows}, ${i.userId})`);
}

export function existingSourceIds(db: Queryable, source: string, ids: string[]) {
  return db.query<{ source_id: string }>(sql`SELECT source_id FROM persons WHERE source = ${source} AND source_id = ANY(${ids}::text[])`);
}

export function importedBefore(db: Queryable, sha256: string) {
  return db.maybeOne<{ made_at: Date; source: string }>(sql`SELECT made_at, source FROM people_imports WHERE file_sha256 = ${sha256} ORDER BY made_at DESC LIMIT 1`);
}

export function recordsIn(db: Queryable, ids: string[]) {
  return db.query<{ id: string; source: string; source_id: string | null; names: Array<{ text: string }>; sex: string; date_of_birth: string | null; dob_estimated: boolean;
    geo_code: string | null; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; father_name: string | null; mother_name: string | null; created_at: Date; link_group: string | null }>(sql`
    SELECT p.id, p.source, p.source_id, p.names, p.sex, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.dob_estimated, p.geo_code, p.adm1_code, p.adm2_code, p.adm3_code,
           p.father_name, p.mother_name, p.created_at, ${GROUP_OF_EACH}
    FROM persons p WHERE p.id = ANY(${ids}::uuid[]) ORDER BY p.created_at`);
}
