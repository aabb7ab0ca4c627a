import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../testing/harness.js';
import { DSS_PROGRAMMES } from './seed.js';

type Facility = { id: string; name: string; type: string; seats: number; occupancy: number };
type Placement = { id: string; facility: { id: string }; child: { name: string; dateOfBirth: string }; alerts: Array<{ rule: string; dueOn: string }>; endedOn: string | null; endReason: string | null };

describe('institutions: facilities, placements and their deadlines', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let babyHome: Facility;
  let shishuParibar: Facility;
  const get = <T>(who: string, url: string) => h.app.inject({ url, headers: as[who] }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
  const post = (who: string, url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: as[who], payload: payload as object });
  const facility = (id: string) => get<Facility>('babyhome.manager', `/api/v1/facilities/${id}`).then((r) => r.body);
  const today = () => new Date().toISOString().slice(0, 10);

  /** A case in Kurigram Sadar referred by its caseworker to the Rajshahi baby home's residential care. */
  async function referredCase(names: string[], concerns = ['family.separation'], sex = 'male'): Promise<{ caseId: string; referralId: string }> {
    const caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names, sex, ageYears: 6, concerns });
    const service = await h.db.one<{ id: string }>(sql`SELECT id FROM services WHERE name_en = 'Residential care for children under 7'`);
    const sent = await post('kurigram.caseworker', `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, reason: 'Abandoned at the market, no family found after tracing' });
    expect(sent.statusCode, sent.body).toBe(201);
    return { caseId, referralId: sent.json<{ id: string }>().id };
  }

  beforeAll(async () => {
    h = await startHarness({ env: { NCPP_CLOCK_CONTROL: '1' } });
    as = await signInAll(h.app, ['babyhome.manager', 'institution.manager', 'kurigram.caseworker', 'kurigram.officer', 'national']);
    const mine = (await get<{ items: Facility[] }>('babyhome.manager', '/api/v1/institutions/mine')).body.items;
    babyHome = mine[0]!;
    shishuParibar = (await get<{ items: Facility[] }>('institution.manager', '/api/v1/institutions/mine')).body.items[0]!;
  });
  afterAll(async () => {
    h?.services.clock.set(null);
    await h?.close();
  });

  it('seeds every DSS programme at its real size, and counts occupancy from the open placements', async () => {
    const all = (await get<{ items: Facility[] }>('kurigram.caseworker', '/api/v1/facilities?limit=500')).body.items;
    for (const p of DSS_PROGRAMMES) {
      const of = all.filter((f) => f.type === p.type);
      expect(of.length, p.type).toBe(p.count);
      expect(of.reduce((n, f) => n + f.seats, 0), p.type).toBe(p.seats);
    }
    const open = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM placements WHERE facility_id = ${babyHome.id} AND ended_on IS NULL`);
    expect(babyHome.occupancy).toBe(open.n);
    expect(babyHome.type).toBe('baby_home');
    expect(shishuParibar.type).toBe('shishu_paribar');
  });

  it('answers seats and occupancy by district from the open placements, with no personal data', async () => {
    const areas = (await get<{ items: Array<{ code: string; facilities: number; seats: number; occupancy: number }> }>('kurigram.caseworker', '/api/v1/facilities/occupancy')).body.items;
    const totals = await h.db.one<{ seats: number; open: number; facilities: number }>(sql`SELECT (SELECT sum(seats)::int FROM facilities) AS seats,
      (SELECT count(*)::int FROM placements WHERE ended_on IS NULL) AS open, (SELECT count(*)::int FROM facilities) AS facilities`);
    expect(areas.reduce((n, a) => n + a.seats, 0)).toBe(totals.seats);
    expect(areas.reduce((n, a) => n + a.occupancy, 0)).toBe(totals.open);
    expect(areas.reduce((n, a) => n + a.facilities, 0)).toBe(totals.facilities);
    expect(Object.keys(areas[0]!).sort()).toEqual(['code', 'facilities', 'occupancy', 'seats']);
    const babyHomes = (await get<{ items: Array<{ seats: number }> }>('kurigram.caseworker', '/api/v1/facilities/occupancy?type=baby_home')).body.items;
    expect(babyHomes.reduce((n, a) => n + a.seats, 0)).toBe(600);
  });

  it('admits the child of a referred case, from the referral, onto the case timeline; a second admission is refused', async () => {
    const { caseId, referralId } = await referredCase(['রাকিব হাসান', 'Rakib Hasan']);
    const before = (await facility(babyHome.id)).occupancy;
    const res = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: today() });
    expect(res.statusCode, res.body).toBe(201);
    expect((await facility(babyHome.id)).occupancy).toBe(before + 1);
    const file = (await get<{ timeline: Array<{ kind: string }> }>('kurigram.caseworker', `/api/v1/cases/${caseId}`)).body;
    expect(file.timeline.map((e) => e.kind)).toContain('institution_admitted');
    const audit = await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'placement.admit' AND entity_id = ${res.json<{ id: string }>().id}`);
    expect(audit).toBeTruthy();
    const again = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: today() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already in a facility/);
  });

  it('refuses a case the manager neither sees nor was referred, and a facility that is not theirs', async () => {
    const caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['সুমি আক্তার', 'Sumi Akter'], sex: 'female', ageYears: 5 });
    const byCase = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, caseId, basis: 'case', admittedOn: today() });
    expect(byCase.statusCode).toBe(403);
    const { referralId } = await referredCase(['মিম', 'Mim'], ['family.separation'], 'female');
    const elsewhere = await post('babyhome.manager', '/api/v1/placements', { facilityId: shishuParibar.id, referralId, basis: 'case', admittedOn: today() });
    expect(elsewhere.statusCode).toBe(403);
    const wrongOrg = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, referralId, basis: 'case', admittedOn: today() });
    expect(wrongOrg.statusCode).toBe(404);
  });

  it('takes a child over the seats only with a recorded reason', async () => {
    const { referralId } = await referredCase(['তানিয়া', 'Tania'], ['family.separation'], 'female');
    const occupancy = (await facility(babyHome.id)).occupancy;
    await h.db.query(sql`UPDATE facilities SET seats = ${occupancy} WHERE id = ${babyHome.id}`);
    try {
      const refused = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: today() });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details.map((d: { code: string }) => d.code)).toContain('over_capacity');
      const taken = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: today(), overrideReason: 'Found at night by police; no other baby home can take her tonight' });
      expect(taken.statusCode, taken.body).toBe(201);
      expect(taken.json().overrideReason).toMatch(/police/);
    } finally {
      await h.db.query(sql`UPDATE facilities SET seats = 100 WHERE id = ${babyHome.id}`);
    }
  });

  it('hides a sensitive case\'s child from a facility list to those who may not see the case, and still counts the seat', async () => {
    const { referralId } = await referredCase(['শিমুল', 'Shimul'], ['missing.trafficking']);
    const before = (await facility(babyHome.id)).occupancy;
    const res = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: today() });
    expect(res.statusCode, res.body).toBe(201);
    expect((await facility(babyHome.id)).occupancy).toBe(before + 1);
    const names = (await get<{ items: Placement[] }>('babyhome.manager', `/api/v1/facilities/${babyHome.id}/residents`)).body.items.map((p) => p.child.name);
    expect(names).not.toContain('শিমুল');
    expect(names).toContain('রাকিব হাসান');
  });

  it('shows a facility manager only their own facility\'s residents', async () => {
    const other = await get<unknown>('babyhome.manager', `/api/v1/facilities/${shishuParibar.id}/residents`);
    expect(other.status).toBe(404);
    const own = await get<{ items: Placement[] }>('institution.manager', `/api/v1/facilities/${shishuParibar.id}/residents`);
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(50);
    const refused = await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'access.denied_read' AND entity_id = ${shishuParibar.id}`);
    expect(refused).toBeTruthy();
  });

  it('raises the baby-home alert when the clock reaches the child\'s 7th birthday, then a transfer to a Shishu Paribar resolves it', async () => {
    const residents = async (who: string, id: string) => (await get<{ items: Placement[] }>(who, `/api/v1/facilities/${id}/residents`)).body.items;
    const rakib = (await residents('babyhome.manager', babyHome.id)).find((p) => p.child.name === 'রাকিব হাসান')!;
    expect(rakib.alerts).toEqual([]);
    const [y, m, d] = rakib.child.dateOfBirth.split('-').map(Number) as [number, number, number];
    const birthday = `${y + 7}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const moved = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/clock', headers: as.national, payload: { at: `${birthday}T06:00:00Z` } });
    expect(moved.statusCode, moved.body).toBe(200);
    const due = (await residents('babyhome.manager', babyHome.id)).find((p) => p.id === rakib.id)!;
    expect(due.alerts).toEqual([expect.objectContaining({ rule: 'plan_before_7', dueOn: birthday })]);
    const bell = (await get<{ items: Array<{ kind: string; text: string }> }>('babyhome.manager', '/api/v1/notifications')).body.items;
    expect(bell.some((n) => n.kind === 'institution_plan_before_7')).toBe(true);

    const spBefore = (await facility(shishuParibar.id)).occupancy;
    const bhBefore = (await facility(babyHome.id)).occupancy;
    const transfer = await post('babyhome.manager', `/api/v1/placements/${rakib.id}/transfer`, { toFacilityId: shishuParibar.id, on: birthday, reason: 'Turned 7: the Shishu Paribar in his home district takes him' });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect((await facility(shishuParibar.id)).occupancy).toBe(spBefore + 1);
    expect((await facility(babyHome.id)).occupancy).toBe(bhBefore - 1);
    const old = await h.db.one<{ end_reason: string; open_alerts: number }>(sql`SELECT end_reason, (SELECT count(*)::int FROM placement_alerts WHERE placement_id = p.id AND resolved_at IS NULL) AS open_alerts FROM placements p WHERE id = ${rakib.id}`);
    expect(old).toEqual({ end_reason: 'transfer', open_alerts: 0 });
    const there = (await residents('institution.manager', shishuParibar.id)).find((p) => p.child.name === 'রাকিব হাসান');
    expect(there?.alerts).toEqual([]);
  });

  it('raises a deadline already due at admission: a baby-home child admitted a month before turning 7', async () => {
    const { referralId } = await referredCase(['সাকিব', 'Sakib']);
    const dob = (await h.db.one<{ dob: string }>(sql`SELECT to_char(pe.date_of_birth, 'YYYY-MM-DD') AS dob FROM referrals r JOIN cases c ON c.id = r.case_id JOIN persons pe ON pe.id = c.child_id WHERE r.id = ${referralId}`)).dob;
    const seventh = `${Number(dob.slice(0, 4)) + 7}${dob.slice(4)}`;
    const monthBefore = new Date(Date.parse(`${seventh}T06:00:00Z`) - 30 * 86_400_000);
    h.services.clock.set(monthBefore);
    try {
      const res = await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: monthBefore.toISOString().slice(0, 10) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().alerts).toEqual([expect.objectContaining({ rule: 'plan_before_7', dueOn: seventh })]);
    } finally {
      h.services.clock.set(null);
    }
  });

  it('discharges with a reason, onto the case timeline; a discharge before admission or twice is refused', async () => {
    const { caseId, referralId } = await referredCase(['নয়ন', 'Noyon']);
    const admitted = (await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: '2026-12-01' })).json<{ id: string }>();
    const early = await post('babyhome.manager', `/api/v1/placements/${admitted.id}/discharge`, { reason: 'family_reunification', on: '2026-11-01' });
    expect(early.statusCode).toBe(422);
    const done = await post('babyhome.manager', `/api/v1/placements/${admitted.id}/discharge`, { reason: 'family_reunification', on: '2026-12-05' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ endReason: 'family_reunification', endedOn: '2026-12-05' });
    expect((await post('babyhome.manager', `/api/v1/placements/${admitted.id}/discharge`, { reason: 'absconded', on: '2026-12-05' })).statusCode).toBe(409);
    const file = (await get<{ timeline: Array<{ kind: string }> }>('kurigram.caseworker', `/api/v1/cases/${caseId}`)).body;
    expect(file.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['institution_admitted', 'institution_discharged']));
    const ofCase = (await get<{ items: Placement[] }>('kurigram.caseworker', `/api/v1/cases/${caseId}/placements`)).body.items;
    expect(ofCase).toHaveLength(1);
  });

  it('admits a child who arrives with no case, opening the case through the case service for the local team; refuses what cannot stand', async () => {
    const sp = await get<{ sexServed: string; occupancy: number }>('institution.manager', `/api/v1/facilities/${shishuParibar.id}`);
    const sex = sp.body.sexServed === 'any' ? 'female' : sp.body.sexServed;
    const child = { name: 'মোছাঃ লাকী খাতুন', sex, ageYears: 9, concerns: ['family.separation'], summary: 'Left at the gate at night; says her mother works in Dhaka' };
    const noRef = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, child, basis: 'police_order', admittedOn: today() });
    expect(noRef.statusCode).toBe(422);
    expect(JSON.stringify(noRef.json())).toContain('orderReference');
    const onCase = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, child, basis: 'case', admittedOn: today() });
    expect(onCase.statusCode).toBe(422);
    const badConcern = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, child: { ...child, concerns: ['no.such'] }, basis: 'emergency', admittedOn: today() });
    expect(badConcern.statusCode).toBe(422);
    expect(badConcern.json().error.details.map((d: { path: string }) => d.path)).toEqual(['child.concerns.0']);
    const cases = async () => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).n;
    const casesBefore = await cases();
    // Nothing half-written: a refused admission opened no case.
    const past18 = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, child: { ...child, ageYears: 19 }, basis: 'emergency', admittedOn: today() });
    expect(past18.statusCode).toBe(422);
    expect(await cases()).toBe(casesBefore);

    const res = await post('institution.manager', '/api/v1/placements', { facilityId: shishuParibar.id, child, basis: 'emergency', admittedOn: today() });
    expect(res.statusCode, res.body).toBe(201);
    const placement = res.json<{ id: string; case: { id: string; number: string }; child: { name: string } }>();
    expect(placement.child.name).toBe('মোছাঃ লাকী খাতুন');
    // A Shishu Paribar stay begins in its first phase, on the day of admission.
    expect(res.json().phases).toEqual([{ key: 'housing_health', name: 'আবাসন ও স্বাস্থ্য', startedOn: today() }]);

    const phase = (body: unknown) => post('institution.manager', `/api/v1/placements/${placement.id}/phase`, body);
    expect((await phase({ phase: 'housing_health', startedOn: today() })).json().error.details[0].code).toBe('phase_not_later');
    expect((await phase({ phase: 'sports', startedOn: today() })).json().error.details[0].code).toBe('unknown_phase');
    expect((await phase({ phase: 'education', startedOn: '2020-01-01' })).json().error.details[0].code).toBe('before_admission');
    const moved = await phase({ phase: 'vocational', startedOn: today() });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().phases.map((p: { key: string }) => p.key)).toEqual(['housing_health', 'vocational']);
    // Never back over a phase, even one skipped.
    expect((await phase({ phase: 'education', startedOn: today() })).json().error.details[0].code).toBe('phase_not_later');
    expect((await facility(shishuParibar.id)).occupancy).toBe(sp.body.occupancy + 1);
    const opened = await h.db.one<{ source: string; risk_level: string; adm3_code: string; caseworker: string | null; created_by: string }>(sql`SELECT c.source, c.risk_level, c.adm3_code,
      (SELECT u.username FROM users u WHERE u.id = c.caseworker_id) AS caseworker,
      (SELECT u.username FROM users u WHERE u.id = c.created_by) AS created_by FROM cases c WHERE c.id = ${placement.case.id}`);
    expect(opened).toMatchObject({ source: 'institution', risk_level: 'high', created_by: 'institution.manager' });
    expect(opened.caseworker).not.toBeNull();
    const file = await get<{ timeline: Array<{ kind: string }> }>('national', `/api/v1/cases/${placement.case.id}`);
    expect(file.body.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['registered', 'institution_admitted', 'institution_phase']));
    const audit = await h.db.one<{ diff: { case_opened: { after: boolean } } }>(sql`SELECT diff FROM audit_log WHERE action = 'placement.admit' AND entity_id = ${placement.id}`);
    expect(audit.diff.case_opened.after).toBe(true);
  });

  it('schedules follow-up visits after a discharge home, records a visit on the case timeline, and alerts once when one is overdue', async () => {
    type Item = { id: string; dueOn: string; visitedOn: string | null; overdue: boolean; child: { name: string }; case: { id: string } | null };
    const list = async (who: string, status = 'due') => get<{ items: Item[] }>(who, `/api/v1/facilities/${babyHome.id}/follow-ups?status=${status}`);
    const noyon = (await list('babyhome.manager')).body.items.filter((f) => f.child.name === 'নয়ন');
    // Discharged home on 5 December: visits 1, 3, 6 and 12 months on (the country's schedule).
    expect(noyon.map((f) => f.dueOn)).toEqual(['2027-01-05', '2027-03-05', '2027-06-05', '2027-12-05']);
    expect(noyon.every((f) => !f.overdue && f.visitedOn === null)).toBe(true);
    expect((await list('institution.manager')).status).toBe(404);

    const visit = (id: string, body: unknown) => post('babyhome.manager', `/api/v1/follow-ups/${id}/visit`, body);
    expect((await visit(noyon[0]!.id, { visitedOn: '2026-12-01', outcome: 'settled' })).statusCode).toBe(422);
    const done = await visit(noyon[0]!.id, { visitedOn: '2026-12-06', outcome: 'needs_support', note: 'Mother back from Dhaka; school fees unpaid' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ visitedOn: '2026-12-06', outcome: 'needs_support', overdue: false });
    expect((await visit(noyon[0]!.id, { visitedOn: '2026-12-06', outcome: 'settled' })).statusCode).toBe(409);
    const file = (await get<{ timeline: Array<{ kind: string; data: { outcome?: string } }> }>('kurigram.caseworker', `/api/v1/cases/${noyon[0]!.case!.id}`)).body;
    expect(file.timeline.find((e) => e.kind === 'reintegration_visit')?.data.outcome).toBe('needs_support');
    expect((await list('babyhome.manager')).body.items.filter((f) => f.child.name === 'নয়ন')).toHaveLength(3);

    const overdueBells = async () => (await get<{ items: Array<{ kind: string }> }>('babyhome.manager', '/api/v1/notifications')).body.items.filter((n) => n.kind === 'institution_followup_overdue').length;
    const before = await overdueBells();
    try {
      for (let i = 0; i < 2; i++) {
        const moved = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/clock', headers: as.national, payload: { at: '2027-03-10T06:00:00Z' } });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      const due = (await list('babyhome.manager')).body.items.filter((f) => f.child.name === 'নয়ন');
      expect(due.map((f) => [f.dueOn, f.overdue])).toEqual([['2027-03-05', true], ['2027-06-05', false], ['2027-12-05', false]]);
      // Told once, however often the sweep runs.
      expect(await overdueBells()).toBeGreaterThanOrEqual(before + 1);
      const told = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM placement_followups WHERE id = ${due[0]!.id} AND overdue_alerted_at IS NOT NULL`);
      expect(told.n).toBe(1);
      const afterFirst = await overdueBells();
      await h.app.inject({ method: 'PUT', url: '/api/v1/admin/clock', headers: as.national, payload: { at: '2027-03-11T06:00:00Z' } });
      expect(await overdueBells()).toBe(afterFirst);
    } finally {
      h.services.clock.set(null);
    }
  });

  it('schedules no follow-up after an abscondment', async () => {
    const { referralId } = await referredCase(['জুয়েল', 'Jewel']);
    const admitted = (await post('babyhome.manager', '/api/v1/placements', { facilityId: babyHome.id, referralId, basis: 'case', admittedOn: '2026-12-01' })).json<{ id: string }>();
    const gone = await post('babyhome.manager', `/api/v1/placements/${admitted.id}/discharge`, { reason: 'absconded', on: '2026-12-03' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().followUps).toEqual([]);
  });

  it('lets the district office register and correct facilities in its own area, audited; never fewer seats than children', async () => {
    const ngo = await h.db.one<{ id: string }>(sql`SELECT id FROM organisations WHERE type = 'local_ngo' AND is_active ORDER BY name_en LIMIT 1`);
    const elsewhere = await h.db.one<{ code: string }>(sql`SELECT code FROM geo_units WHERE level = 3 AND adm2_code <> '5549' ORDER BY code LIMIT 1`);
    const input = { type: 'ngo_orphanage', nameEn: 'Chilmari Children Home', nameLocal: 'চিলমারী শিশু নিবাস', operatorId: ngo.id, geoCode: '554952', sexServed: 'any', ageMin: 6, ageMax: 17, seats: 40,
      services: ['Schooling', 'Counselling'], licenceStatus: 'licensed', licenceExpiresOn: '2028-06-30' };
    expect((await post('institution.manager', '/api/v1/facilities', input)).statusCode).toBe(403);
    const outside = await post('kurigram.officer', '/api/v1/facilities', { ...input, geoCode: elsewhere.code });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual(['geoCode:outside_area']);
    const badType = await post('kurigram.officer', '/api/v1/facilities', { ...input, type: 'prison' });
    expect(badType.json().error.details.map((d: { path: string }) => d.path)).toEqual(['type']);
    const ages = await post('kurigram.officer', '/api/v1/facilities', { ...input, ageMin: 12, ageMax: 6 });
    expect(ages.statusCode).toBe(422);

    const made = await post('kurigram.officer', '/api/v1/facilities', input);
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<{ id: string; occupancy: number; allowedActions: string[]; staffOrganisation: { id: string } }>();
    expect(created).toMatchObject({ occupancy: 0, allowedActions: expect.arrayContaining(['manage']), staffOrganisation: { id: ngo.id } });
    const listed = (await get<{ items: Facility[] }>('kurigram.caseworker', '/api/v1/facilities?q=Chilmari%20Children')).body.items;
    expect(listed.map((f) => f.id)).toEqual([created.id]);
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'facility.create' AND entity_id = ${created.id}`)).toBeTruthy();

    const put = (who: string, id: string, body: unknown) => h.app.inject({ method: 'PUT', url: `/api/v1/facilities/${id}`, headers: as[who], payload: body as object });
    const sp = (await get<{ nameEn: string; nameLocal: string | null; type: string; operator: { id: string }; staffOrganisation: { id: string }; place: { code: string }; sexServed: string;
      ages: { min: number; max: number }; seats: number; occupancy: number; services: string[]; licence: { status: string } }>('kurigram.officer', `/api/v1/facilities/${shishuParibar.id}`)).body;
    const spInput = { type: sp.type, nameEn: sp.nameEn, nameLocal: sp.nameLocal ?? undefined, operatorId: sp.operator.id, organisationId: sp.staffOrganisation.id, geoCode: sp.place.code,
      sexServed: sp.sexServed, ageMin: sp.ages.min, ageMax: sp.ages.max, seats: sp.seats, services: sp.services, licenceStatus: sp.licence.status };
    const tooFew = await put('kurigram.officer', shishuParibar.id, { ...spInput, seats: sp.occupancy - 1 });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().error.details[0]).toMatchObject({ path: 'seats', code: 'below_occupancy' });
    const fixed = await put('kurigram.officer', shishuParibar.id, { ...spInput, seats: sp.seats + 10, contactPhone: '+880 581 61234' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ seats: sp.seats + 10, contact: { phone: '+880 581 61234' }, staffOrganisation: { id: sp.staffOrganisation.id } });
    const audit = await h.db.one<{ diff: Record<string, { before: unknown; after: unknown }> }>(sql`SELECT diff FROM audit_log WHERE action = 'facility.update' AND entity_id = ${shishuParibar.id} ORDER BY seq DESC LIMIT 1`);
    expect(audit.diff.seats).toEqual({ before: sp.seats, after: sp.seats + 10 });
    expect(Object.keys(audit.diff).sort()).toEqual(['contact_phone', 'seats']);
    expect((await put('babyhome.manager', shishuParibar.id, spInput)).statusCode).toBe(403);
  });

  it("tracks the demo's Shishu Paribar residents in their phases, and no phase in a baby home", async () => {
    const own = (await get<{ items: Array<Placement & { admittedOn: string; phases: Array<{ key: string; startedOn: string }> }> }>('institution.manager', `/api/v1/facilities/${shishuParibar.id}/residents`)).body.items;
    const phased = own.filter((p) => p.phases.length > 0);
    expect(phased.length).toBeGreaterThan(own.length * 0.9);
    for (const p of phased) {
      expect(p.phases[0]).toMatchObject({ key: 'housing_health', startedOn: p.admittedOn });
      expect(p.phases.map((x) => x.startedOn)).toEqual([...p.phases.map((x) => x.startedOn)].sort());
    }
    const inBabyHome = (await get<{ items: Array<{ id: string; phases: unknown[] }> }>('babyhome.manager', `/api/v1/facilities/${babyHome.id}/residents`)).body.items[0]!;
    expect(inBabyHome.phases).toEqual([]);
    const refused = await post('babyhome.manager', `/api/v1/placements/${inBabyHome.id}/phase`, { phase: 'education', startedOn: today() });
    expect(refused.json().error.details[0].code).toBe('no_phases');
  });

  it("shows who in an orphanage is on its capitation grant, and the district office enrols a child from the list", async () => {
    const orphanage = (await get<{ items: Facility[] }>('kurigram.officer', '/api/v1/facilities?type=ngo_orphanage&place=5549')).body.items[0]!;
    expect((await get<{ allowedActions: string[] }>('kurigram.officer', `/api/v1/facilities/${orphanage.id}`)).body.allowedActions).toContain('enrol');
    type Row = { child: { id: string }; grantEnrolled: boolean | null };
    const residents = async () => (await get<{ items: Row[] }>('kurigram.officer', `/api/v1/facilities/${orphanage.id}/residents`)).body.items;
    const before = await residents();
    expect(before.every((r) => typeof r.grantEnrolled === 'boolean')).toBe(true);
    const off = before.find((r) => r.grantEnrolled === false)!;
    const res = await post('kurigram.officer', `/api/v1/facilities/${orphanage.id}/enrolments`, { personId: off.child.id, enrolledOn: today() });
    expect(res.statusCode, res.body).toBe(201);
    expect((await residents()).find((r) => r.child.id === off.child.id)?.grantEnrolled).toBe(true);
    const inBabyHome = (await get<{ items: Row[] }>('babyhome.manager', `/api/v1/facilities/${babyHome.id}/residents`)).body.items;
    expect(inBabyHome.every((r) => r.grantEnrolled === null)).toBe(true);
    expect((await get<{ allowedActions: string[] }>('babyhome.manager', `/api/v1/facilities/${babyHome.id}`)).body.allowedActions).not.toContain('enrol');
  });

  it('inspects a facility against the care standards: the score is the share met, actions close, an overdue inspection alerts the district office once', async () => {
    type View = { standards: Array<{ code: string }>; inspections: Array<{ id: string; score: number; actions: Array<{ id: string }> }>; nextDueOn: string | null; allowedActions: string[] };
    const view = async (who: string) => get<View>(who, `/api/v1/facilities/${shishuParibar.id}/inspections`);
    const seen = (await view('kurigram.officer')).body;
    expect(seen.standards.length).toBe(14);
    expect(seen.inspections.length).toBeGreaterThanOrEqual(2);
    expect(seen.allowedActions).toEqual(['inspect', 'complete_action']);
    expect((await view('institution.manager')).body.allowedActions).toEqual(['complete_action']);
    expect((await view('babyhome.manager')).status).toBe(404);

    const all = seen.standards.map((x, i) => ({ code: x.code, met: i >= 2, ...(i < 2 ? { note: 'Seen at the visit' } : {}) }));
    const inspect = (body: unknown) => post('kurigram.officer', `/api/v1/facilities/${shishuParibar.id}/inspections`, body);
    expect((await inspect({ inspectedOn: today(), findings: all.slice(1) })).json().error.details.map((d: { code: string }) => d.code)).toEqual(['standards_unanswered']);
    expect((await inspect({ inspectedOn: today(), findings: [...all, { code: 'made.up', met: true }] })).json().error.details[0].code).toBe('unknown_standard');
    expect((await post('institution.manager', `/api/v1/facilities/${shishuParibar.id}/inspections`, { inspectedOn: today(), findings: all })).statusCode).toBe(403);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const made = await inspect({ inspectedOn: today(), findings: all, summary: 'Clean and calm; two gaps', actions: [{ description: 'Repair the broken toilet doors', dueOn: due }] });
    expect(made.statusCode, made.body).toBe(201);
    const visit = made.json<{ id: string; score: number; nextDueOn: string; actions: Array<{ id: string; doneOn: string | null }> }>();
    expect(visit.score).toBe(Math.round((100 * 12) / 14));
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    expect(visit.nextDueOn.slice(0, 7)).toBe(new Date(Date.UTC(y, m - 1 + 6, Math.min(d, 28))).toISOString().slice(0, 7));
    expect((await view('kurigram.officer')).body.inspections[0]!.id).toBe(visit.id);

    const done = await post('institution.manager', `/api/v1/inspection-actions/${visit.actions[0]!.id}/done`, { doneOn: today() });
    expect(done.statusCode, done.body).toBe(200);
    expect((await post('institution.manager', `/api/v1/inspection-actions/${visit.actions[0]!.id}/done`, { doneOn: today() })).statusCode).toBe(409);

    const bells = async () => (await get<{ items: Array<{ kind: string; link: string | null }> }>('kurigram.officer', '/api/v1/notifications')).body.items
      .filter((n) => n.kind === 'institution_inspection_overdue' && n.link === `/facilities/${shishuParibar.id}`).length;
    const before = await bells();
    const after = new Date(Date.parse(`${visit.nextDueOn}T06:00:00Z`) + 2 * 86_400_000).toISOString();
    try {
      for (let i = 0; i < 2; i++) {
        const moved = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/clock', headers: as.national, payload: { at: after } });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      expect(await bells()).toBe(before + 1);
    } finally {
      h.services.clock.set(null);
    }
  });

  it('lets nobody move the clock on an installation that runs on real time', async () => {
    // This harness allows it; the configuration refuses it in production (config test).
    const refused = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/clock', headers: as['kurigram.officer'], payload: { at: null } });
    expect(refused.statusCode).toBe(403);
  });
});
