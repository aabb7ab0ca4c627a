import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { visibleCases } from './queries.js';

export type Caseload = {
  mine: number;
  team: number;
  overdueInitialAssessment: number;
  highRiskWithoutAssessment: number;
  plansAwaitingApproval: number;
  closuresAwaitingApproval: number;
  referralsWithoutResponse: number;
};

/**
 * The numbers a caseworker or supervisor starts the day with, all inside what the caller may
 * see: their own open cases, their team's, and what is late or waiting. "Without response"
 * means a referral pending for more than three days.
 */
export async function caseload(db: Queryable, actor: Actor, now = new Date()): Promise<Caseload> {
  const visible = visibleCases(actor);
  const row = await db.one<Caseload>(sql`
    SELECT
      count(*) FILTER (WHERE c.caseworker_id = ${actor.userId})::int AS mine,
      count(*)::int AS team,
      count(*) FILTER (WHERE c.step = 'registration' AND c.initial_assessment_due < ${now})::int AS "overdueInitialAssessment",
      count(*) FILTER (WHERE c.step = 'registration' AND c.risk_level = 'high')::int AS "highRiskWithoutAssessment",
      count(*) FILTER (WHERE c.step = 'plan_approval')::int AS "plansAwaitingApproval",
      count(*) FILTER (WHERE c.step = 'closure')::int AS "closuresAwaitingApproval",
      COALESCE(sum((SELECT count(*) FROM referrals r WHERE r.case_id = c.id AND r.status = 'pending' AND r.created_at < ${new Date(now.getTime() - 3 * 86400_000)})), 0)::int AS "referralsWithoutResponse"
    FROM cases c WHERE c.status = 'open' AND ${visible}`);
  return row;
}

/** Users who hold case work or approval and have something waiting: the daily digest's recipients. */
export function digestRecipients(db: Queryable) {
  return db.query<{ id: string }>(sql`
    SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.key = ur.role_key
    WHERE u.is_active AND u.email IS NOT NULL
      AND EXISTS (SELECT 1 FROM unnest(r.permissions) p WHERE p IN ('cases.work', 'cases.approve'))`);
}
