import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness } from '../../testing/harness.js';

describe('family members and search by phone', () => {
  let h: Harness;
  const as: Record<string, Record<string, string>> = {};
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness();
    for (const u of ['kurigram.caseworker', 'kurigram.officer', 'ulipur.caseworker']) as[u] = (await signIn(h.app, u)).headers;
    caseId = (await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: as['kurigram.caseworker'], payload: {
      child: { names: [{ text: 'Ridoy Mia' }], sex: 'male', ageYears: 8, geoCode: '554952' }, concerns: ['family.separation'], riskLevel: 'high', source: 'helpline', reportedOn: '2026-11-20',
    } })).json().id;
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
