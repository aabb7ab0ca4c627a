import type { Actor } from '../../../platform/access/actor.js';
import { toAsciiDigits } from '../../../../shared/i18n/index.js';
import { scopePredicate } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { auditCtes, type AuditContext } from '../../../platform/audit/audit.js';
import { notifyCte } from '../../../platform/notifications/notifications.js';
import { join, prepared, raw, Sql, sql } from '../../../platform/db/sql.js';
import type { CaseSearchQuery } from '../../../../shared/cases.js';
import { holdersSql, usersHolding } from '../../../platform/access/holders.js';
import { peopleService } from '../../people/service.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { assigned, visibleCases } from '../access.js';

export { visibleCases };

export type CaseRow = {
  id: string; case_number: string; status: string; step: string; risk_level: 'high' | 'medium' | 'low'; concerns: string[]; sensitive: boolean;
  reported_on: string; registered_at: Date; initial_assessment_due: Date; geo_code: string | null; place_name: string | null; place_name_local: string | null;
  adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  child_id: string; child_names: Array<{ text: string }>; child_display: string; child_sex: string; child_dob: string | null; score?: number;
};

const LIST_COLUMNS = sql`c.id, c.case_number, c.status, c.step, c.risk_level, c.concerns, c.sensitive, to_char(c.reported_on, 'YYYY-MM-DD') AS reported_on,
  c.registered_at, c.initial_assessment_due, c.geo_code, g.name_en AS place_name, g.name_local AS place_name_local, c.adm1_code, c.adm2_code, c.adm3_code,
  p.id AS child_id, p.names AS child_names, p.display_name AS child_display, p.sex AS child_sex, to_char(p.date_of_birth, 'YYYY-MM-DD') AS child_dob`;

/** The child of each case, joined as `p` (the people service owns the table). */
const CHILD = peopleService.joinPerson('p', 'c.child_id');

/** How close a name must be to match (pg_trgm word similarity of the phonetic keys). */
export const NAME_MATCH_THRESHOLD = 0.5;

/**
 * Case list and search, always inside the caller's visibility. Text is matched as a case
 * number, or as a name by phonetic key (either script, typo-tolerant), best match first.
 */
export async function searchCases(db: Queryable, actor: Actor, query: CaseSearchQuery, keys: { skeleton: string; folded: string[] } | null) {
  const where: Sql[] = [visibleCases(actor)];
  if (query.risk) where.push(sql`c.risk_level = ${query.risk}`);
  if (query.status) where.push(sql`c.status = ${query.status}`);
  if (query.concern) where.push(sql`${query.concern} = ANY(c.concerns)`);
  switch (query.view) {
    case 'mine':
      where.push(sql`c.caseworker_id = ${actor.userId}`);
      break;
    case 'overdue':
      where.push(sql`c.status = 'open' AND c.step = 'registration' AND c.initial_assessment_due < now()`);
      break;
    case 'high_risk_unassessed':
      where.push(sql`c.status = 'open' AND c.step = 'registration' AND c.risk_level = 'high'`);
      break;
    case 'awaiting_approval':
      where.push(sql`c.status = 'open' AND c.step IN ('plan_approval', 'closure')`);
      break;
    default:
      break;
  }
  if (query.place) where.push(sql`(c.adm1_code = ${query.place} OR c.adm2_code = ${query.place} OR c.adm3_code = ${query.place} OR c.geo_code = ${query.place})`);
  let score = sql`0`;
  const phone = phoneDigits(query.q);
  const fragment = caseNumberFragment(query.q);
  // A number typed in part ("000037", "5549-2026"): the case numbers containing it. No index
  // answers LIKE '%...%' (a trigram index on case_number cost registration its p95 budget):
  // it filters the caller's visible cases, a district's in a few ms, the country's in tens.
  const byNumber = fragment ? sql`c.case_number LIKE ${`%${fragment}%`}` : sql`FALSE`;
  if (phone) {
    // A phone number: the child's own, or a family member's; or digits of a case number.
    where.push(sql`(${peopleService.phoneMatches('c.child_id', phone)} OR ${byNumber})`);
    score = sql`1`;
  } else if (query.q) {
    const number = query.q.toUpperCase();
    if (keys?.skeleton) {
      const folded = keys.folded.map((f) => sql`word_similarity(${f}, c.child_name_folded)`);
      score = sql`GREATEST(CASE WHEN c.case_number = ${number} THEN 2 WHEN ${byNumber} THEN 1.5 ELSE 0 END,
        word_similarity(${keys.skeleton}, c.child_name_key) + 0.5 * GREATEST(${join(folded, ', ')}))`;
      // `<%` is word_similarity >= the threshold set below, in a form the GIN index on place
      // and name key can answer: inside an area the index intersects the area's cases with
      // the name's trigrams, nationwide it uses the name alone.
      where.push(sql`(c.case_number = ${number} OR ${byNumber} OR ${keys.skeleton} <% c.child_name_key)`);
    } else {
      score = sql`CASE WHEN c.case_number = ${number} THEN 2 ELSE 1 END`;
      where.push(sql`(c.case_number = ${number} OR ${byNumber})`);
    }
  }
  const filter = join(where, ' AND ');
  const order = query.q && !phone ? sql`h.score DESC, h.registered_at DESC` : sql`h.registered_at DESC`;
  // A name search runs inside a transaction (see the case service): the threshold of <% is
  // set for it alone.
  if (query.q && !phone && keys?.skeleton) await db.query(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_MATCH_THRESHOLD)}, true)`);
  // Two stages: rank the visible cases on their own columns, then fetch the page's details.
  const items = await db.query<CaseRow & { total: number }>(prepared(sql`
    WITH hits AS (
      SELECT c.id, c.registered_at, ${score} AS score, count(*) OVER () AS total FROM cases c
      WHERE ${filter} ORDER BY 3 DESC, c.registered_at DESC LIMIT ${query.limit} OFFSET ${query.offset}
    )
    SELECT ${LIST_COLUMNS}, h.score, h.total
    FROM hits h JOIN cases c ON c.id = h.id ${CHILD} LEFT JOIN geo_units g ON g.code = c.geo_code
    ORDER BY ${order}`));
  const total = items[0]?.total ?? (query.offset > 0 ? (await db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases c WHERE ${filter}`)).n : 0);
  return { items, total: Number(total) };
}

/** A search text that may be part of a case number (letters, digits and dashes, with a run of 3+ digits), upper-cased. */
export function caseNumberFragment(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ascii = toAsciiDigits(text.trim()).toUpperCase();
  return /^[A-Z0-9-]{3,40}$/.test(ascii) && /\d{3,}/.test(ascii) ? ascii : undefined;
}

/** The digits of a search text that is a phone number (Bangla digits allowed), else undefined. */
export function phoneDigits(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ascii = toAsciiDigits(text);
  if (!/^[+\d\s-]{6,20}$/.test(ascii)) return undefined;
  const digits = ascii.replace(/\D/g, '');
  // +880 1XXXXXXXXX and 01XXXXXXXXX are the same Bangladeshi mobile number.
  return digits.length >= 6 ? digits.replace(/^880(?=1)/, '0') : undefined;
}

/** A case as its file shows it (the columns of findCaseFile, before its extras). */
export type CaseFileRow = CaseRow & { source: string; summary: string | null; organisation_id: string; org_name: string; org_name_local: string | null; caseworker_id: string | null; caseworker_name: string | null;
    supervisor_id: string | null; supervisor_name: string | null; child_dob_estimated: boolean; child_disabilities: string[]; child_vulnerable: string[]; child_address: string | null };

/** A case inside the geographic scope of the caller's break-glass grants, whatever its sensitivity or assignment. */
export function findCaseForBreakGlass(db: Queryable, actor: Actor, id: string) {
  const scope = scopePredicate(actor, P.breakGlass, { adm1: 'c.adm1_code', adm2: 'c.adm2_code', adm3: 'c.adm3_code', organisation: 'c.organisation_id', assigned });
  return db.maybeOne<{ id: string; case_number: string; supervisor_id: string | null }>(sql`SELECT c.id, c.case_number, c.supervisor_id FROM cases c WHERE c.id = ${id} AND ${scope}`);
}

/** Grants one person read access to one case (a break-glass read lasts as an assignment, visible on the timeline). */
export function addMember(tx: Queryable, caseId: string, userId: string) {
  return tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${caseId}, ${userId}, 'member') ON CONFLICT DO NOTHING`);
}

/** The number, child and state of a case (the caller has checked access). */
export function caseSubject(db: Queryable, caseId: string) {
  return db.maybeOne<{ id: string; case_number: string; child_id: string; status: string; sensitive: boolean; organisation_id: string }>(
    sql`SELECT id, case_number, child_id, status, sensitive, organisation_id FROM cases WHERE id = ${caseId}`);
}

/** True when the case in `caseColumn` is absent, not sensitive, or visible under `visible` (over `c`). */
export function notHiddenBySensitiveCase(caseColumn: string, visible: Sql): Sql {
  return sql`(${raw(caseColumn)} IS NULL OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = ${raw(caseColumn)} AND c.sensitive AND NOT ${visible}))`;
}

export function addEvent(tx: Queryable, caseId: string, actorId: string | null, kind: string, data: Record<string, unknown>) {
  return tx.query(sql`INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (${caseId}, ${actorId}, ${kind}, ${JSON.stringify(data)}::jsonb)`);
}


export type CaseFileExtras = {
  timeline: Array<{ at: string; kind: string; actor: string | null; data: Record<string, unknown> }>;
  steps: Array<{ step: string; data: Record<string, unknown>; skipped: string[]; skip_reason: string | null; recorded_by: string | null; recorded_at: string; decision: string | null; decided_by: string | null; decision_comment: string | null }>;
  is_worker: boolean;
  pending_submitter: string | null;
};

/**
 * The whole case file in one round trip: the case (CaseFileRow), its timeline,
 * its step forms, whether the reader works on it, and who submitted what awaits a decision.
 */
export function findCaseFile(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<CaseFileRow & CaseFileExtras>(prepared(sql`
    SELECT ${LIST_COLUMNS}, c.source, c.summary, c.organisation_id, o.name_en AS org_name, o.name_local AS org_name_local,
           c.caseworker_id, cw.full_name AS caseworker_name, c.supervisor_id, sv.full_name AS supervisor_name,
           p.dob_estimated AS child_dob_estimated, p.disabilities AS child_disabilities, p.vulnerable_groups AS child_vulnerable, p.address_detail AS child_address,
           COALESCE((SELECT json_agg(json_build_object('at', e.at, 'kind', e.kind, 'actor', u.full_name, 'data', e.data) ORDER BY e.at, e.id)
                     FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = c.id), '[]'::json) AS timeline,
           COALESCE((SELECT json_agg(json_build_object('step', s.step, 'data', s.data, 'skipped', s.skipped, 'skip_reason', s.skip_reason, 'recorded_by', ru.full_name,
                       'recorded_at', s.recorded_at, 'decision', s.decision, 'decided_by', du.full_name, 'decision_comment', s.decision_comment) ORDER BY s.id DESC)
                     FROM case_steps s LEFT JOIN users ru ON ru.id = s.recorded_by LEFT JOIN users du ON du.id = s.decided_by WHERE s.case_id = c.id), '[]'::json) AS steps,
           EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.user_id = ${actor.userId} AND a.role IN ('caseworker', 'supervisor')) AS is_worker,
           (SELECT s.recorded_by FROM case_steps s WHERE s.case_id = c.id AND s.step = CASE WHEN c.step = 'plan_approval' THEN 'case_plan' ELSE 'closure' END
             ORDER BY s.id DESC LIMIT 1)::text AS pending_submitter
    FROM cases c ${CHILD} LEFT JOIN geo_units g ON g.code = c.geo_code
      JOIN organisations o ON o.id = c.organisation_id
      LEFT JOIN users cw ON cw.id = c.caseworker_id LEFT JOIN users sv ON sv.id = c.supervisor_id
    WHERE c.id = ${id} AND ${visibleCases(actor)}`));
}


export type NewCase = {
  country: string; year: number;
  /** The child's id, or SQL over an earlier CTE of the same statement (see registerCase). */
  childId: string | Sql;
  riskLevel: string; concerns: string[]; source: string; sensitive: boolean; summary: string | null;
  reportedOn: string; due: Date; organisationId: string; caseworkerId: string | null;
  /** The supervisor, or 'default': a case supervisor of the owning organisation bound to the case's upazila, chosen in the statement. */
  supervisorId: string | null | 'default';
  place: { code: string; adm1: string | null; adm2: string | null; adm3: string | null }; createdBy: string | null; nameKey: string; nameFolded: string;
  /** Who registered it when they do not work it (a helpline agent): kept on as 'registrant', with their organisation. */
  registrant?: { userId: string; organisationId: string } | null;
  /** The first timeline event: registered, or imported from a legacy system. */
  event?: 'registered' | 'imported';
};

/** Takes the next number of the district's yearly counter (RETURNING last); its row lock makes numbers unique and gapless. */
function counterStep(adm2: string, year: number): Sql {
  return sql`INSERT INTO case_counters (adm2_code, year, last) VALUES (${adm2}, ${year}, 1)
    ON CONFLICT (adm2_code, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`;
}

/**
 * The default supervisor of a case (SELECT id): a case supervisor bound to its upazila, of the
 * owning organisation first, else the upazila's own (an NGO caseworker without a supervisor
 * there still gets one, rather than a plan nobody is asked to approve).
 */
function supervisorOf(organisationId: string, adm3: string | null): Sql {
  return holdersSql({ role: 'case_supervisor', at: { level: 3, code: adm3 }, preferOrganisationId: organisationId, limit: 1 });
}

/**
 * The CTEs that register a case: n (the next number of the district's yearly counter, whose
 * row lock makes numbers unique and gapless), ins (the case), its caseworker and supervisor
 * assignments, and the first timeline event.
 */
function caseCtes(c: NewCase): Sql {
  const adm2 = c.place.adm2 ?? 'XX';
  const prefix = `${c.country.toUpperCase()}-${adm2}-${c.year}-`;
  const supervisor = c.supervisorId === 'default'
    ? sql`(${supervisorOf(c.organisationId, c.place.adm3)})`
    : sql`${c.supervisorId}::uuid`;
  const childId = c.childId instanceof Sql ? c.childId : sql`${c.childId}::uuid`;
  return sql`
    n AS (${counterStep(adm2, c.year)}),
    ins AS (
      INSERT INTO cases (case_number, child_id, risk_level, concerns, source, sensitive, summary, reported_on, initial_assessment_due,
                         organisation_id, caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded, registered_by_org)
      SELECT ${prefix} || lpad(n.last::text, 6, '0'), ${childId}, ${c.riskLevel}, ${c.concerns}, ${c.source}, ${c.sensitive}, ${c.summary}, ${c.reportedOn}::date, ${c.due},
             ${c.organisationId}, ${c.caseworkerId}::uuid, ${supervisor}, ${c.place.code}, ${c.place.adm1}, ${c.place.adm2}, ${c.place.adm3}, ${c.createdBy}::uuid, ${c.nameKey}, ${c.nameFolded},
             ${c.registrant?.organisationId ?? null}::uuid
      FROM n RETURNING id, case_number, caseworker_id, supervisor_id),
    assigned AS (
      INSERT INTO case_assignments (case_id, user_id, role)
      SELECT ins.id, a.user_id, a.role FROM ins,
        LATERAL (VALUES (ins.caseworker_id, 'caseworker'), (ins.supervisor_id, 'supervisor'), (${c.registrant?.userId ?? null}::uuid, 'registrant')) AS a(user_id, role)
      WHERE a.user_id IS NOT NULL ON CONFLICT DO NOTHING),
    event AS (
      INSERT INTO case_events (case_id, actor_id, kind, data)
      SELECT ins.id, ${c.createdBy}::uuid, ${c.event ?? 'registered'}, ${JSON.stringify({ riskLevel: c.riskLevel, concerns: c.concerns, source: c.source })}::jsonb FROM ins)`;
}

export type CreatedCase = { id: string; case_number: string; supervisor_id: string | null };

/** Registers a case for a child who already has a person record, inside the caller's transaction. */
export function insertCase(tx: Queryable, c: NewCase) {
  return tx.one<CreatedCase>(sql`WITH ${caseCtes(c)} SELECT id, case_number, supervisor_id FROM ins`);
}

/**
 * Registers a new child's case as ONE statement, run on its own (autocommit): `before` CTEs
 * (the person), the case CTEs, then `after` CTEs over `ins` (the audit row, alerts). All of it
 * commits or none of it does, and the district counter and audit head stay locked only while
 * PostgreSQL executes the statement: with a transaction they stayed locked across every round
 * trip to the app, which made registrations in one district queue behind each other.
 */
export function registerCase(db: Queryable, c: NewCase, parts: { before: Sql[]; after: Sql[] }) {
  return db.one<CreatedCase>(prepared(sql`WITH ${join([...parts.before, caseCtes(c), ...parts.after], ',')} SELECT id, case_number, supervisor_id FROM ins`));
}

/**
 * Registers a case in one statement: the child (the CTE `person`, from the people service),
 * the case and its team, the audit row, and, for a high-risk case, the supervisor's alert.
 */
export function registerNewCase(db: Queryable, c: Omit<NewCase, 'childId'>, parts: { child: Sql; audit: AuditContext; alertSupervisor: boolean; childLinkedTo?: string }) {
  const audit = auditCtes(parts.audit, {
    action: 'case.create', entity: 'case', entityId: sql`ins.id`,
    after: { case_number: sql`ins.case_number`, risk_level: c.riskLevel, concerns: c.concerns, sensitive: c.sensitive, geo_code: c.place.code, ...(parts.childLinkedTo ? { child_linked_to: parts.childLinkedTo } : {}) },
  }, { after: 'ins' });
  const alert = notifyCte('alert', 'case_high_risk', sql`SELECT ins.supervisor_id, jsonb_build_object('number', ins.case_number), '/cases/' || ins.id FROM ins`);
  // A case routed to a team by someone outside it: its caseworker hears of it at once.
  const routed = notifyCte('routed', 'case_routed', sql`SELECT ins.caseworker_id, jsonb_build_object('number', ins.case_number), '/cases/' || ins.id FROM ins`);
  return registerCase(db, { ...c, childId: sql`(SELECT id FROM person)` }, { before: [parts.child], after: [audit, ...(parts.alertSupervisor ? [alert] : []), ...(c.registrant ? [routed] : [])] });
}

/** A user's address for the digest mail. */
export function userContact(db: Queryable, userId: string) {
  return db.one<{ email: string; lang: 'en' | 'bn'; full_name: string }>(sql`SELECT email, lang, full_name FROM users WHERE id = ${userId}`);
}

/** What a referral may carry about its case: number, concerns, child, place and caseworker. */
export function referralFacts(db: Queryable, caseId: string) {
  return db.one<{ case_number: string; concerns: string[]; child_id: string; place: string | null; cw_name: string | null; cw_phone: string | null; cw_email: string | null }>(sql`
    SELECT c.case_number, c.concerns, c.child_id, g.name_en AS place, u.full_name AS cw_name, u.phone AS cw_phone, u.email AS cw_email
    FROM cases c LEFT JOIN geo_units g ON g.code = c.geo_code LEFT JOIN users u ON u.id = c.caseworker_id
    WHERE c.id = ${caseId}`);
}

/** A case's caseworker, supervisor, number and place: the people to tell about it. */
export function caseTeam(db: Queryable, caseId: string) {
  return db.one<{ caseworker_id: string | null; supervisor_id: string | null; case_number: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null }>(sql`
    SELECT caseworker_id, supervisor_id, case_number, adm1_code, adm2_code, adm3_code FROM cases WHERE id = ${caseId}`);
}

/** The next number in the district's yearly sequence; the row lock makes it unique and gapless. */
export async function nextCaseNumber(tx: Queryable, country: string, adm2: string, year: number): Promise<string> {
  const row = await tx.one<{ last: number }>(counterStep(adm2, year));
  return `${country.toUpperCase()}-${adm2}-${year}-${String(row.last).padStart(6, '0')}`;
}

/** A supervisor for a new case: someone holding case_supervisor over its upazila in the same organisation. */
export function defaultSupervisor(db: Queryable, organisationId: string, adm3: string | null) {
  return db.maybeOne<{ id: string }>(supervisorOf(organisationId, adm3));
}

/** The districts' case-number counters (the national seed continues them). */
export function caseCounters(db: Queryable) {
  return db.query<{ adm2_code: string; year: number; last: number }>(sql`SELECT adm2_code, year, last FROM case_counters`);
}

/** Raises each district's counter to at least the given last number (after a bulk load). */
export async function raiseCounters(tx: Queryable, counters: Map<string, number>) {
  for (const [key, last] of counters) {
    const [adm2, year] = key.split('|');
    await tx.query(sql`INSERT INTO case_counters (adm2_code, year, last) VALUES (${adm2}, ${Number(year)}, ${last})
      ON CONFLICT (adm2_code, year) DO UPDATE SET last = GREATEST(case_counters.last, EXCLUDED.last)`);
  }
}

/** Bulk load (the national seed): cases and their assignments from JSON rows, in the caller's transaction. */
export async function insertCasesBulk(tx: Queryable, cases: Record<string, unknown>[], assignments: Record<string, unknown>[]) {
  await tx.query(sql`INSERT INTO cases (id, case_number, child_id, status, step, risk_level, concerns, source, sensitive, reported_on, registered_at, initial_assessment_due,
      organisation_id, caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS x(id uuid, case_number text, child_id uuid, status text, step text, risk_level text, concerns text[],
      source text, sensitive boolean, reported_on date, registered_at timestamptz, initial_assessment_due timestamptz, organisation_id uuid, caseworker_id uuid,
      supervisor_id uuid, geo_code text, adm1_code text, adm2_code text, adm3_code text, created_by uuid, child_name_key text, child_name_folded text)`);
  await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) SELECT * FROM jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) AS x(case_id uuid, user_id uuid, role text)`);
}

/** The planner's idea of how many cases there are (0 before the first ANALYZE): what a bulk load compares its growth with. */
export async function casesEstimate(db: Queryable): Promise<number> {
  return Math.max(0, (await db.one<{ n: number }>(sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'cases'::regclass`)).n);
}

/** Fresh planner statistics after a bulk load (through the owner's function: ANALYZE needs the table owner). */
export async function analyzeCases(db: Queryable) {
  await db.query(sql`SELECT analyze_cases()`);
}

/** The upazila's default team: its DSS office (or the district's), a supervisor and a caseworker bound to it. */
export async function defaultTeam(q: Queryable, adm3: string, adm2: string, fallbackOrg: string) {
  const org = await q.maybeOne<{ id: string }>(sql`
    SELECT id FROM organisations WHERE type = 'dss_office' AND is_active AND (adm3_code = ${adm3} OR (adm2_code = ${adm2} AND adm3_code IS NULL))
    ORDER BY (adm3_code = ${adm3}) DESC NULLS LAST LIMIT 1`);
  const at = { level: 3 as const, code: adm3 };
  const prefer = org?.id ?? fallbackOrg;
  const [caseworker] = await usersHolding(q, { role: 'caseworker', at, preferOrganisationId: prefer, limit: 1 });
  const [supervisor] = await usersHolding(q, { role: 'case_supervisor', at, preferOrganisationId: prefer, limit: 1 });
  return { organisationId: prefer, caseworker: caseworker ?? null, supervisor: supervisor ?? null };
}
export type DefaultTeam = Awaited<ReturnType<typeof defaultTeam>>;

/** True (as SQL) when the person in `column` is the child of a case passing `visible` (a predicate over `c`). */
export function personHasVisibleCase(column: string, visible: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM cases c WHERE c.child_id = ${raw(column)} AND ${visible})`;
}

export function casesOfPersons(db: Queryable, personIds: string[], visible: Sql) {
  return db.query<{ id: string; case_number: string; status: string; registered_at: Date; child_id: string }>(sql`
    SELECT c.id, c.case_number, c.status, c.registered_at, c.child_id FROM cases c WHERE c.child_id = ANY(${personIds}::uuid[]) AND ${visible} ORDER BY c.registered_at`);
}
