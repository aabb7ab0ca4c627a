import { z } from 'zod';
import { can, type Actor } from '../../platform/access/actor.js';
import { placeOf, scopePredicate } from '../../platform/access/scope.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import type { GeoService } from '../geo/service.js';
import { ageOn, peopleService } from '../people/service.js';
import { CASE_PERMISSIONS as P } from '../../../shared/cases.js';
import * as q from './queries.js';
import { requireWorkable } from './access.js';
import { ReasonText } from '../../../shared/referrals.js';
import type { TransferView } from '../../../shared/cases.js';

export const TransferInput = z.object({
  toOrganisationId: z.uuid(),
  toUserId: z.uuid().optional(),
  newGeoCode: z.string().max(40).optional(),
  reason: ReasonText,
});
export const TransferResponse = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), caseworkerId: z.uuid().optional() }),
  z.object({ action: z.literal('decline'), reason: ReasonText }),
]);

type TransferRow = {
  id: string; case_id: string; to_organisation_id: string; to_user_id: string | null; to_geo_code: string | null; target_adm1: string | null; target_adm2: string | null; target_adm3: string | null;
  reason: string; shared: Record<string, unknown>; status: string; requested_by: string | null; requested_at: Date; response_reason: string | null; org_name: string;
};

/**
 * Transfers between workers, organisations and districts. The sender asks; nothing moves
 * until the receiver (the named worker, or a supervisor of the receiving organisation over
 * the new place) accepts. The old team loses access on acceptance; the timeline stays one.
 */
export function createTransfers(db: Database, geo: GeoService) {
  /** Who may answer: the named receiver, or an assigner of the receiving organisation over the target place. */
  function receiverPredicate(actor: Actor) {
    const assigner = scopePredicate(actor, P.assign, { adm1: 't.target_adm1', adm2: 't.target_adm2', adm3: 't.target_adm3' });
    return sql`(t.to_user_id = ${actor.userId} OR (t.to_user_id IS NULL AND t.to_organisation_id = ${actor.organisationId} AND ${assigner}))`;
  }

  const select = sql`SELECT t.*, o.name_en AS org_name FROM case_transfers t JOIN organisations o ON o.id = t.to_organisation_id`;
  const present = (t: TransferRow) => ({
    id: t.id, status: t.status, toOrganisation: t.org_name, toGeoCode: t.to_geo_code, reason: t.reason, shared: t.shared as TransferView['shared'],
    requestedAt: t.requested_at.toISOString(), responseReason: t.response_reason,
  });

  return {
    async request(actor: Actor, caseId: string, input: z.infer<typeof TransferInput>, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      const org = await db.maybeOne<{ id: string; is_active: boolean }>(sql`SELECT id, is_active FROM organisations WHERE id = ${input.toOrganisationId}`);
      if (!org?.is_active) throw new AppError('validation', 'validation', [{ path: 'toOrganisationId', code: 'unknown_organisation', message: '' }]);
      if (input.toUserId) {
        const user = await db.maybeOne(sql`SELECT 1 AS x FROM users WHERE id = ${input.toUserId} AND organisation_id = ${org.id} AND is_active`);
        if (!user) throw new AppError('validation', 'validation', [{ path: 'toUserId', code: 'not_in_organisation', message: '' }]);
      }
      const unit = input.newGeoCode ? await geo.find(input.newGeoCode) : undefined;
      if (input.newGeoCode && (!unit || unit.level < 3)) throw new AppError('validation', 'validation', [{ path: 'newGeoCode', code: 'unknown_unit', message: '' }]);
      const c = await db.one<{ case_number: string; sensitive: boolean; risk_level: string; concerns: string[]; child_id: string; adm1_code: string; adm2_code: string; adm3_code: string }>(sql`
        SELECT c.case_number, c.sensitive, c.risk_level, c.concerns, c.child_id, c.adm1_code, c.adm2_code, c.adm3_code FROM cases c WHERE c.id = ${caseId}`);
      const child = (await peopleService.get(db, c.child_id))!;
      const target = unit ? placeOf(unit) : placeOf(c);
      // Enough for the receiver to decide; for a sensitive case, not the child's identity.
      const shared = c.sensitive
        ? { caseNumber: c.case_number, riskLevel: c.risk_level, sensitive: true }
        : { caseNumber: c.case_number, riskLevel: c.risk_level, sensitive: false, child: child.display_name, sex: child.sex, ageYears: ageOn(child.date_of_birth), concerns: c.concerns };
      const id = await db.tx(async (tx) => {
        const existing = await tx.maybeOne(sql`SELECT 1 AS x FROM case_transfers WHERE case_id = ${caseId} AND status = 'pending'`);
        if (existing) throw new AppError('conflict', 'transfer_pending');
        const row = await tx.one<{ id: string }>(sql`
          INSERT INTO case_transfers (case_id, to_organisation_id, to_user_id, to_geo_code, target_adm1, target_adm2, target_adm3, reason, shared, requested_by)
          VALUES (${caseId}, ${org.id}, ${input.toUserId ?? null}, ${unit?.code ?? null}, ${target.adm1}, ${target.adm2}, ${target.adm3}, ${input.reason}, ${JSON.stringify(shared)}::jsonb, ${actor.userId})
          RETURNING id`);
        await q.addEvent(tx, caseId, actor.userId, 'transfer.requested', { reason: input.reason });
        await recordAudit(tx, ctx, { action: 'case.transfer_request', entity: 'case', entityId: caseId, after: { transfer_id: row.id, to_organisation_id: org.id, to_user_id: input.toUserId ?? null, to_geo_code: unit?.code ?? null } });
        if (input.toUserId) await notify(tx, input.toUserId, 'transfer_received', { number: c.case_number }, '/transfers');
        return row.id;
      });
      return { id };
    },

    async incoming(actor: Actor) {
      const rows = await db.query<TransferRow>(sql`${select} WHERE t.status = 'pending' AND ${receiverPredicate(actor)} ORDER BY t.requested_at DESC`);
      return rows.map(present);
    },

    async forCase(caseId: string) {
      return (await db.query<TransferRow>(sql`${select} WHERE t.case_id = ${caseId} ORDER BY t.requested_at DESC`)).map(present);
    },

    async respond(actor: Actor, id: string, response: z.infer<typeof TransferResponse>, ctx: AuditContext) {
      const t = await db.maybeOne<TransferRow>(sql`${select} WHERE t.id = ${id} AND ${receiverPredicate(actor)}`);
      if (!t) throw new AppError('not_found');
      if (t.status !== 'pending') throw new AppError('conflict', 'transfer_state');
      const number = (t.shared.caseNumber as string) ?? '';
      if (response.action === 'decline') {
        await db.tx(async (tx) => {
          await tx.query(sql`UPDATE case_transfers SET status = 'declined', responded_by = ${actor.userId}, responded_at = now(), response_reason = ${response.reason} WHERE id = ${id} AND status = 'pending'`);
          await q.addEvent(tx, t.case_id, actor.userId, 'transfer.declined', { reason: response.reason });
          await recordAudit(tx, ctx, { action: 'case.transfer_decline', entity: 'case', entityId: t.case_id, meta: { transfer_id: id, reason: response.reason } });
          if (t.requested_by) await notify(tx, t.requested_by, 'transfer_declined', { number, reason: response.reason }, `/cases/${t.case_id}`);
        });
        return { status: 'declined' as const };
      }
      // The new caseworker: the named receiver, else whom the accepting supervisor names, else the acceptor.
      const caseworkerId = t.to_user_id ?? response.caseworkerId ?? actor.userId;
      if (caseworkerId !== actor.userId) {
        const ok = await db.maybeOne(sql`SELECT 1 AS x FROM users WHERE id = ${caseworkerId} AND organisation_id = ${t.to_organisation_id} AND is_active`);
        if (!ok) throw new AppError('validation', 'validation', [{ path: 'caseworkerId', code: 'not_in_organisation', message: '' }]);
      }
      if (!can(actor, P.work) && !can(actor, P.assign)) throw new AppError('forbidden');
      const place = t.to_geo_code ? await geo.find(t.to_geo_code) : undefined;
      await db.tx(async (tx) => {
        const before = await tx.one<{ organisation_id: string; caseworker_id: string | null; supervisor_id: string | null; geo_code: string | null }>(sql`
          SELECT organisation_id, caseworker_id, supervisor_id, geo_code FROM cases WHERE id = ${t.case_id} FOR UPDATE`);
        const supervisor = await q.defaultSupervisor(tx, t.to_organisation_id, t.target_adm3);
        await tx.query(sql`UPDATE cases SET organisation_id = ${t.to_organisation_id}, caseworker_id = ${caseworkerId}, supervisor_id = ${supervisor?.id ?? null},
          geo_code = COALESCE(${place?.code ?? null}, geo_code), adm1_code = ${t.target_adm1}, adm2_code = ${t.target_adm2}, adm3_code = ${t.target_adm3}, updated_at = now()
          WHERE id = ${t.case_id}`);
        // The old team hands over: their assignments end; the new team's begin.
        await tx.query(sql`DELETE FROM case_assignments WHERE case_id = ${t.case_id} AND role IN ('caseworker', 'supervisor')`);
        await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${t.case_id}, ${caseworkerId}, 'caseworker') ON CONFLICT DO NOTHING`);
        if (supervisor) await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${t.case_id}, ${supervisor.id}, 'supervisor') ON CONFLICT DO NOTHING`);
        await tx.query(sql`UPDATE case_transfers SET status = 'accepted', responded_by = ${actor.userId}, responded_at = now() WHERE id = ${id}`);
        await q.addEvent(tx, t.case_id, actor.userId, 'transfer.accepted', { organisation: t.org_name });
        await recordAudit(tx, ctx, { action: 'case.transfer_accept', entity: 'case', entityId: t.case_id, before, after: { organisation_id: t.to_organisation_id, caseworker_id: caseworkerId, supervisor_id: supervisor?.id ?? null, geo_code: place?.code ?? before.geo_code } });
        if (t.requested_by) await notify(tx, t.requested_by, 'transfer_accepted', { number, organisation: t.org_name }, null);
      });
      return { status: 'accepted' as const };
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
