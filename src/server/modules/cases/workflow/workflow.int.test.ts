import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

const FORMS = {
  initial_assessment: { immediateSafety: 'at_risk', findings: 'Works in a brick kiln, no school since March.', riskLevel: 'high' },
  comprehensive_assessment: { safety: 'Exposed to heat and heavy loads', health: 'Back pain', education: 'Dropped out in class 4', needs: ['Leave hazardous work', 'Return to school'] },
  case_plan: { goals: [{ need: 'Leave hazardous work', goal: 'Out of the kiln within a month', actions: [{ action: 'Meet employer with labour inspector', responsible: 'Caseworker', due: '2026-12-15' }] }] },
  implementation: { note: 'Referral to education support' },
  follow_up: { kind: 'visit', date: '2026-12-20', notes: 'Back in school, attending daily', progress: 'on_track' },
  closure: { reason: 'goals_met', outcome: 'Child in school and out of work for three months.' },
  post_closure: { date: '2027-03-01', notes: 'Still attending school.' },
};

describe('the SOP workflow', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'kurigram.supervisor', 'ulipur.caseworker']);
  });
  afterAll(() => h?.close());

  const newCase = () => registerCase(h.app, as['kurigram.caseworker']!, { names: ['রুবেল মিয়া', 'Rubel Mia'], sex: 'male', ageYears: 13, concerns: ['violence.child_labour'] });
  const step = (who: string, id: string, name: keyof typeof FORMS | string, data: Record<string, unknown>, skipReason?: string) =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/steps/${name}`, headers: as[who], payload: { data, ...(skipReason ? { skipReason } : {}) } });
  const decide = (who: string, id: string, what: 'plan' | 'closure', decision: 'approve' | 'return', comment = '') =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${what}-decision`, headers: as[who], payload: { decision, comment } });
  const read = async (who: string, id: string) => (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: as[who] })).json();

  it('runs a case from registration to closure and reopening, keeping every form and decision', async () => {
    const id = await newCase();
    expect((await read('kurigram.caseworker', id)).allowedActions).toContain('submit:initial_assessment');
    for (const s of ['initial_assessment', 'comprehensive_assessment', 'case_plan'] as const) {
      const res = await step('kurigram.caseworker', id, s, FORMS[s]);
      expect(res.statusCode, `${s}: ${res.body}`).toBe(200);
    }
    let c = await read('kurigram.supervisor', id);
    expect(c.step).toBe('plan_approval');
    expect(c.riskLevel).toBe('high'); // re-graded by the initial assessment
    expect(c.allowedActions).toContain('decide:plan');
    expect((await decide('kurigram.supervisor', id, 'plan', 'return', 'Add a school re-enrolment action')).statusCode).toBe(200);
    expect((await step('kurigram.caseworker', id, 'case_plan', FORMS.case_plan)).statusCode).toBe(200);
    expect((await decide('kurigram.supervisor', id, 'plan', 'approve')).json()).toEqual({ step: 'implementation', status: 'open' });
    expect((await step('kurigram.caseworker', id, 'follow_up', FORMS.follow_up)).statusCode).toBe(200);
    expect((await step('kurigram.caseworker', id, 'closure', FORMS.closure)).json()).toEqual({ step: 'closure' });
    expect((await decide('kurigram.supervisor', id, 'closure', 'approve')).json()).toEqual({ step: 'closure', status: 'closed' });
    expect((await step('kurigram.caseworker', id, 'post_closure', FORMS.post_closure)).statusCode).toBe(200);
    const reopened = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/reopen`, headers: as['kurigram.supervisor'], payload: { reason: 'Child back in the kiln, reported by teacher' } });
    expect(reopened.json()).toEqual({ step: 'case_plan', status: 'open' });
    c = await read('kurigram.caseworker', id);
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual(['post_closure', 'closure', 'follow_up', 'case_plan', 'case_plan', 'comprehensive_assessment', 'initial_assessment']);
    expect(c.steps.find((s: { decision: string | null }) => s.decision === 'return').decisionComment).toBe('Add a school re-enrolment action');
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toContain('reopened');
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['case.step.initial_assessment', 'case.plan_returned', 'case.plan_approved', 'case.closure_approved', 'case.reopen']));
  });

  it('settles the supervisor\'s "waiting for your approval" once the plan is decided', async () => {
    const id = await newCase();
    for (const s of ['initial_assessment', 'comprehensive_assessment', 'case_plan'] as const) expect((await step('kurigram.caseworker', id, s, FORMS[s])).statusCode).toBe(200);
    const waiting = async () => (await h.app.inject({ url: '/api/v1/notifications', headers: as['kurigram.supervisor'] })).json<{ items: Array<{ kind: string; link: string; read: boolean }> }>()
      .items.filter((n) => n.kind === 'plan_awaiting_approval' && n.link === `/cases/${id}`);
    expect((await waiting()).map((n) => n.read)).toEqual([false]);
    expect((await decide('kurigram.supervisor', id, 'plan', 'approve')).statusCode).toBe(200);
    expect((await waiting()).map((n) => n.read)).toEqual([true]);
  });

  it('refuses a skip without a reason, and records the reason when given', async () => {
    const id = await newCase();
    const refused = await step('kurigram.caseworker', id, 'implementation', { note: 'Emergency placement at ICRC' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'skipReason', code: 'skip_reason_required' });
    expect((await read('kurigram.caseworker', id)).step).toBe('registration');
    const ok = await step('kurigram.caseworker', id, 'implementation', { note: 'Emergency placement at ICRC' }, 'Child found on the street at night: placed first, assessed after');
    expect(ok.statusCode).toBe(200);
    const c = await read('kurigram.caseworker', id);
    expect(c.steps[0]).toMatchObject({ step: 'implementation', skipReason: 'Child found on the street at night: placed first, assessed after' });
    expect(c.steps[0].skipped).toEqual(['initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval']);
    // Moves the SOP does not list are refused outright.
    expect((await step('kurigram.caseworker', id, 'closure', FORMS.closure)).statusCode).toBe(409);
  });

  it('validates each step form and answers in the worker\'s language', async () => {
    const id = await newCase();
    const res = await step('kurigram.caseworker', id, 'initial_assessment', { immediateSafety: 'maybe', findings: 'x' });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['data.findings', 'data.immediateSafety', 'data.riskLevel']);
    expect(res.json().error.details[0].message).toMatch(/[\u0980-\u09ff]/);
  });

  it('a caseworker cannot approve a plan, and a supervisor cannot approve their own', async () => {
    const id = await newCase();
    for (const s of ['initial_assessment', 'comprehensive_assessment'] as const) await step('kurigram.caseworker', id, s, FORMS[s]);
    expect((await step('kurigram.caseworker', id, 'case_plan', FORMS.case_plan)).statusCode).toBe(200);
    expect((await decide('kurigram.caseworker', id, 'plan', 'approve')).statusCode).toBe(403);
    // The supervisor revises and resubmits the plan after returning it: now it is theirs.
    expect((await decide('kurigram.supervisor', id, 'plan', 'return', 'Too vague')).statusCode).toBe(200);
    expect((await step('kurigram.supervisor', id, 'case_plan', FORMS.case_plan)).statusCode).toBe(200);
    const own = await decide('kurigram.supervisor', id, 'plan', 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/[\u0980-\u09ff]/);
    expect((await read('kurigram.supervisor', id)).allowedActions).not.toContain('decide:plan');
  });

  it('people not assigned cannot record steps, and others cannot even see the case', async () => {
    const id = await newCase();
    expect((await step('ulipur.caseworker', id, 'initial_assessment', FORMS.initial_assessment)).statusCode).toBe(404);
  });
});
