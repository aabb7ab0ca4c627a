import { z } from 'zod';
import { can, type Actor } from '../../../platform/access/actor.js';
import { placeOf } from '../../../platform/access/scope.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { bothNames, notify } from '../../../platform/notifications/notifications.js';
import type { GeoService } from '../../geo/service.js';
import { ageOn, peopleService } from '../../people/service.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { localName, type Lang } from '../../../../shared/i18n/index.js';
import * as q from '../core/queries.js';
import * as tq from './queries.js';
import type { TransferRow } from './queries.js';
import { requireWorkable } from '../access.js';
import { TransferInput, TransferResponse, type TransferView } from '../../../../shared/cases.js';

/**
 * Transfers between workers, organisations and districts. The sender asks; nothing moves
 * until the receiver (the named worker, or a supervisor of the receiving organisation over
 * the new place) accepts. The old team loses access on acceptance; the timeline stays one.
 */
export function createTransfers(db: Database, geo: GeoService) {
  // The receiving organisation is named in the reader's language.
  const present = (lang: Lang) => (t: TransferRow) => ({
    id: t.id, status: t.status, toOrganisation: localName(lang, t.org_name, t.org_name_local), toGeoCode: t.to_geo_code, reason: t.reason, shared: t.shared as TransferView['shared'],
    requestedAt: t.requested_at.toISOString(), responseReason: t.response_reason,
  });

  return {
    async request(actor: Actor, caseId: string, input: z.infer<typeof TransferInput>, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      const org = await tq.organisationState(db, input.toOrganisationId);
      if (!org?.is_active) throw new AppError('validation', 'validation', [{ path: 'toOrganisationId', code: 'unknown_organisation', message: '' }]);
      if (input.toUserId) {
        if (!(await tq.isActiveMember(db, input.toUserId, org.id))) throw new AppError('validation', 'validation', [{ path: 'toUserId', code: 'not_in_organisation', message: '' }]);
      }
      const unit = input.newGeoCode ? await geo.find(input.newGeoCode) : undefined;
      if (input.newGeoCode && (!unit || unit.level < 3)) throw new AppError('validation', 'validation', [{ path: 'newGeoCode', code: 'unknown_unit', message: '' }]);
      const c = await tq.caseForTransfer(db, caseId);
      const child = (await peopleService.get(db, c.child_id))!;
      const target = unit ? placeOf(unit) : placeOf(c);
      // Enough for the receiver to decide; for a sensitive case, not the child's identity.
      const shared = c.sensitive
        ? { caseNumber: c.case_number, riskLevel: c.risk_level, sensitive: true }
        : { caseNumber: c.case_number, riskLevel: c.risk_level, sensitive: false, child: child.display_name, sex: child.sex, ageYears: ageOn(child.date_of_birth), concerns: c.concerns };
      const id = await db.tx(async (tx) => {
        if (await tq.transferPending(tx, caseId)) throw new AppError('conflict', 'transfer_pending');
        const row = { id: await tq.insertTransfer(tx, { caseId, toOrganisationId: org.id, toUserId: input.toUserId ?? null, toGeoCode: unit?.code ?? null, target, reason: input.reason, shared, requestedBy: actor.userId }) };
        await q.addEvent(tx, caseId, actor.userId, 'transfer.requested', { reason: input.reason });
        await recordAudit(tx, ctx, { action: 'case.transfer_request', entity: 'case', entityId: caseId, after: { transfer_id: row.id, to_organisation_id: org.id, to_user_id: input.toUserId ?? null, to_geo_code: unit?.code ?? null } });
        if (input.toUserId) await notify(tx, input.toUserId, 'transfer_received', { number: c.case_number }, '/transfers');
        return row.id;
      });
      return { id };
    },

    async incoming(actor: Actor) {
      const rows = await tq.incomingTransfers(db, actor);
      return rows.map(present(actor.lang));
    },

    async forCase(caseId: string, lang: Lang) {
      return (await tq.transfersOfCase(db, caseId)).map(present(lang));
    },

    async respond(actor: Actor, id: string, response: z.infer<typeof TransferResponse>, ctx: AuditContext) {
      const t = await tq.transferForReceiver(db, actor, id);
      if (!t) throw new AppError('not_found');
      if (t.status !== 'pending') throw new AppError('conflict', 'transfer_state');
      const number = (t.shared.caseNumber as string) ?? '';
      if (response.action === 'decline') {
        await db.tx(async (tx) => {
          await tq.declineTransfer(tx, id, actor.userId, response.reason);
          await q.addEvent(tx, t.case_id, actor.userId, 'transfer.declined', { reason: response.reason });
          await recordAudit(tx, ctx, { action: 'case.transfer_decline', entity: 'case', entityId: t.case_id, meta: { transfer_id: id, reason: response.reason } });
          if (t.requested_by) await notify(tx, t.requested_by, 'transfer_declined', { number, reason: response.reason }, `/cases/${t.case_id}`);
        });
        return { status: 'declined' as const };
      }
      // The new caseworker: the named receiver, else whom the accepting supervisor names, else the acceptor.
      const caseworkerId = t.to_user_id ?? response.caseworkerId ?? actor.userId;
      if (caseworkerId !== actor.userId) {
        if (!(await tq.isActiveMember(db, caseworkerId, t.to_organisation_id))) throw new AppError('validation', 'validation', [{ path: 'caseworkerId', code: 'not_in_organisation', message: '' }]);
      }
      if (!can(actor, P.work) && !can(actor, P.assign)) throw new AppError('forbidden');
      const place = t.to_geo_code ? await geo.find(t.to_geo_code) : undefined;
      await db.tx(async (tx) => {
        const before = await tq.lockCaseTeam(tx, t.case_id);
        const supervisor = await q.defaultSupervisor(tx, t.to_organisation_id, t.target_adm3);
        // The old team hands over: their assignments end; the new team's begin.
        await tq.handOver(tx, t.case_id, {
          organisationId: t.to_organisation_id, caseworkerId, supervisorId: supervisor?.id ?? null, geoCode: place?.code ?? null,
          place: { adm1: t.target_adm1, adm2: t.target_adm2, adm3: t.target_adm3 },
        });
        await tq.markAccepted(tx, id, actor.userId);
        await q.addEvent(tx, t.case_id, actor.userId, 'transfer.accepted', { organisation: t.org_name });
        await recordAudit(tx, ctx, { action: 'case.transfer_accept', entity: 'case', entityId: t.case_id, before, after: { organisation_id: t.to_organisation_id, caseworker_id: caseworkerId, supervisor_id: supervisor?.id ?? null, geo_code: place?.code ?? before.geo_code } });
        if (t.requested_by) await notify(tx, t.requested_by, 'transfer_accepted', { number, organisation: bothNames(t.org_name, t.org_name_local) }, null);
      });
      return { status: 'accepted' as const };
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
