import type { Actor } from '../../../platform/access/actor.js';
import { scopePredicate } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { join, sql, type Sql } from '../../../platform/db/sql.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { peopleService } from '../../people/service.js';
import { assigned, visibleCases } from '../access.js';
import { NAME_MATCH_THRESHOLD } from '../core/queries.js';

export type MatchRow = {
  id: string; case_number: string; status: string; sensitive: boolean; mine: boolean; child_display: string; child_sex: string | null; child_age: number | null;
  place_name: string | null; place_name_local: string | null; reported_on: string; score: number; by_name: boolean; by_phone: boolean; same_upazila: boolean; same_district: boolean; age_close: boolean;
};

/** The cases the actor may match against (cases.match over their area), or read anyway. */
export function matchableCases(actor: Actor): Sql {
  const scope = scopePredicate(actor, P.match, { adm1: 'c.adm1_code', adm2: 'c.adm2_code', adm3: 'c.adm3_code', organisation: 'c.organisation_id', assigned });
  return sql`(${scope} OR ${visibleCases(actor)})`;
}

export type MatchQuery = {
  keys: { skeleton: string; folded: string[] } | null;
  /** The last ten digits of a phone number (the caller's), matched against the child's and family's numbers in the district. */
  phone: string | null;
  place: { adm2: string | null; adm3: string | null } | null;
  ageYears: number | null;
  sex: string | null;
  limit: number;
};

/**
 * The likely existing cases of a child, best first: candidates by name (phonetic keys, either
 * script, typo-tolerant; run in a transaction, which sets the threshold) or, in the place's
 * district, by phone; scored on the name, the phone, the place, the age (within two years) and
 * the sex. Nothing of the case's content comes back.
 */
export async function matchCases(tx: Queryable, actor: Actor, m: MatchQuery): Promise<MatchRow[]> {
  const name = m.keys
    ? sql`(word_similarity(${m.keys.skeleton}, c.child_name_key) + 0.5 * GREATEST(${join(m.keys.folded.map((f) => sql`word_similarity(${f}, c.child_name_folded)`), ', ')}))`
    : sql`0`;
  const byName = m.keys ? sql`(${m.keys.skeleton} <% c.child_name_key)` : sql`FALSE`;
  const byPhone = m.phone && m.place?.adm2 ? sql`(c.adm2_code = ${m.place.adm2} AND ${peopleService.phoneMatches('c.child_id', m.phone)})` : sql`FALSE`;
  const sameUpazila = m.place?.adm3 ? sql`(c.adm3_code = ${m.place.adm3})` : sql`FALSE`;
  const sameDistrict = m.place?.adm2 ? sql`(c.adm2_code = ${m.place.adm2})` : sql`FALSE`;
  const age = sql`date_part('year', age(p.date_of_birth))::int`;
  const ageClose = m.ageYears === null ? sql`FALSE` : sql`(p.date_of_birth IS NOT NULL AND abs(${age} - ${m.ageYears}::int) <= 2)`;
  const sameSex = m.sex ? sql`(p.sex = ${m.sex})` : sql`FALSE`;
  if (m.keys) await tx.query(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_MATCH_THRESHOLD)}, true)`);
  return tx.query<MatchRow>(sql`
    WITH hits AS (
      SELECT c.id, ${byName} AS by_name, ${byPhone} AS by_phone FROM cases c
      WHERE ${matchableCases(actor)} AND (${byName} OR ${byPhone})
    )
    SELECT c.id, c.case_number, c.status, c.sensitive, ${assigned(actor)} AS mine, p.display_name AS child_display, p.sex AS child_sex,
      CASE WHEN p.date_of_birth IS NULL THEN NULL ELSE ${age} END AS child_age, g.name_en AS place_name, g.name_local AS place_name_local,
      to_char(c.reported_on, 'YYYY-MM-DD') AS reported_on, h.by_name, h.by_phone, ${sameUpazila} AS same_upazila, ${sameDistrict} AS same_district, ${ageClose} AS age_close,
      (${name} + CASE WHEN h.by_phone THEN 1 ELSE 0 END + CASE WHEN ${sameUpazila} THEN 0.3 WHEN ${sameDistrict} THEN 0.15 ELSE 0 END
        + CASE WHEN ${ageClose} THEN 0.2 ELSE 0 END + CASE WHEN ${sameSex} THEN 0.1 ELSE 0 END)::float8 AS score
    FROM hits h JOIN cases c ON c.id = h.id ${peopleService.joinPerson('p', 'c.child_id')} LEFT JOIN geo_units g ON g.code = c.geo_code
    ORDER BY score DESC, c.reported_on DESC LIMIT ${m.limit}::int`);
}

/** The case, if the actor may join a contact to it: inside their match area, or one they can read. */
export function findMatchable(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<{ id: string; case_number: string }>(sql`SELECT c.id, c.case_number FROM cases c WHERE c.id = ${id} AND ${matchableCases(actor)}`);
}
