import { describe, expect, it } from 'vitest';
import { Referral, Service } from '../../../shared/referrals.js';
import { presentReferral, presentService } from './presenter.js';
import type { ReferralRow } from './queries.js';

const referral: ReferralRow = {
  id: 'r1', case_id: 'c1', service_id: 's1', service_name: 'Psychosocial counselling', category: 'psychosocial', provider_id: 'p1', provider_name: 'KSOF', status: 'pending',
  reason: 'Needs counselling after a rescue', created_at: new Date('2026-11-20T04:00:00Z'), responded_at: null, response_reason: null, feedback: null,
  shared: { caseNumber: 'BD-5549-2026-000001', reason: 'Needs counselling after a rescue', consented: false, child: null, concerns: null, place: null, caseworker: null },
};

describe('referral presenter', () => {
  it('gives the provider the referral but not the case id', () => {
    expect(presentReferral(referral, 'provider', ['accept', 'decline']).caseId).toBeNull();
    expect(presentReferral(referral, 'case', []).caseId).toBe('c1');
    expect(Referral.parse(presentReferral(referral, 'provider', []))).toBeTruthy();
  });

  it('refuses to present a shared payload that does not match what a referral may carry', () => {
    expect(() => presentReferral({ ...referral, shared: { caseNumber: 'x', nid: '1990123456789' } }, 'provider', [])).toThrow();
  });

  it('presents a service in the API shape', () => {
    const s = presentService({ id: 's1', name_en: 'Counselling', name_local: 'কাউন্সেলিং', category: 'psychosocial', description: null, provider_id: 'p1', provider_name: 'KSOF',
      geo_code: '554952', place_name: 'Kurigram Sadar', contact_phone: null, contact_email: null });
    expect(Service.strict().parse(s)).toEqual(s);
  });
});
