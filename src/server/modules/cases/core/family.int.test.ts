import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

describe('family members and search by phone', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'kurigram.officer', 'ulipur.caseworker']);
    caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['Ridoy Mia'], sex: 'male', ageYears: 8, concerns: ['family.separation'], riskLevel: 'high', source: 'helpline' });
  });
  afterAll(() => h?.close());

  it('records caregivers with contacts, and finds the case by their phone in either digit script', async () => {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/family`, headers: as['kurigram.caseworker'], payload: { name: 'Rokeya Begum', relationship: 'grandparent', phone: '+880 1712-345678', isCaregiver: true, livesWithChild: true } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({ name: 'Rokeya Begum', isCaregiver: true });
    for (const q of ['01712345678', '০১৭১২৩৪৫৬৭৮', '+8801712345678']) {
      const found = (await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(q)}`, headers: as['kurigram.officer'] })).json();
      expect(found.items.map((i: { id: string }) => i.id), q).toContain(caseId);
    }
    expect((await h.app.inject({ url: '/api/v1/cases?q=01712345678', headers: as['ulipur.caseworker'] })).json().total).toBe(0);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}/family`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
  });

  it('rejects a malformed phone number', async () => {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/family`, headers: as['kurigram.caseworker'], payload: { name: 'X', relationship: 'father', phone: 'call me' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('phone');
  });
});
