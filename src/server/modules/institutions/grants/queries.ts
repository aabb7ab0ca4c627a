import type { Queryable } from '../../../platform/db/database.js';
import { join, sql, type Sql } from '../../../platform/db/sql.js';
import { peopleService } from '../../people/service.js';

/** Line flags that keep a child from being paid for (claimed_elsewhere alone does not: the child may live here). */
export const DISQUALIFYING = ['not_resident', 'left_care', 'over_age', 'spot_check_failed'];

export function rates(db: Queryable) {
  return db.query<{ amount: number; effective_from: string; note: string | null }>(sql`SELECT amount, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note FROM grant_rates ORDER BY effective_from DESC`);
}

export function rateOn(db: Queryable, month: string) {
  return db.maybeOne<{ amount: number }>(sql`SELECT amount FROM grant_rates WHERE effective_from <= ${month}::date ORDER BY effective_from DESC LIMIT 1`);
}

export function upsertRate(tx: Queryable, amount: number, effectiveFrom: string, note: string | null, userId: string) {
  return tx.one<{ amount: number; effective_from: string; note: string | null; previous: number | null }>(sql`
    WITH old AS (SELECT amount FROM grant_rates WHERE effective_from = ${effectiveFrom}::date)
    INSERT INTO grant_rates (amount, effective_from, note, set_by) VALUES (${amount}, ${effectiveFrom}, ${note}, ${userId})
    ON CONFLICT (effective_from) DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = now()
    RETURNING amount, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, note, (SELECT amount FROM old) AS previous`);
}

export function insertEnrolment(tx: Queryable, f: { id: string; organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null }, personId: string, enrolledOn: string, userId: string) {
  return tx.maybeOne<{ id: string }>(sql`INSERT INTO grant_enrolments (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, enrolled_on, enrolled_by)
    VALUES (${f.id}, ${personId}, ${f.organisation_id}, ${f.adm1_code}, ${f.adm2_code}, ${f.adm3_code}, ${enrolledOn}, ${userId})
    ON CONFLICT (facility_id, person_id) WHERE ended_on IS NULL DO NOTHING RETURNING id`);
}

/** Spot-check results already recorded on the regenerable claims of the month (kept when they are generated again). */
export function keptSpotChecks(tx: Queryable, month: string, facilities: Sql) {
  return tx.query<{ enrolment_id: string; spot_result: string | null; spot_note: string | null; spot_by: string | null; spot_at: string | null }>(sql`
    SELECT l.enrolment_id, l.spot_result, l.spot_note, l.spot_by, l.spot_at FROM grant_claims c JOIN grant_claim_lines l ON l.claim_id = c.id JOIN facilities f ON f.id = c.facility_id
    WHERE c.month = ${month}::date AND c.status IN ('generated', 'returned') AND l.spot_check AND ${facilities}`);
}

export function dropRegenerable(tx: Queryable, month: string, facilities: Sql) {
  return tx.query<{ id: string }>(sql`DELETE FROM grant_claims c USING facilities f WHERE f.id = c.facility_id AND c.month = ${month}::date AND c.status IN ('generated', 'returned') AND ${facilities} RETURNING c.id`);
}

/**
 * Generates the month's claim of every orphanage `facilities` selects that has none (approved
 * and disbursed claims stay as they are), in one statement: each enrolled child a line, judged
 * against the placements (resident on the month's last day, or gone), the other orphanages'
 * enrolments, the child's age and any spot check kept from before; a sample of lines to check.
 */
export function generate(tx: Queryable, month: string, facilities: Sql, kept: unknown[], at: Date) {
  return tx.query<{ id: string; facility_id: string; status: string; flags: string[]; claimed_children: number; verified_children: number }>(sql`
    WITH m AS (SELECT ${month}::date AS start, (${month}::date + interval '1 month' - interval '1 day')::date AS last),
    r AS (SELECT amount FROM grant_rates WHERE effective_from <= ${month}::date ORDER BY effective_from DESC LIMIT 1),
    f AS (
      SELECT f.id, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code,
        (f.licence_status IN ('suspended', 'unregistered') OR coalesce(f.licence_expires_on < m.last, false)) AS licence_expired
      FROM facilities f CROSS JOIN m WHERE f.type = 'ngo_orphanage' AND ${facilities}
        AND NOT EXISTS (SELECT 1 FROM grant_claims c WHERE c.facility_id = f.id AND c.month = m.start)
    ),
    e AS (
      SELECT ge.id, ge.facility_id, ge.person_id FROM grant_enrolments ge JOIN f ON f.id = ge.facility_id CROSS JOIN m
      WHERE ge.enrolled_on <= m.last AND (ge.ended_on IS NULL OR ge.ended_on >= m.start)
    ),
    kept AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(kept)}::jsonb) AS k(enrolment_id uuid, spot_result text, spot_note text, spot_by uuid, spot_at timestamptz)),
    -- Children on more than one orphanage's list this month (any orphanage, not only those generated now): one pass.
    twice AS (
      SELECT o.person_id FROM grant_enrolments o CROSS JOIN m WHERE o.enrolled_on <= m.last AND (o.ended_on IS NULL OR o.ended_on >= m.start)
      GROUP BY o.person_id HAVING count(DISTINCT o.facility_id) > 1
    ),
    -- Each enrolled child's stays in the orphanage that claims them: living there on the month's last day, or gone by then.
    stays AS (
      SELECT p.person_id, p.facility_id, bool_or(p.admitted_on <= m.last AND (p.ended_on IS NULL OR p.ended_on > m.last)) AS resident, bool_or(p.ended_on <= m.last) AS ended
      FROM placements p JOIN f ON f.id = p.facility_id CROSS JOIN m GROUP BY p.person_id, p.facility_id
    ),
    l AS (
      SELECT e.id AS enrolment_id, e.facility_id, e.person_id,
        e.person_id IN (SELECT person_id FROM twice) AS elsewhere,
        coalesce(s.resident, false) AS resident,
        coalesce(s.ended, false) AS stay_ended,
        coalesce((pe.date_of_birth + interval '18 years')::date <= m.start, false) AS over_age,
        k.enrolment_id IS NOT NULL AS was_sampled, k.spot_result, k.spot_note, k.spot_by, k.spot_at,
        row_number() OVER (PARTITION BY e.facility_id ORDER BY random()) AS draw,
        count(*) OVER (PARTITION BY e.facility_id) AS n
      FROM e ${peopleService.joinPerson('pe', 'e.person_id')} CROSS JOIN m LEFT JOIN kept k ON k.enrolment_id = e.id
        LEFT JOIN stays s ON s.person_id = e.person_id AND s.facility_id = e.facility_id
    ),
    lf AS (
      SELECT l.*, array_remove(ARRAY[
          CASE WHEN elsewhere THEN 'claimed_elsewhere' END,
          CASE WHEN NOT resident AND stay_ended THEN 'left_care' END,
          CASE WHEN NOT resident AND NOT stay_ended THEN 'not_resident' END,
          CASE WHEN over_age THEN 'over_age' END,
          CASE WHEN spot_result = 'absent' THEN 'spot_check_failed' END]::text[], NULL) AS flags,
        resident AND NOT over_age AND spot_result IS DISTINCT FROM 'absent' AS verified,
        -- A twentieth of the children, at least two, to be seen in person before approval.
        was_sampled OR draw <= greatest(2, ceil(n * 0.05)) AS spot_check
      FROM l
    ),
    per AS (
      SELECT f.id, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code, f.licence_expired,
        count(*)::int AS claimed, (count(*) FILTER (WHERE lf.verified))::int AS verified,
        bool_or(lf.elsewhere) AS elsewhere, bool_or('left_care' = ANY(lf.flags)) AS left_care, bool_or('not_resident' = ANY(lf.flags)) AS not_resident,
        bool_or(lf.over_age) AS over_age, bool_or(lf.spot_result = 'absent') AS spot_failed
      FROM f JOIN lf ON lf.facility_id = f.id GROUP BY f.id, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code, f.licence_expired
    ),
    claims AS (
      INSERT INTO grant_claims (facility_id, organisation_id, adm1_code, adm2_code, adm3_code, month, rate, claimed_children, verified_children, claimed_amount, payable_amount, flags, generated_at)
      SELECT per.id, per.organisation_id, per.adm1_code, per.adm2_code, per.adm3_code, ${month}::date, r.amount, per.claimed, per.verified, per.claimed * r.amount, per.verified * r.amount,
        array_remove(ARRAY[
          CASE WHEN per.elsewhere THEN 'claimed_elsewhere' END, CASE WHEN per.left_care THEN 'left_care' END, CASE WHEN per.not_resident THEN 'not_resident' END,
          CASE WHEN per.over_age THEN 'over_age' END, CASE WHEN per.spot_failed THEN 'spot_check_failed' END,
          CASE WHEN per.claimed > per.verified THEN 'over_verified' END, CASE WHEN per.licence_expired THEN 'licence_expired' END]::text[], NULL),
        ${at}
      FROM per CROSS JOIN r
      RETURNING id, facility_id, status, flags, claimed_children, verified_children
    ),
    lines AS (
      INSERT INTO grant_claim_lines (claim_id, enrolment_id, person_id, verified, flags, spot_check, spot_result, spot_note, spot_by, spot_at)
      SELECT c.id, lf.enrolment_id, lf.person_id, lf.verified, lf.flags, lf.spot_check, lf.spot_result, lf.spot_note, lf.spot_by, lf.spot_at
      FROM lf JOIN claims c ON c.facility_id = lf.facility_id
    )
    SELECT * FROM claims`);
}

export type ClaimRow = {
  id: string; facility_id: string; facility_name: string; facility_name_local: string | null; district_name: string | null; district_name_local: string | null;
  organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  month: string; rate: number; claimed_children: number; verified_children: number; claimed_amount: number; payable_amount: number; flags: string[];
  status: string; decision_note: string | null; disbursement_ref: string | null; sampled: number; recorded: number;
};

const CLAIM_SELECT = sql`SELECT c.id, c.facility_id, f.name_en AS facility_name, f.name_local AS facility_name_local, d.name_en AS district_name, d.name_local AS district_name_local,
    c.organisation_id, c.adm1_code, c.adm2_code, c.adm3_code, to_char(c.month, 'YYYY-MM-DD') AS month, c.rate, c.claimed_children, c.verified_children, c.claimed_amount, c.payable_amount,
    c.flags, c.status, c.decision_note, c.disbursement_ref,
    (SELECT count(*)::int FROM grant_claim_lines l WHERE l.claim_id = c.id AND l.spot_check) AS sampled,
    (SELECT count(*)::int FROM grant_claim_lines l WHERE l.claim_id = c.id AND l.spot_check AND l.spot_result IS NOT NULL) AS recorded
  FROM grant_claims c JOIN facilities f ON f.id = c.facility_id LEFT JOIN geo_units d ON d.code = c.adm2_code`;

export function listClaims(db: Queryable, visible: Sql, filter: { month?: string | undefined; status?: string | undefined; place?: { level: number; code: string } | undefined; flaggedOnly?: boolean | undefined; limit: number }) {
  const where: Sql[] = [visible];
  if (filter.month) where.push(sql`c.month = ${filter.month}::date`);
  if (filter.status) where.push(sql`c.status = ${filter.status}`);
  if (filter.place) where.push(filter.place.level === 3 ? sql`c.adm3_code = ${filter.place.code}` : filter.place.level === 2 ? sql`c.adm2_code = ${filter.place.code}` : sql`c.adm1_code = ${filter.place.code}`);
  if (filter.flaggedOnly) where.push(sql`cardinality(c.flags) > 0`);
  // The queue: flagged first (most flags first), then the month's order.
  return db.query<ClaimRow>(sql`${CLAIM_SELECT} WHERE ${join(where, ' AND ')} ORDER BY c.month DESC, cardinality(c.flags) DESC, f.name_en LIMIT ${filter.limit}`);
}

export function findClaim(db: Queryable, id: string, visible: Sql, lock = false) {
  return db.maybeOne<ClaimRow>(sql`${CLAIM_SELECT} WHERE c.id = ${id} AND ${visible}${lock ? sql` FOR UPDATE OF c` : sql``}`);
}

export async function claimExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM grant_claims WHERE id = ${id}`));
}

export function claimLines(db: Queryable, claimId: string) {
  return db.query<{ enrolment_id: string; person_id: string; name: string; sex: string; dob: string | null; verified: boolean; flags: string[]; spot_check: boolean; spot_result: string | null; spot_note: string | null }>(sql`
    SELECT l.enrolment_id, l.person_id, pe.display_name AS name, pe.sex, to_char(pe.date_of_birth, 'YYYY-MM-DD') AS dob, l.verified, l.flags, l.spot_check, l.spot_result, l.spot_note
    FROM grant_claim_lines l ${peopleService.joinPerson('pe', 'l.person_id')} WHERE l.claim_id = ${claimId}
    ORDER BY cardinality(l.flags) DESC, l.spot_check DESC, pe.display_name`);
}

/** Records a sampled child's spot check and judges the line and the claim again: payable stays verified x rate. */
export function recordSpotCheck(tx: Queryable, claimId: string, enrolmentId: string, result: string, note: string | null, userId: string, at: Date) {
  return tx.maybeOne<{ enrolment_id: string }>(sql`
    WITH line AS (
      UPDATE grant_claim_lines SET spot_result = ${result}, spot_note = ${note}, spot_by = ${userId}, spot_at = ${at},
        flags = CASE WHEN ${result} = 'absent' THEN array_append(array_remove(flags, 'spot_check_failed'), 'spot_check_failed') ELSE array_remove(flags, 'spot_check_failed') END
      WHERE claim_id = ${claimId} AND enrolment_id = ${enrolmentId} AND spot_check RETURNING enrolment_id
    ) SELECT enrolment_id FROM line`);
}

/** The claim's totals and flags from its lines (after a spot check changed one). */
export function rejudgeClaim(tx: Queryable, claimId: string) {
  return tx.query(sql`
    WITH v AS (UPDATE grant_claim_lines SET verified = NOT (flags && ${DISQUALIFYING}::text[]) WHERE claim_id = ${claimId} RETURNING verified, flags),
    t AS (SELECT (count(*) FILTER (WHERE verified))::int AS verified, array(SELECT DISTINCT x FROM v, unnest(v.flags) x) AS line_flags FROM v)
    UPDATE grant_claims c SET verified_children = t.verified, payable_amount = t.verified * c.rate,
      flags = t.line_flags || CASE WHEN c.claimed_children > t.verified THEN ARRAY['over_verified'] ELSE ARRAY[]::text[] END
        || CASE WHEN 'licence_expired' = ANY(c.flags) THEN ARRAY['licence_expired'] ELSE ARRAY[]::text[] END
    FROM t WHERE c.id = ${claimId}`);
}

export function setStatus(tx: Queryable, claimId: string, from: string, to: string, fields: { userId: string; at: Date; note?: string | null; reference?: string }) {
  const set = to === 'disbursed'
    ? sql`disbursed_by = ${fields.userId}, disbursed_at = ${fields.at}, disbursement_ref = ${fields.reference ?? null}`
    : sql`decided_by = ${fields.userId}, decided_at = ${fields.at}, decision_note = ${fields.note ?? null}`;
  return tx.maybeOne<{ id: string }>(sql`UPDATE grant_claims SET status = ${to}, ${set} WHERE id = ${claimId} AND status = ${from} RETURNING id`);
}
