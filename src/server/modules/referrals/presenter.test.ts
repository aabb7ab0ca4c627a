import { describe, expect, it } from 'vitest';
import { Referral, Service } from '../../../shared/referrals.js';
import { presentReferral, presentService } from './presenter.js';
import type { ReferralRow } from './queries.js';

const referral: ReferralRow = {
  id: 'r1', case_id: 'c1', service_id: 's1', service_name: 'Psychosocial counselling', service_name_local: 'মনোসামাজিক কাউন্সেলিং', category: 'psychosocial', provider_id: 'p1', provider_name: 'KSOF', provider_name_local: null, status: 'pending',
  reason: 'Needs counselling after a rescue', created_at: new Date('2026-11-20T04:00:00Z'), responded_at: null, response_reason: null, feedback: null,
  shared: { caseNumber: 'BD-5549-2026-000001', reason: 'Needs counselling after a rescue', consented: false, child: null, concerns: null, place: null, caseworker: null },
};

describe('referral presenter', () => {
  it('names the service in the reader\'s language', () => {
    expect(presentReferral(referral, 'case', [], 'bn').service.name).toBe('মনোসামাজিক কাউন্সেলিং');
    expect(presentReferral(referral, 'case', [], 'en').service.name).toBe('Psychosocial counselling');
  });

  it('gives the provider the referral but not the case id', () => {
    expect(presentReferral(referral, 'provider', ['accept', 'decline'], 'en').caseId).toBeNull();
    expect(presentReferral(referral, 'case', [], 'en').caseId).toBe('c1');
    expect(Referral.parse(presentReferral(referral, 'provider', [], 'en'))).toBeTruthy();
  });

  it('refuses to present a shared payload that does not match what a referral may carry', () => {
    expect(() => presentReferral({ ...referral, shared: { caseNumber: 'x', nid: '1990123456789' } }, 'provider', [], 'en')).toThrow();
  });

  it('presents a service in the API shape', () => {
    const s = presentService({ id: 's1', name_en: 'Counselling', name_local: 'কাউন্সেলিং', category: 'psychosocial', description: 'Counselling for children', description_local: 'শিশুদের কাউন্সেলিং',
      provider_id: 'p1', provider_name: 'KSOF', provider_name_local: null, geo_code: '554952', place_name: 'Kurigram Sadar', place_name_local: 'কুড়িগ্রাম সদর', contact_phone: null, contact_email: null }, 'bn');
    expect(Service.strict().parse(s)).toEqual(s);
    // A Bangla reader gets the Bangla description and place, and English where no Bangla form exists.
    expect(s.description).toBe('শিশুদের কাউন্সেলিং');
    expect(s.place.name).toBe('কুড়িগ্রাম সদর');
    expect(s.provider.name).toBe('KSOF');
  });
});
