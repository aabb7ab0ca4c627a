import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../testing/harness.js';

describe('helpline: referring the caller to a service in the directory', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  const upazila = '554952';
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['helpline.agent', 'helpline.supervisor', 'kurigram.caseworker']);
  });
  afterAll(() => h?.close());

  const draft = async () => (await h.app.inject({ method: 'PUT', url: `/api/v1/helpline/contacts/${crypto.randomUUID()}`, headers: as['helpline.agent'],
    payload: { callType: 'adult_about_child', urgency: 'medium', geoCode: upazila, categories: ['violence.physical'], child: { name: 'Sumi', ageYears: 12 } } })).json();
  const refer = (contactId: string, payload: Record<string, unknown>, who = 'helpline.agent') =>
    h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contactId}/referrals`, headers: as[who], payload });
  const list = (contactId: string, who = 'helpline.agent') => h.app.inject({ url: `/api/v1/helpline/contacts/${contactId}/referrals`, headers: as[who] });

  it('refers to a service near the child, once however often it is sent, audited, and sends the provider nothing', async () => {
    const contact = await draft();
    const near = (await h.app.inject({ url: `/api/v1/services?place=${upazila}`, headers: as['helpline.agent'] })).json().items;
    expect(near[0].place.code).toBe(upazila);
    const service = near[0];
    const before = await h.db.one<{ referrals: number; notes: number }>(sql`SELECT (SELECT count(*)::int FROM referrals) AS referrals, (SELECT count(*)::int FROM notifications) AS notes`);
    const first = await refer(contact.id, { serviceId: service.id, note: 'Ask for the counsellor on duty' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ service: { id: service.id, name: service.name }, note: 'Ask for the counsellor on duty', removable: true, referredBy: { name: 'Farzana Yasmin' } });
    const again = await refer(contact.id, { serviceId: service.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await list(contact.id)).json().items.map((r: { id: string }) => r.id)).toEqual([first.json().id]);
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'helpline_referral' AND entity_id = ${first.json().id}`);
    expect(audits.map((a) => a.action)).toEqual(['helpline.referral.create']);
    const after = await h.db.one<{ referrals: number; notes: number }>(sql`SELECT (SELECT count(*)::int FROM referrals) AS referrals, (SELECT count(*)::int FROM notifications) AS notes`);
    expect(after).toEqual(before);
  });

  it('refuses an unknown or closed service and a malformed body, and stores nothing', async () => {
    const contact = await draft();
    const unknown = await refer(contact.id, { serviceId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toMatchObject([{ path: 'serviceId', code: 'unknown_service' }]);
    const closed = await h.db.one<{ id: string }>(sql`INSERT INTO services (name_en, category, provider_organisation_id, is_active)
      SELECT 'Closed service', 'health', id, false FROM organisations LIMIT 1 RETURNING id`);
    expect((await refer(contact.id, { serviceId: closed.id })).statusCode).toBe(422);
    expect((await refer(contact.id, { serviceId: 'not-an-id' })).statusCode).toBe(422);
    expect((await list(contact.id)).json().items).toEqual([]);
  });

  it('lets only its maker take a referral back, only while the contact is open', async () => {
    const contact = await draft();
    const service = (await h.app.inject({ url: `/api/v1/services?place=${upazila}`, headers: as['helpline.agent'] })).json().items[0];
    const made = (await refer(contact.id, { serviceId: service.id })).json();
    // The supervisor reads it but may not take back the agent's referral.
    expect((await list(contact.id, 'helpline.supervisor')).json().items[0]).toMatchObject({ id: made.id, removable: false });
    const del = (who: string, id = made.id) => h.app.inject({ method: 'DELETE', url: `/api/v1/helpline/contacts/${contact.id}/referrals/${id}`, headers: as[who] });
    expect((await del('helpline.supervisor')).statusCode).toBe(403);
    // Someone outside the helpline cannot see the contact's referrals at all.
    expect((await list(contact.id, 'kurigram.caseworker')).statusCode).toBe(403);
    expect((await del('helpline.agent')).statusCode).toBe(200);
    expect((await list(contact.id)).json().items).toEqual([]);
    expect((await del('helpline.agent')).statusCode).toBe(404);
    // Once the contact is completed, its referrals are the record.
    const kept = (await refer(contact.id, { serviceId: service.id })).json();
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/complete`, headers: as['helpline.agent'], payload: { outcome: 'none' } })).statusCode).toBe(200);
    expect((await list(contact.id)).json().items[0]).toMatchObject({ id: kept.id, removable: false });
    expect((await del('helpline.agent', kept.id)).statusCode).toBe(409);
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'helpline_referral' AND entity_id = ${made.id} ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(['helpline.referral.create', 'helpline.referral.delete']);
  });
});
