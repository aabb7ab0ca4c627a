import { z } from 'zod';
export { MOVES, findMove, type StepMove } from './sop-moves.js';

/**
 * The national Child Protection Case Management SOP as data: each step's form, and the moves
 * between steps. A move not listed is refused; a listed skip needs a reason, which is kept.
 */
export const STEP_FORMS = {
  initial_assessment: z.object({
    immediateSafety: z.enum(['safe', 'at_risk', 'in_danger']),
    findings: z.string().trim().min(10).max(4000),
    riskLevel: z.enum(['high', 'medium', 'low']),
    emergencyPlacementNeeded: z.boolean().default(false),
  }),
  comprehensive_assessment: z.object({
    safety: z.string().trim().min(3).max(2000),
    health: z.string().trim().max(2000).default(''),
    education: z.string().trim().max(2000).default(''),
    family: z.string().trim().max(2000).default(''),
    psychosocial: z.string().trim().max(2000).default(''),
    strengths: z.string().trim().max(2000).default(''),
    needs: z.array(z.string().trim().min(2).max(300)).min(1).max(20),
  }),
  case_plan: z.object({
    goals: z.array(z.object({
      need: z.string().trim().min(2).max(300),
      goal: z.string().trim().min(2).max(500),
      actions: z.array(z.object({
        action: z.string().trim().min(2).max(500),
        responsible: z.string().trim().min(2).max(200),
        due: z.iso.date(),
      })).min(1).max(20),
    })).min(1).max(20),
  }),
  implementation: z.object({ note: z.string().trim().max(2000).default('') }),
  follow_up: z.object({
    kind: z.enum(['visit', 'review', 'case_conference']),
    date: z.iso.date(),
    notes: z.string().trim().min(3).max(4000),
    progress: z.enum(['on_track', 'some_progress', 'no_progress', 'worse']),
  }),
  closure: z.object({
    reason: z.enum(['goals_met', 'transferred', 'reached_18', 'moved_away', 'death', 'no_longer_needed', 'other']),
    outcome: z.string().trim().min(10).max(4000),
  }),
  post_closure: z.object({ date: z.iso.date(), notes: z.string().trim().min(3).max(4000) }),
} as const;

export type StepWithForm = keyof typeof STEP_FORMS;
export const FORM_STEPS = Object.keys(STEP_FORMS) as StepWithForm[];


export const StepInput = z.object({
  data: z.record(z.string(), z.unknown()),
  skipReason: z.string().trim().min(10).max(1000).optional(),
});
export type StepInput = z.infer<typeof StepInput>;

export const DecisionInput = z.object({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(2000).default(''),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ReopenInput = z.object({ reason: z.string().trim().min(10).max(1000) });

/** The step a case is at once a form is accepted. */
export function stepAfter(submitted: StepWithForm): string {
  return submitted === 'case_plan' ? 'plan_approval' : submitted;
}
