import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';

export type UnitRow = {
  code: string;
  level: number;
  parent_code: string | null;
  name_en: string;
  name_local: string | null;
  kind: string | null;
  code_source: 'official' | 'local';
  flags: string[];
  adm1_code: string | null;
  adm2_code: string | null;
  adm3_code: string | null;
  has_children?: boolean;
  score?: number;
};

const COLUMNS = sql`u.code, u.level, u.parent_code, u.name_en, u.name_local, u.kind, u.code_source, u.flags, u.adm1_code, u.adm2_code, u.adm3_code`;

export function findUnit(db: Queryable, code: string) {
  return db.maybeOne<UnitRow>(sql`SELECT ${COLUMNS} FROM geo_units u WHERE u.code = ${code}`);
}

export function allUnits(db: Queryable) {
  return db.query<UnitRow>(sql`SELECT ${COLUMNS} FROM geo_units u`);
}

export function listChildren(db: Queryable, parentCode: string | null) {
  const where = parentCode === null ? sql`u.parent_code IS NULL` : sql`u.parent_code = ${parentCode}`;
  return db.query<UnitRow>(sql`
    SELECT ${COLUMNS}, EXISTS (SELECT 1 FROM geo_units c WHERE c.parent_code = u.code) AS has_children
    FROM geo_units u WHERE ${where} ORDER BY u.name_en`);
}

/** The unit and its ancestors, root first. */
export function pathTo(db: Queryable, code: string) {
  return db.query<UnitRow>(sql`
    WITH RECURSIVE up AS (
      SELECT g.*, 0 AS depth FROM geo_units g WHERE g.code = ${code}
      UNION ALL
      SELECT p.*, up.depth + 1 FROM geo_units p JOIN up ON p.code = up.parent_code
    )
    SELECT ${COLUMNS} FROM up u ORDER BY u.depth DESC`);
}

/**
 * Typo-tolerant search by phonetic key (pg_trgm word similarity), with a boost for names
 * that start with the text as typed, in either script.
 */
export function searchUnits(db: Queryable, text: string, key: string, levels: { level?: number | undefined; minLevel?: number | undefined }, near: string | undefined, limit: number) {
  const levelFilter = levels.level !== undefined ? sql`u.level = ${levels.level}` : levels.minLevel !== undefined ? sql`u.level >= ${levels.minLevel}` : sql`TRUE`;
  const prefix = `${text.toLowerCase()}%`;
  const inArea = near === undefined ? sql`FALSE` : sql`(u.code = ${near} OR u.adm1_code = ${near} OR u.adm2_code = ${near} OR u.adm3_code = ${near})`;
  return db.query<UnitRow & { in_area: boolean }>(sql`
    SELECT ${COLUMNS}, s.score, ${inArea} AS in_area FROM geo_units u,
      LATERAL (SELECT GREATEST(
        word_similarity(${key}, u.search_key),
        CASE WHEN lower(u.name_en) LIKE ${prefix} OR u.name_local LIKE ${prefix} THEN 1.0 ELSE 0 END
      ) AS score) s
    WHERE ${levelFilter} AND s.score >= 0.45
    ORDER BY ${near === undefined ? sql`` : sql`${inArea} DESC, `}s.score DESC, u.level, u.name_en
    LIMIT ${limit}`);
}

export function countByLevel(db: Queryable) {
  return db.query<{ level: number; n: number }>(sql`SELECT level, count(*)::int AS n FROM geo_units GROUP BY level ORDER BY level`);
}
