import type { BidInput, BoardDecisionInput } from '../../../../shared/bid.js';
import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';

export type BidRow = {
  id: string; question: string; options: Array<{ option: string; assessment: string }>; recommendation: string; child_views: string; family_views: string | null;
  status: string; submitted_by: string | null; submitted_at: Date; decision: string | null; decision_date: string | null; decision_notes: string | null; recorded_by: string | null;
};

/** True while a determination of the case waits for the board. */
export async function bidWithBoard(tx: Queryable, caseId: string): Promise<boolean> {
  return Boolean(await tx.maybeOne(sql`SELECT 1 AS x FROM case_bids WHERE case_id = ${caseId} AND status = 'with_board'`));
}

/** `board`: the upazila whose Child Welfare Board decides. */
export async function insertBid(tx: Queryable, caseId: string, input: BidInput, board: string | null, submittedBy: string): Promise<string> {
  const row = await tx.one<{ id: string }>(sql`
    INSERT INTO case_bids (case_id, question, options, recommendation, child_views, family_views, board_geo_code, submitted_by)
    VALUES (${caseId}, ${input.question}, ${JSON.stringify(input.options)}::jsonb, ${input.recommendation}, ${input.childViews}, ${input.familyViews ?? null}, ${board}, ${submittedBy})
    RETURNING id`);
  return row.id;
}

export function listBids(db: Queryable, caseId: string) {
  return db.query<BidRow>(sql`
    SELECT b.id, b.question, b.options, b.recommendation, b.child_views, b.family_views, b.status, su.full_name AS submitted_by, b.submitted_at,
           b.decision, to_char(b.decision_date, 'YYYY-MM-DD') AS decision_date, b.decision_notes, ru.full_name AS recorded_by
    FROM case_bids b LEFT JOIN users su ON su.id = b.submitted_by LEFT JOIN users ru ON ru.id = b.recorded_by WHERE b.case_id = ${caseId} ORDER BY b.submitted_at DESC`);
}

/** A determination of the case, locked for the board's decision. */
export function lockBid(tx: Queryable, caseId: string, bidId: string) {
  return tx.maybeOne<{ status: string; submitted_by: string | null }>(sql`SELECT status, submitted_by FROM case_bids WHERE id = ${bidId} AND case_id = ${caseId} FOR UPDATE`);
}

export async function recordBidDecision(tx: Queryable, bidId: string, input: BoardDecisionInput, recordedBy: string): Promise<void> {
  await tx.query(sql`UPDATE case_bids SET status = 'decided', decision = ${input.decision}, decision_date = ${input.decisionDate}, decision_notes = ${input.notes},
    recorded_by = ${recordedBy}, recorded_at = now() WHERE id = ${bidId}`);
}
