import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import { caseActions, initialAssessmentDue, isSensitive, mayRegisterAt } from './policy.js';
import { flowActions } from './workflow/workflow.js';

const actor = (permissions: string[], scopeLevel: 0 | 1 | 2 | 3, scopeCode: string | null, userId = 'me'): Actor => ({
  userId, username: userId, organisationId: 'org', lang: 'en', via: 'session', bindings: [{ roleKey: 'r', permissions, scopeLevel, scopeCode }],
});
const kurigramSadar = { adm1: '55', adm2: '5549', adm3: '554952' };
const ulipur = { adm1: '55', adm2: '5549', adm3: '554994' };
const sunamganj = { adm1: '60', adm2: '6090', adm3: '609089' };

describe('case policy', () => {
  it('gives the initial assessment 24, 72 or 168 hours by risk', () => {
    const from = new Date('2026-11-20T06:00:00Z');
    expect(initialAssessmentDue('high', from).toISOString()).toBe('2026-11-21T06:00:00.000Z');
    expect(initialAssessmentDue('medium', from).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(initialAssessmentDue('low', from).toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });

  it('marks a case sensitive when any of its concerns is', () => {
    const sensitive = new Set(['violence.sexual', 'missing.trafficking']);
    expect(isSensitive(['violence.neglect', 'missing.trafficking'], sensitive)).toBe(true);
    expect(isSensitive(['violence.neglect'], sensitive)).toBe(false);
    expect(isSensitive([], sensitive)).toBe(false);
  });

  it('lets a worker register only inside the area of their cases.create grant', () => {
    const upazila = actor(['cases.create'], 3, '554952');
    expect(mayRegisterAt(upazila, kurigramSadar)).toBe(true);
    expect(mayRegisterAt(upazila, ulipur)).toBe(false);
    expect(mayRegisterAt(actor(['cases.create'], 0, null), sunamganj)).toBe(true);
    expect(mayRegisterAt(actor(['cases.read'], 0, null), sunamganj)).toBe(false);
  });

  it('offers assignment only where the actor may assign', () => {
    expect(caseActions(actor(['cases.assign'], 2, '5549'), ulipur)).toEqual(['assign']);
    expect(caseActions(actor(['cases.assign'], 2, '5549'), sunamganj)).toEqual([]);
  });
});

describe('next actions on a case (flowActions)', () => {
  const worker = actor(['cases.work'], 3, '554952');
  const supervisor = actor(['cases.approve', 'cases.work'], 3, '554952', 'sv');

  it('lets an assigned worker submit exactly the SOP moves from the current step', () => {
    expect(flowActions(worker, { step: 'registration', status: 'open', isWorker: true, pendingSubmitter: null })).toEqual(['work', 'submit:initial_assessment', 'submit:implementation']);
    expect(flowActions(worker, { step: 'registration', status: 'open', isWorker: false, pendingSubmitter: null })).toEqual([]);
  });

  it('lets an approver decide on a plan someone else submitted, never their own', () => {
    expect(flowActions(supervisor, { step: 'plan_approval', status: 'open', isWorker: false, pendingSubmitter: 'me' })).toEqual(['decide:plan']);
    expect(flowActions(supervisor, { step: 'plan_approval', status: 'open', isWorker: false, pendingSubmitter: 'sv' })).toEqual([]);
    expect(flowActions(supervisor, { step: 'closure', status: 'open', isWorker: false, pendingSubmitter: 'me' })).toEqual(['decide:closure']);
  });

  it('offers post-closure follow-up and reopening only on a closed case', () => {
    expect(flowActions(worker, { step: 'closure', status: 'closed', isWorker: true, pendingSubmitter: null })).toEqual(['work', 'submit:post_closure']);
    expect(flowActions(worker, { step: 'closure', status: 'open', isWorker: true, pendingSubmitter: null })).toEqual(['work']);
    expect(flowActions(supervisor, { step: 'closure', status: 'closed', isWorker: false, pendingSubmitter: null })).toEqual(['reopen']);
  });
});
