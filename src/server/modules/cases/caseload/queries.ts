import type { Actor } from '../../../platform/access/actor.js';
import type { Queryable } from '../../../platform/db/database.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { usersHolding } from '../../../platform/access/holders.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { visibleCases } from '../core/queries.js';

export type Caseload = {
  mine: number;
  team: number;
  overdueInitialAssessment: number;
  highRiskWithoutAssessment: number;
  plansAwaitingApproval: number;
  closuresAwaitingApproval: number;
  referralsWithoutResponse: number;
};

/** How many referrals of the given cases (SQL selecting case ids) have waited since before `before`. */
export type WaitingReferrals = (caseIds: Sql, before: Date) => Promise<number>;

/**
 * The numbers a caseworker or supervisor starts the day with, all inside what the caller may
 * see: their own open cases, their team's, and what is late or waiting. "Without response"
 * means a referral pending for more than three days.
 */
export async function caseload(db: Queryable, actor: Actor, waiting: WaitingReferrals, now = new Date()): Promise<Caseload> {
  const visible = visibleCases(actor);
  const row = await db.one<Caseload>(sql`
    SELECT
      count(*) FILTER (WHERE c.caseworker_id = ${actor.userId})::int AS mine,
      count(*)::int AS team,
      count(*) FILTER (WHERE c.step = 'registration' AND c.initial_assessment_due < ${now})::int AS "overdueInitialAssessment",
      count(*) FILTER (WHERE c.step = 'registration' AND c.risk_level = 'high')::int AS "highRiskWithoutAssessment",
      count(*) FILTER (WHERE c.step = 'plan_approval')::int AS "plansAwaitingApproval",
      count(*) FILTER (WHERE c.step = 'closure')::int AS "closuresAwaitingApproval",
      0 AS "referralsWithoutResponse"
    FROM cases c WHERE c.status = 'open' AND ${visible}`);
  // Referrals belong to the referrals module: it counts those of these cases still unanswered.
  row.referralsWithoutResponse = await waiting(sql`SELECT c.id FROM cases c WHERE c.status = 'open' AND ${visible}`, new Date(now.getTime() - 3 * 86400_000));
  return row;
}

/** Users who hold case work or approval and have something waiting: the daily digest's recipients. */
export function digestRecipients(db: Queryable) {
  return usersHolding(db, { permission: [P.work, P.approve], withEmail: true });
}
