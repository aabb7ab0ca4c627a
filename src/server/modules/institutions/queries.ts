import type { Actor } from '../../platform/access/actor.js';
import { scopePredicate } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/database.js';
import { join, raw, sql, type Sql } from '../../platform/db/sql.js';
import { INSTITUTION_PERMISSIONS as P } from '../../../shared/institutions.js';
import { peopleService } from '../people/service.js';
import { LIFECYCLE } from './lifecycle.js';

export type FacilityRow = {
  id: string; type: string; name_en: string; name_local: string | null; organisation_id: string; operator_id: string; operator_name: string; operator_name_local: string | null;
  geo_code: string; place_name: string; place_name_local: string | null; district_name: string | null; district_name_local: string | null;
  adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  sex_served: string; age_min: number; age_max: number; seats: number; occupancy: number; services: string[];
  contact_phone: string | null; contact_email: string | null; licence_status: string; licence_expires_on: string | null;
  /** One facility's read only (findFacility): the organisation whose staff run it. */
  staff_name?: string; staff_name_local?: string | null;
};

// Occupancy is the count of open placements, never a stored number.
const FACILITY_COLUMNS = sql`f.id, f.type, f.name_en, f.name_local, f.organisation_id, f.operator_id, o.name_en AS operator_name, o.name_local AS operator_name_local,
  f.geo_code, g.name_en AS place_name, g.name_local AS place_name_local, d.name_en AS district_name, d.name_local AS district_name_local,
  f.adm1_code, f.adm2_code, f.adm3_code, f.sex_served, f.age_min, f.age_max, f.seats,
  (SELECT count(*)::int FROM placements p WHERE p.facility_id = f.id AND p.ended_on IS NULL) AS occupancy,
  f.services, f.contact_phone, f.contact_email, f.licence_status, to_char(f.licence_expires_on, 'YYYY-MM-DD') AS licence_expires_on`;
const FACILITY_FROM = sql`facilities f JOIN organisations o ON o.id = f.operator_id JOIN geo_units g ON g.code = f.geo_code LEFT JOIN geo_units d ON d.code = f.adm2_code`;

export function listFacilities(db: Queryable, f: { type?: string | undefined; place?: { level: number; code: string } | undefined; q?: string | undefined; freeSeats?: boolean | undefined; limit: number; organisationId?: string }) {
  const where: Sql[] = [sql`TRUE`];
  if (f.type) where.push(sql`f.type = ${f.type}`);
  if (f.place) where.push(sql`${raw(`f.adm${Math.min(Math.max(f.place.level, 1), 3)}_code`)} = ${f.place.code}`);
  if (f.q) where.push(sql`(f.name_en ILIKE ${`%${f.q}%`} OR f.name_local ILIKE ${`%${f.q}%`})`);
  if (f.organisationId) where.push(sql`f.organisation_id = ${f.organisationId}`);
  const free = f.freeSeats ? sql`WHERE occupancy < seats` : sql``;
  return db.query<FacilityRow>(sql`SELECT * FROM (SELECT ${FACILITY_COLUMNS} FROM ${FACILITY_FROM} WHERE ${join(where, ' AND ')}) x ${free} ORDER BY district_name, name_en LIMIT ${f.limit}`);
}

/** Seats and open placements per area: the open placements counted once, from their partial index, then joined to the facilities. */
export type AreaOccupancyRow = { code: string; facilities: number; seats: number; occupancy: number };

export function occupancyByArea(db: Queryable, level: 1 | 2, type: string | undefined) {
  const area = raw(`f.adm${level}_code`);
  return db.query<AreaOccupancyRow>(sql`
    WITH open AS (SELECT facility_id, count(*)::int AS n FROM placements WHERE ended_on IS NULL GROUP BY facility_id)
    SELECT ${area} AS code, count(*)::int AS facilities, sum(f.seats)::int AS seats, coalesce(sum(open.n), 0)::int AS occupancy
    FROM facilities f LEFT JOIN open ON open.facility_id = f.id
    WHERE ${area} IS NOT NULL${type ? sql` AND f.type = ${type}` : sql``} GROUP BY ${area} ORDER BY 1`);
}

export function findFacility(db: Queryable, id: string) {
  return db.maybeOne<FacilityRow>(sql`SELECT ${FACILITY_COLUMNS}, s.name_en AS staff_name, s.name_local AS staff_name_local
    FROM ${FACILITY_FROM} JOIN organisations s ON s.id = f.organisation_id WHERE f.id = ${id}`);
}

/** A facility's record as the district office writes it; the place's codes copied for the access predicate. */
export type FacilityRecord = {
  type: string; name_en: string; name_local: string | null; organisation_id: string; operator_id: string; geo_code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  sex_served: string; age_min: number; age_max: number; seats: number; services: string[]; contact_phone: string | null; contact_email: string | null; licence_status: string; licence_expires_on: string | null;
};

export function insertFacility(tx: Queryable, f: FacilityRecord) {
  return tx.one<{ id: string }>(sql`INSERT INTO facilities (type, name_en, name_local, organisation_id, operator_id, geo_code, adm1_code, adm2_code, adm3_code, sex_served, age_min, age_max, seats, services, contact_phone, contact_email, licence_status, licence_expires_on)
    VALUES (${f.type}, ${f.name_en}, ${f.name_local}, ${f.organisation_id}, ${f.operator_id}, ${f.geo_code}, ${f.adm1_code}, ${f.adm2_code}, ${f.adm3_code}, ${f.sex_served}, ${f.age_min}, ${f.age_max}, ${f.seats}, ${f.services}::text[],
      ${f.contact_phone}, ${f.contact_email}, ${f.licence_status}, ${f.licence_expires_on}) RETURNING id`);
}

export function updateFacility(tx: Queryable, id: string, f: FacilityRecord) {
  return tx.query(sql`UPDATE facilities SET type = ${f.type}, name_en = ${f.name_en}, name_local = ${f.name_local}, organisation_id = ${f.organisation_id}, operator_id = ${f.operator_id},
    geo_code = ${f.geo_code}, adm1_code = ${f.adm1_code}, adm2_code = ${f.adm2_code}, adm3_code = ${f.adm3_code}, sex_served = ${f.sex_served}, age_min = ${f.age_min}, age_max = ${f.age_max},
    seats = ${f.seats}, services = ${f.services}::text[], contact_phone = ${f.contact_phone}, contact_email = ${f.contact_email}, licence_status = ${f.licence_status},
    licence_expires_on = ${f.licence_expires_on}, updated_at = now() WHERE id = ${id}`);
}

/** The record as it stands, for the audit's before (and the seats check), locked against a concurrent admission. */
export function lockFacilityRecord(tx: Queryable, id: string) {
  return tx.maybeOne<FacilityRecord & { occupancy: number }>(sql`SELECT f.type, f.name_en, f.name_local, f.organisation_id, f.operator_id, f.geo_code, f.adm1_code, f.adm2_code, f.adm3_code,
    f.sex_served, f.age_min, f.age_max, f.seats, f.services, f.contact_phone, f.contact_email, f.licence_status, to_char(f.licence_expires_on, 'YYYY-MM-DD') AS licence_expires_on,
    (SELECT count(*)::int FROM placements p WHERE p.facility_id = f.id AND p.ended_on IS NULL) AS occupancy FROM facilities f WHERE f.id = ${id} FOR UPDATE`);
}

/** What an admission needs of a facility, its row locked for the transaction. */
export type LockedFacility = {
  id: string; type: string; name_en: string; name_local: string | null; organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  seats: number; age_min: number; age_max: number; sex_served: string; occupancy: number;
};

export function lockFacility(tx: Queryable, id: string) {
  return tx.maybeOne<LockedFacility>(sql`SELECT f.id, f.type, f.name_en, f.name_local, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code, f.seats, f.age_min, f.age_max, f.sex_served,
    (SELECT count(*)::int FROM placements p WHERE p.facility_id = f.id AND p.ended_on IS NULL) AS occupancy
    FROM facilities f WHERE f.id = ${id} FOR UPDATE`);
}

/** Alerts judged due for one new stay (lifecycle.ts), once each. */
export function insertAlerts(tx: Queryable, placementId: string, due: Array<{ rule: string; dueOn: string }>, raisedAt: Date) {
  return tx.query<{ placement_id: string; rule: string; due_on: string }>(sql`INSERT INTO placement_alerts (placement_id, rule, due_on, raised_at)
    SELECT ${placementId}, rule, due_on, ${raisedAt} FROM jsonb_to_recordset(${JSON.stringify(due.map((d) => ({ rule: d.rule, due_on: d.dueOn })))}::jsonb) AS x(rule text, due_on date)
    ON CONFLICT (placement_id, rule) DO NOTHING RETURNING placement_id, rule, to_char(due_on, 'YYYY-MM-DD') AS due_on`);
}

export type PlacementRow = {
  id: string; facility_id: string; facility_name: string; facility_name_local: string | null; facility_type: string;
  organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  person_id: string; child_name: string; child_sex: string; child_dob: string | null;
  case_id: string | null; case_number: string | null; basis: string; order_reference: string | null; admitted_on: string; override_reason: string | null;
  transferred_from: string | null; from_facility_id: string | null; from_name: string | null; from_name_local: string | null;
  ended_on: string | null; end_reason: string | null; end_note: string | null;
  alerts: Array<{ rule: string; due_on: string; raised_at: string }>;
  followups: FollowUpJson[];
  phases: Array<{ phase: string; started_on: string }>;
  grant_enrolled: boolean | null;
};

/** A follow-up visit as the placement's JSON carries it. */
export type FollowUpJson = { id: string; due_on: string; visited_on: string | null; outcome: string | null; note: string | null };
const FOLLOWUP_JSON = sql`json_build_object('id', fu.id, 'due_on', to_char(fu.due_on, 'YYYY-MM-DD'), 'visited_on', to_char(fu.visited_on, 'YYYY-MM-DD'), 'outcome', fu.outcome, 'note', fu.note)`;

const PLACEMENT_SELECT = sql`SELECT p.id, p.facility_id, f.name_en AS facility_name, f.name_local AS facility_name_local, f.type AS facility_type,
    p.organisation_id, p.adm1_code, p.adm2_code, p.adm3_code,
    p.person_id, pe.display_name AS child_name, pe.sex AS child_sex, to_char(pe.date_of_birth, 'YYYY-MM-DD') AS child_dob,
    p.case_id, c.case_number, p.basis, p.order_reference, to_char(p.admitted_on, 'YYYY-MM-DD') AS admitted_on, p.override_reason,
    p.transferred_from, pf.id AS from_facility_id, pf.name_en AS from_name, pf.name_local AS from_name_local,
    to_char(p.ended_on, 'YYYY-MM-DD') AS ended_on, p.end_reason, p.end_note,
    coalesce((SELECT json_agg(json_build_object('rule', a.rule, 'due_on', to_char(a.due_on, 'YYYY-MM-DD'), 'raised_at', a.raised_at) ORDER BY a.due_on)
      FROM placement_alerts a WHERE a.placement_id = p.id AND a.resolved_at IS NULL), '[]'::json) AS alerts,
    -- An open stay has no follow-up yet: its (many) residents cost no lookup.
    CASE WHEN p.ended_on IS NULL THEN '[]'::json ELSE coalesce((SELECT json_agg(${FOLLOWUP_JSON} ORDER BY fu.due_on) FROM placement_followups fu WHERE fu.placement_id = p.id), '[]'::json) END AS followups,
    coalesce((SELECT json_agg(json_build_object('phase', ph.phase, 'started_on', to_char(ph.started_on, 'YYYY-MM-DD')) ORDER BY ph.started_on, ph.created_at)
      FROM placement_phases ph WHERE ph.placement_id = p.id), '[]'::json) AS phases,
    CASE WHEN f.type = 'ngo_orphanage' THEN EXISTS (SELECT 1 FROM grant_enrolments e WHERE e.person_id = p.person_id AND e.facility_id = p.facility_id AND e.ended_on IS NULL) END AS grant_enrolled
  FROM placements p JOIN facilities f ON f.id = p.facility_id ${peopleService.joinPerson('pe', 'p.person_id')}
  LEFT JOIN cases c ON c.id = p.case_id
  LEFT JOIN placements pp ON pp.id = p.transferred_from LEFT JOIN facilities pf ON pf.id = pp.facility_id`;

/** Placements the actor may see: a residents grant over the facility's place (and organisation), and not hidden by a sensitive case. */
export function visiblePlacements(actor: Actor, listable: Sql): Sql {
  const scope = scopePredicate(actor, P.readResidents, { adm1: 'p.adm1_code', adm2: 'p.adm2_code', adm3: 'p.adm3_code', organisation: 'p.organisation_id' });
  return sql`(${scope} AND ${listable})`;
}

export function residents(db: Queryable, facilityId: string, visible: Sql, alertsOnly: boolean) {
  const alerts = alertsOnly ? sql` AND EXISTS (SELECT 1 FROM placement_alerts a WHERE a.placement_id = p.id AND a.resolved_at IS NULL)` : sql``;
  return db.query<PlacementRow>(sql`${PLACEMENT_SELECT} WHERE p.facility_id = ${facilityId} AND p.ended_on IS NULL AND ${visible}${alerts}
    ORDER BY (SELECT min(a.due_on) FROM placement_alerts a WHERE a.placement_id = p.id AND a.resolved_at IS NULL) NULLS LAST, pe.display_name LIMIT 2000`);
}

export function findPlacement(db: Queryable, id: string, visible: Sql = sql`TRUE`) {
  return db.maybeOne<PlacementRow>(sql`${PLACEMENT_SELECT} WHERE p.id = ${id} AND ${visible}`);
}

export function placementsOfCase(db: Queryable, caseId: string) {
  return db.query<PlacementRow>(sql`${PLACEMENT_SELECT} WHERE p.case_id = ${caseId} ORDER BY p.admitted_on DESC, p.created_at DESC`);
}

export async function placementExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM placements WHERE id = ${id}`));
}

export type NewPlacement = {
  facility: { id: string; organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null };
  personId: string; caseId: string | null; basis: string; orderReference: string | null; admittedOn: string; admittedBy: string; overrideReason: string | null; transferredFrom: string | null;
};

export function insertPlacement(tx: Queryable, p: NewPlacement) {
  return tx.one<{ id: string }>(sql`INSERT INTO placements (facility_id, person_id, case_id, organisation_id, adm1_code, adm2_code, adm3_code, basis, order_reference, admitted_on, admitted_by, override_reason, transferred_from)
    VALUES (${p.facility.id}, ${p.personId}, ${p.caseId}, ${p.facility.organisation_id}, ${p.facility.adm1_code}, ${p.facility.adm2_code}, ${p.facility.adm3_code},
      ${p.basis}, ${p.orderReference}, ${p.admittedOn}, ${p.admittedBy}, ${p.overrideReason}, ${p.transferredFrom}) RETURNING id`);
}

/** Ends an open stay; answers nothing when it had already ended (a concurrent discharge). */
export function endPlacement(tx: Queryable, id: string, e: { on: string; reason: string; note: string | null; by: string }, resolvedAt: Date) {
  return tx.maybeOne<{ id: string }>(sql`WITH ended AS (
      UPDATE placements SET ended_on = ${e.on}, end_reason = ${e.reason}, end_note = ${e.note}, ended_by = ${e.by} WHERE id = ${id} AND ended_on IS NULL RETURNING id
    ), resolved AS (
      UPDATE placement_alerts SET resolved_at = ${resolvedAt} WHERE placement_id IN (SELECT id FROM ended) AND resolved_at IS NULL
    ) SELECT id FROM ended`);
}

/**
 * Raises the lifecycle alerts due on `today` for every open placement, once each (the sweep;
 * an admission judges its one stay in code): answers the new ones with the facility, for the notifications.
 */
export function raiseDueAlerts(tx: Queryable, today: string, raisedAt: Date) {
  const due = LIFECYCLE.map((r) => {
    const types = r.types === 'all' ? sql`TRUE` : sql`f.type = ANY(${[...r.types]}::text[])`;
    const deadline = sql`(pe.date_of_birth + ${`${r.ageYears} years`}::interval)::date`;
    return sql`SELECT p.id, ${r.rule}::text AS rule, ${deadline} AS due_on FROM placements p JOIN facilities f ON f.id = p.facility_id ${peopleService.joinPerson('pe', 'p.person_id')}
      WHERE p.ended_on IS NULL AND pe.date_of_birth IS NOT NULL AND ${types} AND ${deadline} - ${r.noticeDays}::int <= ${today}::date`;
  });
  return tx.query<{ placement_id: string; rule: string; due_on: string; organisation_id: string; facility_id: string; facility_name: string; facility_name_local: string | null }>(sql`
    WITH raised AS (
      INSERT INTO placement_alerts (placement_id, rule, due_on, raised_at) SELECT id, rule, due_on, ${raisedAt} FROM (${join(due, ' UNION ALL ')}) d
      ON CONFLICT (placement_id, rule) DO NOTHING RETURNING placement_id, rule, due_on
    ) SELECT r.placement_id, r.rule, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, p.organisation_id, p.facility_id, f.name_en AS facility_name, f.name_local AS facility_name_local
      FROM raised r JOIN placements p ON p.id = r.placement_id JOIN facilities f ON f.id = p.facility_id`);
}

/** The follow-up visits of a discharge, on the dates given (the country's schedule), once each. */
export function scheduleFollowUps(tx: Queryable, placementId: string, dueDates: string[]) {
  return tx.query(sql`INSERT INTO placement_followups (placement_id, due_on) SELECT ${placementId}, d FROM unnest(${dueDates}::date[]) AS d ON CONFLICT (placement_id, due_on) DO NOTHING`);
}

export type FollowUpRow = FollowUpJson & {
  placement_id: string; facility_id: string; organisation_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  person_id: string; child_name: string; case_id: string | null; case_number: string | null; discharged_on: string; end_reason: string;
};

const FOLLOWUP_SELECT = sql`SELECT fu.id, to_char(fu.due_on, 'YYYY-MM-DD') AS due_on, to_char(fu.visited_on, 'YYYY-MM-DD') AS visited_on, fu.outcome, fu.note,
    fu.placement_id, p.facility_id, p.organisation_id, p.adm1_code, p.adm2_code, p.adm3_code, p.person_id, pe.display_name AS child_name,
    p.case_id, c.case_number, to_char(p.ended_on, 'YYYY-MM-DD') AS discharged_on, p.end_reason
  FROM placement_followups fu JOIN placements p ON p.id = fu.placement_id ${peopleService.joinPerson('pe', 'p.person_id')} LEFT JOIN cases c ON c.id = p.case_id`;

/** A facility's follow-up visits the reader may see: the ones not made yet (earliest first), or all of them. */
export function followUpsOf(db: Queryable, facilityId: string, visible: Sql, dueOnly: boolean) {
  return db.query<FollowUpRow>(sql`${FOLLOWUP_SELECT} WHERE p.facility_id = ${facilityId} AND ${visible}${dueOnly ? sql` AND fu.visited_on IS NULL` : sql``}
    ORDER BY fu.visited_on IS NOT NULL, fu.due_on, pe.display_name LIMIT 1000`);
}

export function findFollowUp(db: Queryable, id: string, visible: Sql = sql`TRUE`) {
  return db.maybeOne<FollowUpRow>(sql`${FOLLOWUP_SELECT} WHERE fu.id = ${id} AND ${visible}`);
}

export async function followUpExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM placement_followups WHERE id = ${id}`));
}

/** Records a visit; answers nothing when it was already recorded (a concurrent save). */
export function recordVisit(tx: Queryable, id: string, v: { on: string; outcome: string; note: string | null; by: string }) {
  return tx.maybeOne<{ id: string }>(sql`UPDATE placement_followups SET visited_on = ${v.on}, outcome = ${v.outcome}, note = ${v.note}, visited_by = ${v.by}
    WHERE id = ${id} AND visited_on IS NULL RETURNING id`);
}

/** Visits past their date and not made, not yet told: marked told, answered with the facility for the notifications. */
export function markOverdueFollowUps(tx: Queryable, today: string, at: Date) {
  return tx.query<{ id: string; due_on: string; organisation_id: string; facility_id: string; facility_name: string; facility_name_local: string | null }>(sql`
    WITH told AS (
      UPDATE placement_followups SET overdue_alerted_at = ${at} WHERE visited_on IS NULL AND overdue_alerted_at IS NULL AND due_on < ${today}::date RETURNING id, placement_id, due_on
    ) SELECT t.id, to_char(t.due_on, 'YYYY-MM-DD') AS due_on, p.organisation_id, p.facility_id, f.name_en AS facility_name, f.name_local AS facility_name_local
      FROM told t JOIN placements p ON p.id = t.placement_id JOIN facilities f ON f.id = p.facility_id`);
}

/** A stay enters a care phase on a date (once per phase). */
export function insertPhase(tx: Queryable, placementId: string, phase: string, startedOn: string, by: string | null) {
  return tx.maybeOne<{ phase: string }>(sql`INSERT INTO placement_phases (placement_id, phase, started_on, recorded_by) VALUES (${placementId}, ${phase}, ${startedOn}, ${by})
    ON CONFLICT (placement_id, phase) DO NOTHING RETURNING phase`);
}
