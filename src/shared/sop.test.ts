import { describe, expect, it } from 'vitest';
import { FORM_STEPS, MOVES, STEP_FORMS, findMove, stepAfter } from './sop.js';

/** Every step a case can be at: the form steps plus the ones only decisions move to. */
const STEPS = ['registration', ...FORM_STEPS, 'plan_approval'];

describe('the SOP as data', () => {
  it('only moves between known steps, to steps that have a form', () => {
    for (const m of MOVES) {
      expect(STEPS, `${m.from} -> ${m.to}`).toContain(m.from);
      expect(FORM_STEPS, `${m.from} -> ${m.to}`).toContain(m.to);
    }
  });

  it('asks a reason exactly for the moves that skip steps, and lists what they skip', () => {
    for (const m of MOVES) {
      expect(Boolean(m.needsReason), `${m.from} -> ${m.to}`).toBe(Boolean(m.skip?.length));
      for (const s of m.skip ?? []) expect(STEPS).toContain(s);
    }
  });

  it('reaches closure from registration along the usual path, with no skip', () => {
    const path = ['registration', 'initial_assessment', 'comprehensive_assessment', 'case_plan'];
    for (let i = 1; i < path.length; i++) expect(findMove(path[i - 1]!, path[i]!)?.skip).toBeUndefined();
    // A submitted plan waits for the supervisor; implementation follows approval (a decision, not a move).
    expect(stepAfter('case_plan')).toBe('plan_approval');
    expect(findMove('plan_approval', 'implementation')).toBeUndefined();
    expect(findMove('implementation', 'follow_up')).toBeDefined();
    expect(findMove('follow_up', 'closure')).toBeDefined();
    expect(stepAfter('closure')).toBe('closure');
  });

  it('allows an emergency placement before any assessment, with a reason', () => {
    expect(findMove('registration', 'implementation')).toMatchObject({ needsReason: true, skip: ['initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval'] });
  });

  it('refuses moves the SOP does not list', () => {
    expect(findMove('registration', 'closure')).toBeUndefined();
    expect(findMove('registration', 'case_plan')).toBeUndefined();
    expect(findMove('closure', 'implementation')).toBeUndefined();
    expect(findMove('post_closure', 'closure')).toBeUndefined();
  });

  it('validates each step form: a good form passes, an empty one names its fields', () => {
    expect(STEP_FORMS.initial_assessment.safeParse({ immediateSafety: 'at_risk', findings: 'Child works 12 hours a day at a brick kiln', riskLevel: 'high' }).success).toBe(true);
    const empty = STEP_FORMS.initial_assessment.safeParse({});
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.path[0]).sort()).toEqual(['findings', 'immediateSafety', 'riskLevel']);
    expect(STEP_FORMS.case_plan.safeParse({ goals: [{ need: 'school', goal: 'back in school', actions: [{ action: 'enrol', responsible: 'caseworker', due: '2026-02-30' }] }] }).success).toBe(false);
    expect(STEP_FORMS.closure.safeParse({ reason: 'goals_met', outcome: 'short' }).success).toBe(false);
  });
});
