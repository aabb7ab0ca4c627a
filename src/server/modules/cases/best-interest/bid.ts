import type { BidInput, BoardDecisionInput } from '../../../../shared/bid.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { placeOf, scopeCovers } from '../../../platform/access/scope.js';
import { usersHolding } from '../../../platform/access/holders.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { messageParam, notify } from '../../../platform/notifications/notifications.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import * as q from '../core/queries.js';
import * as bq from './queries.js';
import { requireVisible, requireWorkable } from '../access.js';

/**
 * Best-interest determination for an alternative-care decision: the caseworker sets out the
 * options, the child's and family's views and a recommendation; it goes to the Upazila Child
 * Welfare Board of the case's upazila, whose decision is recorded back by the board's
 * secretary (cases.bid_decision over that upazila), never by the person who submitted it.
 */
export function createBestInterest(db: Database) {
  return {
    async submit(actor: Actor, caseId: string, input: BidInput, ctx: AuditContext) {
      const place = await requireWorkable(db, actor, caseId, ctx);
      const board = place.adm3_code;
      return db.tx(async (tx) => {
        if (await bq.bidWithBoard(tx, caseId)) throw new AppError('conflict', 'bid_pending');
        const bidId = await bq.insertBid(tx, caseId, input, board, actor.userId);
        await q.addEvent(tx, caseId, actor.userId, 'bid.submitted', { recommendation: input.recommendation });
        await recordAudit(tx, ctx, { action: 'case.bid_submit', entity: 'case', entityId: caseId, after: { bid_id: bidId, recommendation: input.recommendation, board } });
        // The board's secretaries over this upazila are told a determination is waiting.
        const secretaries = await usersHolding(tx, { permission: P.bidDecision, at: { level: 3, code: board }, excludeUserId: actor.userId });
        for (const id of secretaries) await notify(tx, id, 'bid_submitted', { number: place.case_number }, `/cases/${caseId}`);
        return { id: bidId };
      });
    },

    async list(actor: Actor, caseId: string, ctx: AuditContext) {
      await requireVisible(db, actor, caseId, ctx);
      const rows = await bq.listBids(db, caseId);
      return rows.map((b) => ({
        id: b.id, question: b.question, options: b.options, recommendation: b.recommendation, childViews: b.child_views, familyViews: b.family_views, status: b.status,
        submittedBy: b.submitted_by, submittedAt: b.submitted_at.toISOString(), decision: b.decision, decisionDate: b.decision_date, decisionNotes: b.decision_notes, recordedBy: b.recorded_by,
      }));
    },

    async recordDecision(actor: Actor, caseId: string, bidId: string, input: BoardDecisionInput, ctx: AuditContext) {
      if (!can(actor, P.bidDecision)) throw new AppError('forbidden');
      const place = await requireVisible(db, actor, caseId, ctx);
      if (!scopeCovers(actor, P.bidDecision, placeOf(place))) throw new AppError('forbidden');
      await db.tx(async (tx) => {
        const bid = await bq.lockBid(tx, caseId, bidId);
        if (!bid) throw new AppError('not_found');
        if (bid.status !== 'with_board') throw new AppError('conflict', 'bid_decided');
        if (bid.submitted_by === actor.userId) throw new AppError('forbidden', 'own_submission');
        await bq.recordBidDecision(tx, bidId, input, actor.userId);
        await q.addEvent(tx, caseId, actor.userId, 'bid.decided', { decision: input.decision, date: input.decisionDate });
        await recordAudit(tx, ctx, { action: 'case.bid_decision', entity: 'case', entityId: caseId, after: { bid_id: bidId, decision: input.decision, decision_date: input.decisionDate } });
        if (bid.submitted_by) await notify(tx, bid.submitted_by, 'bid_decided', { decision: messageParam(`web.bid.careOptions.${input.decision}`) }, `/cases/${caseId}`);
      });
      return this.list(actor, caseId, ctx);
    },
  };
}

export type BestInterest = ReturnType<typeof createBestInterest>;
