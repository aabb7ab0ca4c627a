import { DecisionInput, MOVES, STEP_FORMS, findMove, stepAfter, type StepInput, type StepWithForm } from '../../../../shared/sop.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { notify, settle } from '../../../platform/notifications/notifications.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { initialAssessmentDue } from '../policy.js';
import * as q from '../core/queries.js';
import * as wq from './queries.js';
import { isWorker, requireVisible } from '../access.js';

const invalid = (issues: FieldIssue[]) => new AppError('validation', 'validation', issues);

/**
 * Moves a case through the SOP. Every form is validated by its step's schema and kept with
 * who and when; skips need a reason; plans and closures wait for a supervisor, who may not
 * decide on their own submission. Each change is audited and put on the case timeline.
 */
export function createWorkflow(db: Database) {
  const isAssigned = (caseId: string, userId: string) => isWorker(db, caseId, userId);

  return {
    async submitStep(actor: Actor, id: string, step: string, input: StepInput, ctx: AuditContext) {
      if (!can(actor, P.work)) throw new AppError('forbidden');
      await requireVisible(db, actor, id, ctx);
      if (!(step in STEP_FORMS)) throw new AppError('not_found');
      if (!(await isAssigned(id, actor.userId))) throw new AppError('forbidden', 'not_assigned');
      const form = STEP_FORMS[step as StepWithForm].safeParse(input.data);
      if (!form.success) {
        throw invalid(form.error.issues.map((i) => ({ path: ['data', ...i.path.map(String)].join('.'), code: i.code, message: '', params: { ...i } as Record<string, unknown> })));
      }
      return db.tx(async (tx) => {
        const current = await wq.lockCaseState(tx, id);
        const move = findMove(current.step, step);
        const closedOnly = step === 'post_closure';
        if (!move || (closedOnly ? current.status !== 'closed' : current.status !== 'open')) {
          throw new AppError('conflict', 'step_not_allowed', { from: current.step, to: step });
        }
        if (move.needsReason && !input.skipReason) throw invalid([{ path: 'skipReason', code: 'skip_reason_required', message: '', params: { skipped: move.skip } }]);
        const next = stepAfter(step as StepWithForm);
        await wq.insertStep(tx, { caseId: id, step, data: form.data, skipped: move.skip ?? [], skipReason: move.needsReason ? (input.skipReason ?? null) : null, recordedBy: actor.userId });
        // The initial assessment may re-grade the risk; the deadline follows the new level.
        const data = form.data as Record<string, unknown>;
        const risk = step === 'initial_assessment' ? String(data.riskLevel) : current.risk_level;
        await wq.moveCase(tx, id, { step: next, riskLevel: risk });
        await q.addEvent(tx, id, actor.userId, `step.${step}`, { skipped: move.skip ?? [], ...(move.needsReason ? { reason: input.skipReason } : {}) });
        await recordAudit(tx, ctx, { action: `case.step.${step}`, entity: 'case', entityId: id, before: { step: current.step, risk_level: current.risk_level }, after: { step: next, risk_level: risk }, meta: move.skip ? { skipped: move.skip, reason: input.skipReason } : undefined });
        if ((next === 'plan_approval' || next === 'closure') && current.supervisor_id) {
          await notify(tx, current.supervisor_id, next === 'plan_approval' ? 'plan_awaiting_approval' : 'closure_awaiting_approval', { number: current.case_number }, `/cases/${id}`);
        }
        return { step: next };
      });
    },

    /** A supervisor approves or returns the pending plan or closure. */
    async decide(actor: Actor, id: string, what: 'plan' | 'closure', input: DecisionInput, ctx: AuditContext) {
      if (!can(actor, P.approve)) throw new AppError('forbidden');
      await requireVisible(db, actor, id, ctx);
      const decision = DecisionInput.parse(input);
      return db.tx(async (tx) => {
        const current = await wq.lockCaseState(tx, id);
        const waiting = what === 'plan' ? 'plan_approval' : 'closure';
        if (current.step !== waiting || current.status !== 'open') throw new AppError('conflict', 'nothing_to_decide');
        const submitted = await wq.latestSubmission(tx, id, what === 'plan' ? 'case_plan' : 'closure');
        // Four eyes: whoever submitted the plan or closure cannot approve or return it.
        if (submitted.recorded_by === actor.userId) throw new AppError('forbidden', 'own_submission');
        const approved = decision.decision === 'approve';
        const nextStep = what === 'plan' ? (approved ? 'implementation' : 'case_plan') : approved ? 'closure' : 'follow_up';
        const nextStatus = what === 'closure' && approved ? 'closed' : 'open';
        await wq.recordDecision(tx, submitted.id, decision, actor.userId);
        await wq.moveCase(tx, id, { step: nextStep, status: nextStatus });
        await q.addEvent(tx, id, actor.userId, `${what}.${approved ? 'approved' : 'returned'}`, { comment: decision.comment });
        await recordAudit(tx, ctx, { action: `case.${what}_${approved ? 'approved' : 'returned'}`, entity: 'case', entityId: id, before: { step: current.step, status: current.status }, after: { step: nextStep, status: nextStatus }, meta: { comment: decision.comment } });
        // The request for a decision is answered: it stops looking unread in the bell.
        await settle(tx, `${what}_awaiting_approval`, `/cases/${id}`);
        if (current.caseworker_id) await notify(tx, current.caseworker_id, `${what}_${approved ? 'approved' : 'returned'}`, { number: current.case_number, comment: decision.comment }, `/cases/${id}`);
        return { step: nextStep, status: nextStatus };
      });
    },

    /** Reopens a closed case at the planning step; the history stays on the timeline. */
    async reopen(actor: Actor, id: string, reason: string, ctx: AuditContext) {
      if (!can(actor, P.approve)) throw new AppError('forbidden');
      await requireVisible(db, actor, id, ctx);
      return db.tx(async (tx) => {
        const current = await wq.lockCaseState(tx, id);
        if (current.status !== 'closed') throw new AppError('conflict', 'not_closed');
        await wq.moveCase(tx, id, { step: 'case_plan', status: 'open', initialAssessmentDue: initialAssessmentDue(current.risk_level as 'high', new Date()) });
        await q.addEvent(tx, id, actor.userId, 'reopened', { reason });
        await recordAudit(tx, ctx, { action: 'case.reopen', entity: 'case', entityId: id, before: { status: 'closed', step: current.step }, after: { status: 'open', step: 'case_plan' }, meta: { reason } });
        return { step: 'case_plan', status: 'open' };
      });
    },
  };
}

/**
 * What the reader may do next on a case, so the web app offers exactly what the API allows:
 * record steps (assigned workers), decide on a plan or closure (an approver who did not
 * submit it), reopen (an approver, once closed).
 */
export function flowActions(actor: Actor, c: { step: string; status: string; isWorker: boolean; pendingSubmitter: string | null }): string[] {
  const actions: string[] = [];
  if (can(actor, P.work) && c.isWorker) {
    actions.push('work');
    for (const m of MOVES.filter((m) => m.from === c.step)) {
      if ((m.to === 'post_closure') === (c.status === 'closed')) actions.push(`submit:${m.to}`);
    }
  }
  if (can(actor, P.approve) && c.status === 'open' && (c.step === 'plan_approval' || c.step === 'closure') && c.pendingSubmitter && c.pendingSubmitter !== actor.userId) {
    actions.push(c.step === 'plan_approval' ? 'decide:plan' : 'decide:closure');
  }
  if (can(actor, P.approve) && c.status === 'closed') actions.push('reopen');
  return actions;
}

export type Workflow = ReturnType<typeof createWorkflow>;
