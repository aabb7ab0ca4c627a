import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';

/** Where a case stands in the SOP, and who works on it. */
export type CaseState = { id: string; case_number: string; status: string; step: string; caseworker_id: string | null; supervisor_id: string | null; risk_level: string };

/** The case's state, locked for the caller's move (moves on one case happen one at a time). */
export function lockCaseState(tx: Queryable, id: string) {
  return tx.one<CaseState>(sql`SELECT id, case_number, status, step, caseworker_id, supervisor_id, risk_level FROM cases WHERE id = ${id} FOR UPDATE`);
}

/** Keeps a submitted step form with who recorded it, and what it skipped and why. */
export async function insertStep(tx: Queryable, s: { caseId: string; step: string; data: unknown; skipped: readonly string[]; skipReason: string | null; recordedBy: string }): Promise<void> {
  await tx.query(sql`INSERT INTO case_steps (case_id, step, data, skipped, skip_reason, recorded_by)
    VALUES (${s.caseId}, ${s.step}, ${JSON.stringify(s.data)}::jsonb, ${[...s.skipped]}, ${s.skipReason}, ${s.recordedBy})`);
}

/** Moves the case: its step, and optionally status, risk level and initial-assessment deadline. */
export async function moveCase(tx: Queryable, id: string, to: { step: string; status?: string; riskLevel?: string; initialAssessmentDue?: Date }): Promise<void> {
  await tx.query(sql`UPDATE cases SET step = ${to.step}, status = COALESCE(${to.status ?? null}, status), risk_level = COALESCE(${to.riskLevel ?? null}, risk_level),
    initial_assessment_due = COALESCE(${to.initialAssessmentDue ?? null}::timestamptz, initial_assessment_due), updated_at = now() WHERE id = ${id}`);
}

/** The latest submission of a step (the plan or closure awaiting a decision). */
export function latestSubmission(tx: Queryable, caseId: string, step: string) {
  return tx.one<{ id: number; recorded_by: string | null }>(sql`SELECT id, recorded_by FROM case_steps WHERE case_id = ${caseId} AND step = ${step} ORDER BY id DESC LIMIT 1`);
}

export async function recordDecision(tx: Queryable, stepId: number, decision: { decision: string; comment: string }, decidedBy: string): Promise<void> {
  await tx.query(sql`UPDATE case_steps SET decision = ${decision.decision}, decided_by = ${decidedBy}, decided_at = now(), decision_comment = ${decision.comment} WHERE id = ${stepId}`);
}
