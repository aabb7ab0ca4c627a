import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../platform/audit/audit.js';
import { sql } from '../../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

const child = (names: string[], geoCode = '554952') => ({ names: names.map((text) => ({ text, kind: 'full' })), sex: 'male', ageYears: 12, geoCode });

describe('cases: registration, visibility and cross-script search', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'ulipur.caseworker', 'kurigram.supervisor', 'kurigram.officer', 'ngo.caseworker', 'national', 'sunamganj.caseworker']);
  });
  afterAll(() => h?.close());

  const register = (who: string, body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: '/api/v1/cases', payload: body, headers: as[who] });

  it('registers a case with a district-year number, a deadline by risk, and an audit row', async () => {
    const res = await register('kurigram.caseworker', { child: child(['মোহাম্মদ রফিক', 'Mohammad Rafiq']), concerns: ['violence.child_labour'], riskLevel: 'high', source: 'helpline', reportedOn: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.caseNumber).toMatch(/^BD-5549-\d{4}-\d{6}$/);
    expect(c.step).toBe('registration');
    expect(new Date(c.initialAssessmentDue).getTime() - new Date(c.registeredAt).getTime()).toBeCloseTo(24 * 3600_000, -5);
    expect(c.supervisor?.name).toBe('Md Habibur Rahman');
    expect(c.timeline[0].kind).toBe('registered');
    // Registration is one statement: the audit row carries the number PostgreSQL assigned, the
    // chain still verifies, and the supervisor has the high-risk alert.
    const audit = await h.db.one<{ diff: { case_number: { after: string } } }>(sql`SELECT diff FROM audit_log WHERE action = 'case.create' AND entity_id = ${c.id}`);
    expect(audit.diff.case_number.after).toBe(c.caseNumber);
    expect(await verifyAudit(h.db)).toMatchObject({ ok: true });
    const alert = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE u.username = 'kurigram.supervisor' AND n.kind = 'case_high_risk' AND n.params->>'number' = ${c.caseNumber} AND n.link = ${`/cases/${c.id}`}`);
    expect(alert.n).toBe(1);
  });

  it('numbers concurrent registrations in one district without gaps or repeats', async () => {
    const body = { child: child(['Rakib Hasan']), concerns: ['violence.child_labour'], riskLevel: 'low', source: 'outreach', reportedOn: '2026-11-20' };
    const made = await Promise.all(Array.from({ length: 12 }, () => register('kurigram.caseworker', body)));
    const numbers = made.map((r) => Number(r.json().caseNumber.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11]! - numbers[0]!).toBe(11);
    expect(await verifyAudit(h.db)).toMatchObject({ ok: true });
  });

  it('a caseworker of another upazila gets 404 for a Kurigram Sadar case, and the attempt is audited', async () => {
    const c = (await register('kurigram.caseworker', { child: child(['সুমি আক্তার']), concerns: ['violence.child_marriage'], riskLevel: 'medium', source: 'outreach', reportedOn: '2026-11-21' })).json();
    const res = await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['ulipur.caseworker'] });
    expect(res.statusCode).toBe(404);
    const ulipur = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'ulipur.caseworker'`);
    const row = await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'access.denied_read' AND entity_id = ${c.id} AND actor_user_id = ${ulipur.id}`);
    expect(row).toBeTruthy();
    // The same answer as for a case that does not exist: nothing confirms it is there.
    const missing = await h.app.inject({ url: '/api/v1/cases/00000000-0000-4000-8000-000000000000', headers: as['ulipur.caseworker'] });
    expect(missing.json()).toEqual(res.json());
    // Managers whose scope contains it see it, and the read is audited.
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['kurigram.officer'] })).statusCode).toBe(200);
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'case.read' AND entity_id = ${c.id}`)).toBeTruthy();
  });

  it('marks trafficking cases sensitive: invisible to unassigned people, even managers in scope', async () => {
    const c = (await register('kurigram.caseworker', { child: child(['মিম খাতুন']), concerns: ['missing.trafficking'], riskLevel: 'high', source: 'police', reportedOn: '2026-11-22' })).json();
    expect(c.sensitive).toBe(true);
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['kurigram.supervisor'] })).statusCode).toBe(200); // assigned supervisor
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['kurigram.officer'] })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['ngo.caseworker'] })).statusCode).toBe(404);
    const list = (await h.app.inject({ url: '/api/v1/cases?q=Mim Khatun', headers: as['kurigram.officer'] })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('break-glass: an officer opens a sensitive case with a reason; audited, on the timeline, supervisor notified', async () => {
    const c = (await register('kurigram.caseworker', { child: child(['শারমিন সুলতানা']), concerns: ['violence.sexual'], riskLevel: 'high', source: 'helpline', reportedOn: '2026-11-22' })).json();
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['kurigram.officer'] })).statusCode).toBe(404);
    const short = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/break-glass`, payload: { reason: 'urgent' }, headers: as['kurigram.officer'] });
    expect(short.statusCode).toBe(422);
    const reason = 'Police report the child is missing tonight; need family contacts';
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/break-glass`, payload: { reason }, headers: as['kurigram.officer'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toContain('break_glass');
    const audit = await h.db.one<{ diff: { _meta: { reason: string } } }>(sql`SELECT diff FROM audit_log WHERE action = 'case.break_glass' AND entity_id = ${c.id}`);
    expect(audit.diff._meta.reason).toBe(reason);
    const supervisor = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'kurigram.supervisor'`);
    const note = await h.db.maybeOne(sql`SELECT 1 AS x FROM notifications WHERE user_id = ${supervisor.id} AND kind = 'case_break_glass'`);
    expect(note).toBeTruthy();
    expect((await h.app.inject({ url: `/api/v1/cases/${c.id}`, headers: as['kurigram.officer'] })).statusCode).toBe(200);
    // Outside the officer's district, or without the permission, there is no glass to break.
    const sunamganj = (await h.app.inject({ url: '/api/v1/cases?limit=1', headers: as['sunamganj.caseworker'] })).json().items[0];
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/cases/${sunamganj.id}/break-glass`, payload: { reason }, headers: as['kurigram.officer'] })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/break-glass`, payload: { reason }, headers: as['ulipur.caseworker'] })).statusCode).toBe(403);
  });

  it('refuses a place outside the caller\'s area and unknown concerns with 422, writing nothing', async () => {
    const before = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`);
    const outside = await register('kurigram.caseworker', { child: child(['Rubel'], '609089'), concerns: ['violence.physical'], riskLevel: 'low', source: 'self', reportedOn: '2026-11-22' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details[0].path).toBe('child.geoCode');
    const unknown = await register('kurigram.caseworker', { child: child(['Rubel']), concerns: ['violence.unheard_of'], riskLevel: 'low', source: 'self', reportedOn: '2026-11-22' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0].message).toMatch(/[\u0980-\u09ff]/); // a Bangla user
    const noAge = await register('kurigram.caseworker', { child: { names: [{ text: 'Rubel' }], sex: 'male', geoCode: '554952' }, concerns: ['violence.physical'], riskLevel: 'low', source: 'self', reportedOn: '2026-11-22' });
    expect(noAge.statusCode).toBe(422);
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).n).toBe(before.n);
  });

  it.each([
    ['Mohammad Rafiq', 'মোহাম্মদ রফিক মিয়া'],
    ['Md Rafik', 'মোহাম্মদ রফিক মিয়া'],
    ['Muhammad Rofiq', 'মোহাম্মদ রফিক মিয়া'],
    ['মোঃ রফিক', 'Mohammad Rafiq Mia'],
    ['শাকিল আহমেদ', 'Shakil Ahmed'],
    ['Nusrat Jahan', 'নুসরাত জাহান'],
  ])('finds "%s" across scripts (the child registered as %s)', async (query, registeredAs) => {
    await register('kurigram.caseworker', { child: child([registeredAs]), concerns: ['violence.neglect'], riskLevel: 'low', source: 'outreach', reportedOn: '2026-11-23' });
    const res = await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(query)}`, headers: as['national'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    const top5 = body.items.slice(0, 5).flatMap((i: { child: { names: string[] } }) => i.child.names);
    expect(top5).toContain(registeredAs);
  });

  it('lists only what each caller may see', async () => {
    const sunamganj = (await h.app.inject({ url: '/api/v1/cases?limit=100', headers: as['sunamganj.caseworker'] })).json();
    expect(sunamganj.items.every((i: { place: { code: string } }) => i.place.code.startsWith('6090'))).toBe(true);
    const officer = (await h.app.inject({ url: '/api/v1/cases?limit=100', headers: as['kurigram.officer'] })).json();
    expect(officer.total).toBeGreaterThan(0);
    expect(officer.items.every((i: { caseNumber: string }) => i.caseNumber.startsWith('BD-5549-'))).toBe(true);
  });
});
