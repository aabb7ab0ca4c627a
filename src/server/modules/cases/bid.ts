import type { BidInput, BoardDecisionInput } from '../../../shared/bid.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { placeOf, scopeCovers } from '../../platform/access/scope.js';
import { usersHolding } from '../../platform/access/holders.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import { CASE_PERMISSIONS as P } from '../../../shared/cases.js';
import * as q from './queries.js';
import { requireVisible, requireWorkable } from './access.js';

type BidRow = {
  id: string; question: string; options: Array<{ option: string; assessment: string }>; recommendation: string; child_views: string; family_views: string | null;
  status: string; submitted_by: string | null; submitted_at: Date; decision: string | null; decision_date: string | null; decision_notes: string | null; recorded_by: string | null;
};

/**
 * Best-interest determination for an alternative-care decision: the caseworker sets out the
 * options, the child's and family's views and a recommendation; it goes to the Upazila Child
 * Welfare Board of the case's upazila, whose decision is recorded back by the board's
 * secretary (cases.bid_decision over that upazila), never by the person who submitted it.
 */
export function createBestInterest(db: Database) {
  return {
    async submit(actor: Actor, caseId: string, input: BidInput, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      const place = await db.one<{ adm3_code: string; case_number: string }>(sql`SELECT adm3_code, case_number FROM cases WHERE id = ${caseId}`);
      return db.tx(async (tx) => {
        const open = await tx.maybeOne(sql`SELECT 1 AS x FROM case_bids WHERE case_id = ${caseId} AND status = 'with_board'`);
        if (open) throw new AppError('conflict', 'bid_pending');
        const row = await tx.one<{ id: string }>(sql`
          INSERT INTO case_bids (case_id, question, options, recommendation, child_views, family_views, board_geo_code, submitted_by)
          VALUES (${caseId}, ${input.question}, ${JSON.stringify(input.options)}::jsonb, ${input.recommendation}, ${input.childViews}, ${input.familyViews ?? null}, ${place.adm3_code}, ${actor.userId})
          RETURNING id`);
        await q.addEvent(tx, caseId, actor.userId, 'bid.submitted', { recommendation: input.recommendation });
        await recordAudit(tx, ctx, { action: 'case.bid_submit', entity: 'case', entityId: caseId, after: { bid_id: row.id, recommendation: input.recommendation, board: place.adm3_code } });
        // The board's secretaries over this upazila are told a determination is waiting.
        const secretaries = await usersHolding(tx, { permission: P.bidDecision, at: { level: 3, code: place.adm3_code }, excludeUserId: actor.userId });
        for (const id of secretaries) await notify(tx, id, 'bid_submitted', { number: place.case_number }, `/cases/${caseId}`);
        return { id: row.id };
      });
    },

    async list(actor: Actor, caseId: string, ctx: AuditContext) {
      await requireVisible(db, actor, caseId, ctx);
      const rows = await db.query<BidRow>(sql`
        SELECT b.id, b.question, b.options, b.recommendation, b.child_views, b.family_views, b.status, su.full_name AS submitted_by, b.submitted_at,
               b.decision, to_char(b.decision_date, 'YYYY-MM-DD') AS decision_date, b.decision_notes, ru.full_name AS recorded_by
        FROM case_bids b LEFT JOIN users su ON su.id = b.submitted_by LEFT JOIN users ru ON ru.id = b.recorded_by WHERE b.case_id = ${caseId} ORDER BY b.submitted_at DESC`);
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
        const bid = await tx.maybeOne<{ status: string; submitted_by: string | null }>(sql`SELECT status, submitted_by FROM case_bids WHERE id = ${bidId} AND case_id = ${caseId} FOR UPDATE`);
        if (!bid) throw new AppError('not_found');
        if (bid.status !== 'with_board') throw new AppError('conflict', 'bid_decided');
        if (bid.submitted_by === actor.userId) throw new AppError('forbidden', 'own_submission');
        await tx.query(sql`UPDATE case_bids SET status = 'decided', decision = ${input.decision}, decision_date = ${input.decisionDate}, decision_notes = ${input.notes},
          recorded_by = ${actor.userId}, recorded_at = now() WHERE id = ${bidId}`);
        await q.addEvent(tx, caseId, actor.userId, 'bid.decided', { decision: input.decision, date: input.decisionDate });
        await recordAudit(tx, ctx, { action: 'case.bid_decision', entity: 'case', entityId: caseId, after: { bid_id: bidId, decision: input.decision, decision_date: input.decisionDate } });
        if (bid.submitted_by) await notify(tx, bid.submitted_by, 'bid_decided', { decision: input.decision }, `/cases/${caseId}`);
      });
      return this.list(actor, caseId, ctx);
    },
  };
}

export type BestInterest = ReturnType<typeof createBestInterest>;
