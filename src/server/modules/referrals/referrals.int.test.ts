import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../testing/harness.js';

describe('referrals and consent', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let caseId = '';
  const serviceId = async (name: string) => (await h.db.one<{ id: string }>(sql`SELECT id FROM services WHERE name_en = ${name}`)).id;

  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'kurigram.supervisor', 'alc.focal', 'ngo.caseworker', 'ulipur.caseworker']);
    caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['সজীব দাস', 'Sojib Das'], sex: 'male', ageYears: 12, disabilities: ['physical'], concerns: ['street.street_living'], riskLevel: 'high', source: 'helpline' });
  });
  afterAll(() => h?.close());

  const refer = (service: string, reason = 'Needs a prosthetic leg fitted, lost his leg in a road accident') =>
    serviceId(service).then((id) => h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/referrals`, headers: as['kurigram.caseworker'], payload: { serviceId: id, reason } }));
  const respond = (who: string, id: string, body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: `/api/v1/referrals/${id}/response`, headers: as[who], payload: body });
  const consent = (purpose: string) => h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/consents`, headers: as['kurigram.caseworker'], payload: { purpose, givenBy: 'guardian', giverName: 'Shefali Das', childAssent: true, givenOn: '2026-11-21' } });

  it('lists the service directory', async () => {
    const res = (await h.app.inject({ url: '/api/v1/services?category=disability', headers: as['kurigram.caseworker'] })).json();
    expect(res.items.map((s: { name: { en: string } }) => s.name.en)).toEqual(expect.arrayContaining(['Artificial limbs and assistive devices', 'Suborno Nagorik (disability identity) card']));
  });

  it('names services, providers and places in the reader\'s language, and renders notifications when they are read', async () => {
    const lang = (who: string, l: 'en' | 'bn') => h.app.inject({ method: 'PUT', url: '/api/v1/me/lang', headers: as[who], payload: { lang: l } });
    // kurigram.caseworker works in Bangla (the demo's choice).
    const bn = (await h.app.inject({ url: '/api/v1/services?category=social_allowance&place=554952', headers: as['kurigram.caseworker'] })).json().items[0];
    expect(bn.description).toBe('নিবন্ধিত প্রতিবন্ধী ব্যক্তিদের জন্য মাসিক ভাতা।');
    expect(bn.place.name).toMatch(/^কু/);
    const sent = await refer('Artificial limbs and assistive devices', 'Needs crutches after a fracture, family cannot pay');
    expect(sent.json().service.name).toBe('কৃত্রিম অঙ্গ ও সহায়ক উপকরণ');
    // The provider hears of it in their language of the moment, not the sender's: rendered when read.
    const text = async () => (await h.app.inject({ url: '/api/v1/notifications', headers: as['alc.focal'] })).json().items.find((n: { kind: string }) => n.kind === 'referral_received')?.text as string;
    await lang('alc.focal', 'en');
    expect(await text()).toContain('Artificial limbs and assistive devices');
    await lang('alc.focal', 'bn');
    expect(await text()).toContain('কৃত্রিম অঙ্গ ও সহায়ক উপকরণ');
    // Each back to their demo language.
    await lang('alc.focal', 'en');
  });

  it('without consent only the case number and reason reach the provider', async () => {
    const sent = await refer('Artificial limbs and assistive devices');
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().shared).toMatchObject({ consented: false, child: null, concerns: null });
    const inbox = (await h.app.inject({ url: '/api/v1/referrals?status=pending', headers: as['alc.focal'] })).json();
    const mine = inbox.items.find((r: { id: string }) => r.id === sent.json().id);
    expect(mine.caseId).toBeNull(); // the provider never gets the case file
    expect(mine.allowedActions).toEqual(['accept', 'decline']);
  });

  it('consent to refer alone carries the child\'s details, as the preview says; withdrawal stops them going with later referrals', async () => {
    const before = (await h.app.inject({ url: `/api/v1/cases/${caseId}/referral-preview`, headers: as['kurigram.caseworker'] })).json();
    expect(before).toMatchObject({ withheld: ['child', 'concerns', 'place'], because: 'no_referral_consent', shared: { child: null } });
    expect((await consent('referral')).statusCode).toBe(201);
    const preview = (await h.app.inject({ url: `/api/v1/cases/${caseId}/referral-preview`, headers: as['kurigram.caseworker'] })).json();
    expect(preview).toMatchObject({ withheld: [], because: null, shared: { consented: true, child: { names: ['সজীব দাস', 'Sojib Das'] } } });
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}/referral-preview`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
    const withConsent = (await refer('Artificial limbs and assistive devices')).json();
    expect(withConsent.shared.consented).toBe(true);
    expect(withConsent.shared.child.names).toEqual(['সজীব দাস', 'Sojib Das']);
    const consents = (await h.app.inject({ url: `/api/v1/cases/${caseId}/consents`, headers: as['kurigram.caseworker'] })).json().items;
    const sharing = consents.find((c: { purpose: string }) => c.purpose === 'referral');
    const withdrawn = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/consents/${sharing.id}/withdraw`, headers: as['kurigram.caseworker'], payload: { note: 'Guardian withdrew by phone' } });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().items.find((c: { id: string }) => c.id === sharing.id).active).toBe(false);
    const after = (await refer('Psychosocial counselling', 'Nightmares since the accident, needs counselling')).json();
    expect(after.shared).toMatchObject({ consented: false, child: null, concerns: null, place: null });
    // What was already sent stays as it was: withdrawal is not retroactive.
    const earlier = await h.db.one<{ shared: { consented: boolean } }>(sql`SELECT shared FROM referrals WHERE id = ${withConsent.id}`);
    expect(earlier.shared.consented).toBe(true);
  });

  it('a declined referral returns to the caseworker with its reason', async () => {
    const sent = (await refer('Artificial limbs and assistive devices')).json();
    expect((await respond('alc.focal', sent.id, { action: 'decline', reason: 'x' })).statusCode).toBe(422);
    const declined = await respond('alc.focal', sent.id, { action: 'decline', reason: 'Duplicate: already accepted under the first referral' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe('declined');
    const list = (await h.app.inject({ url: `/api/v1/cases/${caseId}/referrals`, headers: as['kurigram.caseworker'] })).json().items;
    expect(list.find((r: { id: string }) => r.id === sent.id)).toMatchObject({ status: 'declined', responseReason: 'Duplicate: already accepted under the first referral' });
    const worker = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'kurigram.caseworker'`);
    const note = await h.db.maybeOne<{ params: { reason: string } }>(sql`SELECT params FROM notifications WHERE user_id = ${worker.id} AND kind = 'referral_declined' ORDER BY created_at DESC LIMIT 1`);
    expect(note?.params.reason).toBe('Duplicate: already accepted under the first referral');
    const file = (await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['kurigram.caseworker'] })).json();
    expect(file.timeline.find((e: { kind: string }) => e.kind === 'referral.declined').data.reason).toContain('Duplicate');
    // Answering twice is a conflict, not an overwrite.
    expect((await respond('alc.focal', sent.id, { action: 'accept' })).statusCode).toBe(409);
  });

  it('a provider accepts and reports back; others cannot answer for them', async () => {
    const pending = (await h.app.inject({ url: '/api/v1/referrals?status=pending', headers: as['alc.focal'] })).json().items[0];
    expect((await respond('ngo.caseworker', pending.id, { action: 'accept' })).statusCode).toBe(404);
    expect((await respond('ulipur.caseworker', pending.id, { action: 'accept' })).statusCode).toBe(403);
    expect((await respond('alc.focal', pending.id, { action: 'accept' })).json().status).toBe('accepted');
    const done = await respond('alc.focal', pending.id, { action: 'complete', feedback: 'Below-knee prosthesis fitted on 2 December; review in six months.' });
    expect(done.json().status).toBe('completed');
    const audit = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'referral' AND entity_id = ${pending.id} ORDER BY seq`);
    // The NGO caseworker's attempt on a referral to another organisation is on record too.
    expect(audit.map((a) => a.action)).toEqual(['referral.create', 'access.denied_read', 'referral.accept', 'referral.complete']);
  });

  it('providers add their own services to the directory; others cannot', async () => {
    const alcOrg = (await h.db.one<{ id: string }>(sql`SELECT organisation_id AS id FROM users WHERE username = 'alc.focal'`)).id;
    const otherOrg = (await h.db.one<{ id: string }>(sql`SELECT id FROM organisations WHERE name_en = 'BRAC'`)).id;
    const body = { nameEn: 'Wheelchair fitting', category: 'disability', providerOrganisationId: alcOrg, contactPhone: '+880 2 9116090' };
    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/services', headers: as['alc.focal'], payload: body });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().provider.id).toBe(alcOrg);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/services', headers: as['alc.focal'], payload: { ...body, providerOrganisationId: otherOrg } })).statusCode).toBe(422);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/services', headers: as['kurigram.caseworker'], payload: body })).statusCode).toBe(403);
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'service.create'`)).toBeTruthy();
  });

  it('only people working on the case may refer it', async () => {
    const id = await serviceId('Psychosocial counselling');
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/referrals`, headers: as['ulipur.caseworker'], payload: { serviceId: id, reason: 'Trying to refer a case I cannot see' } })).statusCode).toBe(404);
  });

  it('lists only the services that reach the child, nearest first', async () => {
    const res = (await h.app.inject({ url: '/api/v1/services?place=554952', headers: as['kurigram.caseworker'] })).json();
    const names = res.items.map((s: { name: { en: string } }) => s.name.en);
    expect(names).not.toContain('Haor child protection outreach');
    expect(names).not.toContain('Emergency shelter and rehabilitation');
    const national = names.indexOf('Artificial limbs and assistive devices');
    for (const local of ['Psychosocial counselling', 'School re-enrolment support']) {
      expect(names.indexOf(local)).toBeGreaterThanOrEqual(0);
      expect(names.indexOf(local)).toBeLessThan(national);
    }
    expect(names.indexOf('Psychosocial counselling')).toBeLessThan(names.indexOf('School re-enrolment support'));
    expect((await h.app.inject({ url: '/api/v1/services?place=nowhere', headers: as['kurigram.caseworker'] })).statusCode).toBe(422);
  });

  it('withdraws a referral sent by mistake, with a reason, until the provider accepts', async () => {
    const sent = (await refer('Psychosocial counselling', 'Sent to the wrong service by mistake')).json();
    const listed = (await h.app.inject({ url: `/api/v1/cases/${caseId}/referrals`, headers: as['kurigram.caseworker'] })).json().items.find((r: { id: string }) => r.id === sent.id);
    expect(listed.allowedActions).toEqual(['withdraw']);
    const url = `/api/v1/cases/${caseId}/referrals/${sent.id}/withdraw`;
    expect((await h.app.inject({ method: 'POST', url, headers: as['kurigram.caseworker'], payload: { reason: 'x' } })).statusCode).toBe(422);
    expect((await h.app.inject({ method: 'POST', url, headers: as['ulipur.caseworker'], payload: { reason: 'Not my case at all, trying anyway' } })).statusCode).toBe(404);
    const withdrawn = await h.app.inject({ method: 'POST', url, headers: as['kurigram.caseworker'], payload: { reason: 'Sent to the wrong service by mistake' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('cancelled');
    expect((await h.app.inject({ method: 'POST', url, headers: as['kurigram.caseworker'], payload: { reason: 'Sent to the wrong service by mistake' } })).statusCode).toBe(409);
    const accepted = (await refer('Psychosocial counselling', 'Nightmares since the accident, needs counselling')).json();
    expect((await respond('ngo.caseworker', accepted.id, { action: 'accept' })).statusCode).toBe(200);
    const late = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/referrals/${accepted.id}/withdraw`, headers: as['kurigram.caseworker'], payload: { reason: 'Changed our mind after acceptance' } });
    expect(late.statusCode).toBe(409);
  });
});
