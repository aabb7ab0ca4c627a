/** The SOP's order of steps as plain data (no schema), shared by the server's workflow and the web's next-step card. */
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
