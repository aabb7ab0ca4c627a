import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../testing/harness.js';

describe('helpline: joining a contact to the child\'s existing case through the case service', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let child: { case_id: string; case_number: string; name: string; geo_code: string; age: number; sex: string };
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['helpline.agent', 'kurigram.caseworker']);
    // A Kurigram child with an open, not sensitive case from the demo.
    child = await h.db.one(sql`SELECT c.id AS case_id, c.case_number, p.display_name AS name, c.geo_code, date_part('year', age(p.date_of_birth))::int AS age, p.sex
      FROM cases c JOIN persons p ON p.id = c.child_id WHERE c.adm2_code = '5549' AND NOT c.sensitive AND c.status = 'open' AND p.date_of_birth IS NOT NULL ORDER BY c.case_number LIMIT 1`);
  });
  afterAll(() => h?.close());

  const draft = async (body: Record<string, unknown>) => (await h.app.inject({ method: 'PUT', url: `/api/v1/helpline/contacts/${crypto.randomUUID()}`, headers: as['helpline.agent'], payload: body })).json();

  it('offers the child\'s case first, with why it matched; the agent joins the contact to it without reading the case', async () => {
    const contact = await draft({ callType: 'child_self', urgency: 'high', geoCode: child.geo_code, categories: ['violence.physical'],
      child: { name: child.name, sex: child.sex, ageYears: child.age, ageEstimated: true } });
    const res = await h.app.inject({ url: `/api/v1/helpline/contacts/${contact.id}/matches`, headers: as['helpline.agent'] });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0]).toMatchObject({ caseId: child.case_id, caseNumber: child.case_number, childName: child.name });
    expect(items[0].reasons).toEqual(expect.arrayContaining(['name', 'upazila', 'age']));
    expect(items.map((i: { score: number }) => i.score)).toEqual([...items.map((i: { score: number }) => i.score)].sort((a, b) => b - a));
    // Who and where only: nothing of the case's content.
    expect(Object.keys(items[0]).sort()).toEqual(['ageYears', 'caseId', 'caseNumber', 'childName', 'placeName', 'reasons', 'reportedOn', 'score', 'sex', 'status']);
    // The agent cannot open the case itself.
    expect((await h.app.inject({ url: `/api/v1/cases/${child.case_id}`, headers: as['helpline.agent'] })).statusCode).toBe(404);
    const done = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/complete`, headers: as['helpline.agent'], payload: { outcome: 'link_case', caseId: child.case_id } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().case).toMatchObject({ id: child.case_id, number: child.case_number });
    // The case's timeline shows the contact, for the caseworker; both sides are audited.
    const events = await h.db.query<{ kind: string; data: { contact_id: string } }>(sql`SELECT kind, data FROM case_events WHERE case_id = ${child.case_id} AND kind = 'helpline_contact'`);
    expect(events.map((e) => e.data.contact_id)).toContain(contact.id);
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE action IN ('case.match_search', 'case.helpline_contact') AND (entity_id = ${child.case_id} OR entity_id IS NULL) ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['case.match_search', 'case.helpline_contact']));
  });

  it('finds the child from a name in the other script, and nothing from an empty name and no number', async () => {
    const latin = /[A-Za-z]/.test(child.name);
    const row = await h.db.one<{ names: Array<{ text: string }> }>(sql`SELECT p.names FROM cases c JOIN persons p ON p.id = c.child_id WHERE c.id = ${child.case_id}`);
    const other = row.names.map((n) => n.text).find((n) => /[A-Za-z]/.test(n) !== latin);
    if (other) {
      const contact = await draft({ callType: 'child_self', geoCode: child.geo_code, child: { name: other } });
      const { items } = (await h.app.inject({ url: `/api/v1/helpline/contacts/${contact.id}/matches`, headers: as['helpline.agent'] })).json();
      expect(items.map((i: { caseId: string }) => i.caseId)).toContain(child.case_id);
    }
    const blank = await draft({ callType: 'child_self', geoCode: child.geo_code });
    expect((await h.app.inject({ url: `/api/v1/helpline/contacts/${blank.id}/matches`, headers: as['helpline.agent'] })).json().items).toEqual([]);
  });

  it('refuses to join a case outside the agent\'s reach, and another\'s contact\'s matches', async () => {
    const contact = await draft({ callType: 'child_self', urgency: 'high', geoCode: child.geo_code, categories: ['violence.physical'], child: { name: child.name } });
    const missing = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/complete`, headers: as['helpline.agent'], payload: { outcome: 'link_case', caseId: crypto.randomUUID() } });
    expect(missing.statusCode).toBe(404);
    expect((await h.db.one<{ status: string }>(sql`SELECT status FROM helpline_contacts WHERE id = ${contact.id}`)).status).toBe('draft');
    expect((await h.app.inject({ url: `/api/v1/helpline/contacts/${contact.id}/matches`, headers: as['kurigram.caseworker'] })).statusCode).toBe(403);
  });
});
