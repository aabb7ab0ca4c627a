import type { Actor } from '../../platform/access/actor.js';
import { scopePredicate } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/database.js';
import { join, sql, type Sql } from '../../platform/db/sql.js';
import { REFERRAL_PERMISSIONS as P, type ServiceInput, type SharedWithProvider } from '../../../shared/referrals.js';

export type ServiceRow = {
  id: string; name_en: string; name_local: string | null; category: string; description: string | null; provider_id: string; provider_name: string; provider_name_local: string | null;
  geo_code: string | null; place_name: string | null; place_name_local: string | null; description_local: string | null; contact_phone: string | null; contact_email: string | null;
};

type Near = { code: string; adm1: string | null; adm2: string | null; adm3: string | null };

/**
 * Active services. Near a place, only those that reach it, ordered by distance in the
 * hierarchy: 0 the place itself, 1 its upazila, 2 its district (or another upazila of it), 3 its
 * division's own services, 4 national. Services of other districts are left out.
 */
export function listServices(db: Queryable, filter: { category?: string | undefined; q?: string | undefined; near?: Near | undefined }) {
  return selectServices(db, [sql`s.is_active`], filter);
}

/** Services by id, active or not: what a record referred to earlier stays readable after the service closes. */
export function servicesById(db: Queryable, ids: string[]) {
  return selectServices(db, [sql`s.id = ANY(${ids}::uuid[])`], {});
}

function selectServices(db: Queryable, base: Sql[], filter: { category?: string | undefined; q?: string | undefined; near?: Near | undefined }) {
  const where = [...base];
  if (filter.category) where.push(sql`s.category = ${filter.category}`);
  if (filter.q) where.push(sql`(s.name_en ILIKE ${`%${filter.q}%`} OR s.name_local LIKE ${`%${filter.q}%`})`);
  const n = filter.near;
  const distance = n
    ? sql`CASE WHEN s.geo_code = ${n.code} THEN 0 WHEN s.adm3_code = ${n.adm3} THEN 1 WHEN s.adm2_code = ${n.adm2} THEN 2
        WHEN s.adm1_code = ${n.adm1} AND s.adm2_code IS NULL THEN 3 WHEN s.geo_code IS NULL THEN 4 END`
    : undefined;
  if (distance) where.push(sql`(${distance}) IS NOT NULL`);
  return db.query<ServiceRow>(sql`
    SELECT s.id, s.name_en, s.name_local, s.category, s.description, s.description_local, o.id AS provider_id, o.name_en AS provider_name, o.name_local AS provider_name_local,
      s.geo_code, g.name_en AS place_name, g.name_local AS place_name_local, s.contact_phone, s.contact_email
    FROM services s JOIN organisations o ON o.id = s.provider_organisation_id LEFT JOIN geo_units g ON g.code = s.geo_code
    WHERE ${join(where, ' AND ')} ORDER BY ${distance ? sql`${distance}, ` : sql``}s.category, s.name_en LIMIT 200`);
}

export function findService(db: Queryable, id: string) {
  return db.maybeOne<{ id: string; name_en: string; name_local: string | null; provider_organisation_id: string; is_active: boolean }>(sql`SELECT id, name_en, name_local, provider_organisation_id, is_active FROM services WHERE id = ${id}`);
}

export type ReferralRow = {
  id: string; case_id: string; service_id: string; service_name: string; service_name_local: string | null; category: string; provider_id: string; provider_name: string; provider_name_local: string | null; status: string; reason: string;
  shared: Record<string, unknown>; created_at: Date; responded_at: Date | null; response_reason: string | null; feedback: string | null;
};

const COLUMNS = sql`r.id, r.case_id, r.service_id, s.name_en AS service_name, s.name_local AS service_name_local, s.category, o.id AS provider_id, o.name_en AS provider_name,
  o.name_local AS provider_name_local, r.status, r.reason, r.shared,
  r.created_at, r.responded_at, r.response_reason, r.feedback`;
const FROM = sql`FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = r.provider_organisation_id`;

/** Referrals a provider may answer: sent to the caller's organisation, inside their area. */
export function providerPredicate(actor: Actor): Sql {
  return scopePredicate(actor, P.respond, { adm1: 'r.adm1_code', adm2: 'r.adm2_code', adm3: 'r.adm3_code', organisation: 'r.provider_organisation_id' });
}

export function incoming(db: Queryable, actor: Actor, status: string | undefined) {
  const where = [providerPredicate(actor)];
  if (status) where.push(sql`r.status = ${status}`);
  return db.query<ReferralRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE ${join(where, ' AND ')} ORDER BY r.created_at DESC LIMIT 200`);
}

export function findForProvider(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<ReferralRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE r.id = ${id} AND ${providerPredicate(actor)}`);
}

export function forCase(db: Queryable, caseId: string) {
  return db.query<ReferralRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE r.case_id = ${caseId} ORDER BY r.created_at DESC`);
}

export async function referralExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM referrals WHERE id = ${id}`));
}

/** Pending referrals of the given cases (SQL selecting case ids) sent before `before`. */
export async function pendingSince(db: Queryable, caseIds: Sql, before: Date): Promise<number> {
  const row = await db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM referrals r WHERE r.status = 'pending' AND r.created_at < ${before} AND r.case_id IN (${caseIds})`);
  return row.n;
}

/** The organisation, if it exists and is active (a service needs a live provider). */
export function activeOrganisation(db: Queryable, id: string) {
  return db.maybeOne(sql`SELECT 1 AS x FROM organisations WHERE id = ${id} AND is_active`);
}

type Unit = { code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null };
export function insertService(tx: Queryable, input: ServiceInput, unit: Unit | undefined) {
  return tx.one<{ id: string }>(sql`
    INSERT INTO services (name_en, name_local, category, description, description_local, provider_organisation_id, geo_code, adm1_code, adm2_code, adm3_code, contact_phone, contact_email)
    VALUES (${input.nameEn}, ${input.nameLocal ?? null}, ${input.category}, ${input.description ?? null}, ${input.descriptionLocal ?? null}, ${input.providerOrganisationId}, ${unit?.code ?? null},
            ${unit?.adm1_code ?? null}, ${unit?.adm2_code ?? null}, ${unit?.adm3_code ?? null}, ${input.contactPhone ?? null}, ${input.contactEmail ?? null})
    RETURNING id`);
}

/** A referral, placed where its case is (the provider's and the area's reports count it there). */
export function insertReferral(tx: Queryable, r: {
  caseId: string; serviceId: string; providerOrganisationId: string; reason: string; shared: SharedWithProvider; createdBy: string;
  place: { adm1_code: string | null; adm2_code: string | null; adm3_code: string | null };
}) {
  return tx.one<{ id: string }>(sql`
    INSERT INTO referrals (case_id, service_id, provider_organisation_id, reason, shared, created_by, adm1_code, adm2_code, adm3_code)
    VALUES (${r.caseId}, ${r.serviceId}, ${r.providerOrganisationId}, ${r.reason}, ${JSON.stringify(r.shared)}::jsonb, ${r.createdBy}, ${r.place.adm1_code}, ${r.place.adm2_code}, ${r.place.adm3_code})
    RETURNING id`);
}

/**
 * Moves a referral from one status to the next. The expected status in the WHERE clause makes
 * a double answer (two tabs, two staff) a conflict (no row), not an overwrite.
 */
export function answerReferral(tx: Queryable, a: { id: string; from: string; to: string; by: string; reason: string | null; feedback: string | null }) {
  return tx.query(sql`
    UPDATE referrals SET status = ${a.to}, responded_by = ${a.by}, responded_at = COALESCE(responded_at, now()),
      response_reason = COALESCE(${a.reason}, response_reason), feedback = COALESCE(${a.feedback}, feedback),
      completed_at = CASE WHEN ${a.to} = 'completed' THEN now() ELSE completed_at END
    WHERE id = ${a.id} AND status = ${a.from} RETURNING id`);
}

/** The case of a pending or accepted referral to this organisation. */
export async function openReferralCase(db: Queryable, referralId: string, organisationId: string): Promise<string | null> {
  const row = await db.maybeOne<{ case_id: string }>(sql`SELECT case_id FROM referrals WHERE id = ${referralId} AND provider_organisation_id = ${organisationId} AND status IN ('pending', 'accepted')`);
  return row?.case_id ?? null;
}
