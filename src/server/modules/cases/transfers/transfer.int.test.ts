import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

describe('case transfer between upazilas, with the receiver\'s acceptance', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  const id = async (table: 'users' | 'organisations', where: string) =>
    (await h.db.one<{ id: string }>(table === 'users' ? sql`SELECT id FROM users WHERE username = ${where}` : sql`SELECT id FROM organisations WHERE name_en = ${where}`)).id;
  const newCase = () => registerCase(h.app, as['kurigram.caseworker']!, { names: ['Mim Akter'], sex: 'female', ageYears: 11, concerns: ['family.separation'] });

  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'ulipur.caseworker', 'sunamganj.caseworker']);
  });
  afterAll(() => h?.close());

  it('moves the case only when the receiver accepts; the old team loses access; one timeline', async () => {
    const caseId = await newCase();
    const req = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/transfers`, headers: as['kurigram.caseworker'], payload: {
      toOrganisationId: await id('organisations', 'Upazila Social Services Office, Ulipur'), toUserId: await id('users', 'ulipur.caseworker'),
      newGeoCode: '554994', reason: 'The family moved to an Ulipur char after the flood',
    } });
    expect(req.statusCode, req.body).toBe(201);
    // Before acceptance nothing has moved.
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
    const inbox = (await h.app.inject({ url: '/api/v1/transfers', headers: as['ulipur.caseworker'] })).json().items;
    expect(inbox[0].shared).toMatchObject({ child: 'Mim Akter' });
    expect((await h.app.inject({ url: '/api/v1/transfers', headers: as['sunamganj.caseworker'] })).json().items).toHaveLength(0);
    // A second request while one waits is a conflict.
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/transfers`, headers: as['kurigram.caseworker'], payload: { toOrganisationId: await id('organisations', 'BRAC'), reason: 'Trying a second transfer at once' } })).statusCode).toBe(409);
    const accepted = await h.app.inject({ method: 'POST', url: `/api/v1/transfers/${inbox[0].id}/response`, headers: as['ulipur.caseworker'], payload: { action: 'accept' } });
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const file = (await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['ulipur.caseworker'] })).json();
    expect(file.caseworker.name).toBe('Md Rafiqul Islam');
    expect(file.place.code).toBe('554994');
    expect(file.timeline.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'transfer.requested', 'transfer.accepted']);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['kurigram.caseworker'] })).statusCode).toBe(404);
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'case.transfer_accept' AND entity_id = ${caseId}`)).toBeTruthy();
  });

  it('a declined transfer leaves the case where it was and tells the sender why', async () => {
    const caseId = await newCase();
    await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/transfers`, headers: as['kurigram.caseworker'], payload: {
      toOrganisationId: await id('organisations', 'Upazila Social Services Office, Ulipur'), toUserId: await id('users', 'ulipur.caseworker'), reason: 'Child said to be staying with an aunt in Ulipur',
    } });
    const t = (await h.app.inject({ url: '/api/v1/transfers', headers: as['ulipur.caseworker'] })).json().items[0];
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/transfers/${t.id}/response`, headers: as['ulipur.caseworker'], payload: { action: 'decline', reason: 'The aunt says the child never arrived here' } });
    expect(res.json()).toEqual({ status: 'declined' });
    const file = (await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['kurigram.caseworker'] })).json();
    expect(file.place.code).toBe('554952');
    const worker = await id('users', 'kurigram.caseworker');
    const note = await h.db.maybeOne<{ params: { reason: string } }>(sql`SELECT params FROM notifications WHERE user_id = ${worker} AND kind = 'transfer_declined'`);
    expect(note?.params.reason).toContain('never arrived');
  });
});
