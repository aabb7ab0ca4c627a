import { z } from 'zod';

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

export type StepMove = { from: string; to: string; skip?: readonly string[]; needsReason?: boolean };

/**
 * The SOP's moves: from the case's current step, which step's form may be submitted next.
 * `skip` lists steps jumped over; such a move needs a reason. Submitting a case plan puts it
 * before the supervisor (plan_approval); submitting a closure asks the supervisor to approve
 * it; post-closure follow-up is for closed cases.
 */
export const MOVES: readonly StepMove[] = [
  { from: 'registration', to: 'initial_assessment' },
  // Emergency placement before assessment: the child is moved to safety first.
  { from: 'registration', to: 'implementation', skip: ['initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval'], needsReason: true },
  { from: 'initial_assessment', to: 'comprehensive_assessment' },
  // Low-risk, single-need cases may go straight to a plan.
  { from: 'initial_assessment', to: 'case_plan', skip: ['comprehensive_assessment'], needsReason: true },
  { from: 'comprehensive_assessment', to: 'case_plan' },
  // After an emergency placement the assessments are done in the placement.
  { from: 'implementation', to: 'comprehensive_assessment' },
  // A plan the supervisor returned is revised and submitted again.
  { from: 'case_plan', to: 'case_plan' },
  { from: 'implementation', to: 'follow_up' },
  { from: 'follow_up', to: 'follow_up' },
  { from: 'follow_up', to: 'implementation' },
  { from: 'follow_up', to: 'closure' },
  { from: 'closure', to: 'post_closure' },
  { from: 'post_closure', to: 'post_closure' },
];

export function findMove(from: string, to: string): StepMove | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

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
