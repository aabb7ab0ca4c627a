import type { Actor } from '../../../platform/access/actor.js';
import { scopePredicate, type Place } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';

export type TransferRow = {
  id: string; case_id: string; to_organisation_id: string; to_user_id: string | null; to_geo_code: string | null; target_adm1: string | null; target_adm2: string | null; target_adm3: string | null;
  reason: string; shared: Record<string, unknown>; status: string; requested_by: string | null; requested_at: Date; response_reason: string | null; org_name: string; org_name_local: string | null;
};

/** Who may answer: the named receiver, or an assigner of the receiving organisation over the target place. */
function receiverPredicate(actor: Actor): Sql {
  const assigner = scopePredicate(actor, P.assign, { adm1: 't.target_adm1', adm2: 't.target_adm2', adm3: 't.target_adm3' });
  return sql`(t.to_user_id = ${actor.userId} OR (t.to_user_id IS NULL AND t.to_organisation_id = ${actor.organisationId} AND ${assigner}))`;
}

const SELECT = sql`SELECT t.*, o.name_en AS org_name, o.name_local AS org_name_local FROM case_transfers t JOIN organisations o ON o.id = t.to_organisation_id`;

export function incomingTransfers(db: Queryable, actor: Actor) {
  return db.query<TransferRow>(sql`${SELECT} WHERE t.status = 'pending' AND ${receiverPredicate(actor)} ORDER BY t.requested_at DESC`);
}

export function transfersOfCase(db: Queryable, caseId: string) {
  return db.query<TransferRow>(sql`${SELECT} WHERE t.case_id = ${caseId} ORDER BY t.requested_at DESC`);
}

/** A transfer the caller may answer, else undefined. */
export function transferForReceiver(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<TransferRow>(sql`${SELECT} WHERE t.id = ${id} AND ${receiverPredicate(actor)}`);
}

export function organisationState(db: Queryable, id: string) {
  return db.maybeOne<{ id: string; is_active: boolean }>(sql`SELECT id, is_active FROM organisations WHERE id = ${id}`);
}

/** True when the user is active and belongs to the organisation. */
export async function isActiveMember(db: Queryable, userId: string, organisationId: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM users WHERE id = ${userId} AND organisation_id = ${organisationId} AND is_active`));
}

/** What a transfer request needs to know of the case. */
export function caseForTransfer(db: Queryable, caseId: string) {
  return db.one<{ case_number: string; sensitive: boolean; risk_level: string; concerns: string[]; child_id: string; adm1_code: string; adm2_code: string; adm3_code: string }>(sql`
    SELECT c.case_number, c.sensitive, c.risk_level, c.concerns, c.child_id, c.adm1_code, c.adm2_code, c.adm3_code FROM cases c WHERE c.id = ${caseId}`);
}

export async function transferPending(tx: Queryable, caseId: string): Promise<boolean> {
  return Boolean(await tx.maybeOne(sql`SELECT 1 AS x FROM case_transfers WHERE case_id = ${caseId} AND status = 'pending'`));
}

export async function insertTransfer(tx: Queryable, t: { caseId: string; toOrganisationId: string; toUserId: string | null; toGeoCode: string | null; target: Place; reason: string; shared: unknown; requestedBy: string }): Promise<string> {
  const row = await tx.one<{ id: string }>(sql`
    INSERT INTO case_transfers (case_id, to_organisation_id, to_user_id, to_geo_code, target_adm1, target_adm2, target_adm3, reason, shared, requested_by)
    VALUES (${t.caseId}, ${t.toOrganisationId}, ${t.toUserId}, ${t.toGeoCode}, ${t.target.adm1}, ${t.target.adm2}, ${t.target.adm3}, ${t.reason}, ${JSON.stringify(t.shared)}::jsonb, ${t.requestedBy})
    RETURNING id`);
  return row.id;
}

export async function declineTransfer(tx: Queryable, id: string, by: string, reason: string): Promise<void> {
  await tx.query(sql`UPDATE case_transfers SET status = 'declined', responded_by = ${by}, responded_at = now(), response_reason = ${reason} WHERE id = ${id} AND status = 'pending'`);
}

export async function markAccepted(tx: Queryable, id: string, by: string): Promise<void> {
  await tx.query(sql`UPDATE case_transfers SET status = 'accepted', responded_by = ${by}, responded_at = now() WHERE id = ${id}`);
}

/** The case's owner, team and place, locked for the hand-over. */
export function lockCaseTeam(tx: Queryable, caseId: string) {
  return tx.one<{ organisation_id: string; caseworker_id: string | null; supervisor_id: string | null; geo_code: string | null }>(sql`
    SELECT organisation_id, caseworker_id, supervisor_id, geo_code FROM cases WHERE id = ${caseId} FOR UPDATE`);
}

/** Hands the case to its new organisation, team and place: the old team's assignments end, the new team's begin. */
export async function handOver(tx: Queryable, caseId: string, to: { organisationId: string; caseworkerId: string; supervisorId: string | null; geoCode: string | null; place: Place }): Promise<void> {
  await tx.query(sql`UPDATE cases SET organisation_id = ${to.organisationId}, caseworker_id = ${to.caseworkerId}, supervisor_id = ${to.supervisorId},
    geo_code = COALESCE(${to.geoCode}, geo_code), adm1_code = ${to.place.adm1}, adm2_code = ${to.place.adm2}, adm3_code = ${to.place.adm3}, updated_at = now()
    WHERE id = ${caseId}`);
  await tx.query(sql`DELETE FROM case_assignments WHERE case_id = ${caseId} AND role IN ('caseworker', 'supervisor')`);
  await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${caseId}, ${to.caseworkerId}, 'caseworker') ON CONFLICT DO NOTHING`);
  if (to.supervisorId) await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${caseId}, ${to.supervisorId}, 'supervisor') ON CONFLICT DO NOTHING`);
}
