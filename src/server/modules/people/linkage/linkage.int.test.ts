import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { SYSTEM_CONTEXT } from '../../../platform/audit/audit.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';
import { csvRow, syntheticPeople, type SyntheticPlace } from '../../../seed/linkage-synthetic.js';
import { PEOPLE_COLUMNS } from '../import.js';

const KURIGRAM_SADAR = '554952';
const ULIPUR = '554994';
const header = PEOPLE_COLUMNS.join(',');

describe('record linkage: import, full run, review, merge, split, scope', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  const upload = (source: string, rows: string[], who = 'national') =>
    h.app.inject({ method: 'POST', url: `/api/v1/people/imports?source=${source}`, headers: { ...as[who], 'content-type': 'text/csv' }, payload: [header, ...rows].join('\n') + '\n' });
  const idOf = async (source: string, sourceId: string) => (await h.db.one<{ id: string }>(sql`SELECT id FROM persons WHERE source = ${source} AND source_id = ${sourceId}`)).id;
  const personOf = async (id: string) => (await h.db.one<{ g: string }>(sql`SELECT coalesce(g.link_group, p.id) AS g FROM persons p LEFT JOIN person_groups g ON g.person_id = p.id WHERE p.id = ${id}`)).g;

  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['national', 'kurigram.officer', 'kurigram.supervisor', 'kurigram.caseworker', 'sunamganj.caseworker']);
    // A synthetic population of Kurigram's unions, so the model is estimated from realistic data.
    const upazilas = await h.services.geo.unitsAt(3, '5549');
    const places: SyntheticPlace[] = (await Promise.all(upazilas.map(async (u) => (await h.services.geo.unitsAt(4, u.code)).map((x) => ({ union: x.code, upazila: u.code, district: '5549' }))))).flat();
    const rows = [...syntheticPeople({ records: 4000, places, seed: 11 })].map((r) => csvRow({ ...r, sourceId: `${r.source}-${r.sourceId}` }));
    const res = await upload('synthetic_list', rows);
    expect(res.statusCode, res.body).toBe(201);
    const planted = [
      // One child: Bangla with a stated age (helpline), Latin with a birth date (register), Latin with another age and her father (NGO list).
      `sumi-bn,মোছাঃ সুমি আক্তার,female,,13,2025-05-10,,,01712345678,${KURIGRAM_SADAR},`,
      `sumi-en,Sumi Akhter,female,2012-03-04,,,Md Rafiqul Islam,,+8801712345678,${KURIGRAM_SADAR},`,
      `sumi-ngo,Sumi Aktar,F,,14,2026-04-01,মোঃ রফিকুল ইসলাম,,,${KURIGRAM_SADAR},`,
      // Two sisters: same parents, same phone, different given names and ages.
      `sister-a,Mithila Khatun,female,2011-02-10,,,Abdul Karim Sheikh,Rahima Begum,01998877665,${KURIGRAM_SADAR},`,
      `sister-b,Tamanna Khatun,female,2014-09-01,,,Abdul Karim Sheikh,Rahima Begum,01998877665,${KURIGRAM_SADAR},`,
      // Two namesakes of one age in one upazila with different fathers.
      `namesake-a,Md Sabbir Hossain,male,2013-06-15,,,Jamal Hossain,,,${KURIGRAM_SADAR},`,
      `namesake-b,মোঃ সাব্বির হোসেন,male,2013-01-20,,,Nurul Amin Talukder,,,${KURIGRAM_SADAR},`,
      // One child in Ulipur, on two lists: only a reviewer of Ulipur (or the district) may see the pair.
      `ulipur-1,Rokeya Parvin,female,,9,2026-01-10,,,,${ULIPUR},`,
      `ulipur-2,রোকেয়া পারভীন,female,,10,2026-09-01,,,,${ULIPUR},`,
    ];
    expect((await upload('planted', planted)).statusCode).toBe(201);
    await h.services.linkage.run(SYSTEM_CONTEXT);
  }, 240_000);
  afterAll(() => h?.close());

  it('imports all rows or none, with the file line and column of each problem', async () => {
    const bad = await upload('bad_list', [
      `x-1,Rina Akter,female,2014-01-01,,,,,,${KURIGRAM_SADAR},`,
      `x-2,Sima Akter,girlish,2014-01-01,,,,,,${KURIGRAM_SADAR},`,
      `x-1,Rina Begum,female,2014-02-30,,,,,,${KURIGRAM_SADAR},`,
      `x-4,,female,,7,,,,,999999,`,
    ]);
    expect(bad.statusCode).toBe(422);
    const details = bad.json().error.details as Array<{ path: string; code: string }>;
    expect(details.map((d) => [d.path, d.code])).toEqual([
      ['rows.3.sex', 'invalid_sex'], ['rows.4.source_id', 'row_repeated_id'], ['rows.4.birth_date', 'invalid_date'],
      ['rows.5.name', 'required'], ['rows.5.as_of', 'required'], ['rows.5.upazila_code', 'unknown_upazila'],
    ]);
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons WHERE source = 'bad_list'`)).n).toBe(0);
    // Outside one's area is refused too: a district officer of Kurigram cannot import Sunamganj.
    const away = await upload('away_list', ['y-1,Rina Akter,female,2014-01-01,,,,,,609089,'], 'kurigram.officer');
    expect(away.json().error.details[0]).toMatchObject({ path: 'rows.2.upazila_code', code: 'row_outside_your_area' });
    // The same file again is a conflict until asked for.
    const again = await upload('planted', ['z-1,Rina Akter,female,2014-01-01,,,,,,554952,']);
    expect(again.statusCode).toBe(201);
    expect((await upload('planted', ['z-1,Rina Akter,female,2014-01-01,,,,,,554952,'])).statusCode).toBe(409);
    expect((await upload('unknown_user_list', ['a,b'], 'kurigram.caseworker')).statusCode).toBe(403);
  });

  it('links one child written in Bangla with a stated age and in Latin script; keeps sisters and namesakes apart', async () => {
    const sumi = await personOf(await idOf('planted', 'sumi-bn'));
    expect(await personOf(await idOf('planted', 'sumi-en'))).toBe(sumi);
    expect(await personOf(await idOf('planted', 'sumi-ngo'))).toBe(sumi);
    expect(await personOf(await idOf('planted', 'sister-a'))).not.toBe(await personOf(await idOf('planted', 'sister-b')));
    expect(await personOf(await idOf('planted', 'namesake-a'))).not.toBe(await personOf(await idOf('planted', 'namesake-b')));
    const view = await h.app.inject({ url: `/api/v1/people/${await idOf('planted', 'sumi-en')}`, headers: as.national });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().records.map((r: { sourceId: string }) => r.sourceId).sort()).toEqual(['sumi-bn', 'sumi-en', 'sumi-ngo']);
    expect(JSON.stringify(view.json())).not.toContain('1712345678');
  });

  it('saves a versioned model whose weights were estimated from the data', async () => {
    const model = await h.services.linkage.latestModel();
    expect(model!.model.comparisons.map((c) => c.output_column_name)).toEqual(['name', 'birth_date', 'sex', 'place', 'family']);
    expect(model!.version).toBeGreaterThanOrEqual(2);
    expect(model!.model.ncpp.records).toBeGreaterThan(4000);
  });

  it('merges on a reviewer\u2019s word, splits again, undoes, and audits each', async () => {
    const a = await idOf('planted', 'sister-a');
    const b = await idOf('planted', 'sister-b');
    const merged = await h.app.inject({ method: 'POST', url: '/api/v1/people/review', headers: as['kurigram.officer'], payload: { a, b, decision: 'same' } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await personOf(a)).toBe(await personOf(b));
    const split = await h.app.inject({ method: 'POST', url: `/api/v1/people/${a}/split`, headers: as['kurigram.officer'], payload: { records: [b], reason: 'Two sisters, not one child' } });
    expect(split.statusCode, split.body).toBe(200);
    expect(await personOf(a)).not.toBe(await personOf(b));
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'person' AND entity_id IN (${a}, ${b}) ORDER BY seq`);
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['people.link.decide', 'people.link.split']));
    // A later full run keeps them apart: the split is a judgement the run honours.
    await h.services.linkage.run(SYSTEM_CONTEXT);
    expect(await personOf(a)).not.toBe(await personOf(b));
    // Undoing the split joins them again; undoing twice is refused.
    const undo = await h.app.inject({ method: 'POST', url: `/api/v1/people/changes/${split.json().changeId}/undo`, headers: as['kurigram.officer'] });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await personOf(a)).toBe(await personOf(b));
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/people/changes/${split.json().changeId}/undo`, headers: as['kurigram.officer'] })).statusCode).toBe(409);
    const undoMerge = await h.app.inject({ method: 'POST', url: `/api/v1/people/changes/${merged.json().changeId}/undo`, headers: as['kurigram.officer'] });
    expect(undoMerge.statusCode, undoMerge.body).toBe(200);
    expect(await personOf(a)).not.toBe(await personOf(b));
  });

  it('shows a reviewer only records inside their area', async () => {
    const u1 = await idOf('planted', 'ulipur-1');
    const u2 = await idOf('planted', 'ulipur-2');
    // The Kurigram Sadar supervisor may review, but not Ulipur: neither record, not the pair.
    expect((await h.app.inject({ url: `/api/v1/people/${u1}`, headers: as['kurigram.supervisor'] })).statusCode).toBe(404);
    const judged = await h.app.inject({ method: 'POST', url: '/api/v1/people/review', headers: as['kurigram.supervisor'], payload: { a: u1, b: u2, decision: 'different' } });
    expect(judged.statusCode).toBe(404);
    const queue = async (who: string) => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 20) {
        const page = (await h.app.inject({ url: `/api/v1/people/review?offset=${offset}`, headers: as[who] })).json();
        for (const p of page.items) ids.push(p.a.id, p.b.id);
        if (offset + 20 >= page.total) return ids;
      }
    };
    const supervisorSees = await queue('kurigram.supervisor');
    const places = await h.db.query<{ adm3_code: string }>(sql`SELECT DISTINCT adm3_code FROM persons WHERE id = ANY(${supervisorSees}::uuid[])`);
    expect(places.every((p) => p.adm3_code === KURIGRAM_SADAR)).toBe(true);
    expect((await h.app.inject({ url: `/api/v1/people/${u1}`, headers: as['kurigram.officer'] })).statusCode).toBe(200);
    // A caseworker may read but not judge.
    expect((await h.app.inject({ url: '/api/v1/people/review', headers: as['kurigram.caseworker'] })).statusCode).toBe(403);
  });

  it('never shows a sensitive case\u2019s child to a reviewer who may not see the case', async () => {
    const sensitive = await h.db.maybeOne<{ child_id: string }>(sql`SELECT child_id FROM cases WHERE sensitive AND adm2_code = '5549' LIMIT 1`);
    expect(sensitive).toBeDefined();
    expect((await h.app.inject({ url: `/api/v1/people/${sensitive!.child_id}`, headers: as['kurigram.officer'] })).statusCode).toBe(404);
    const denied = await h.db.query(sql`SELECT 1 FROM audit_log WHERE action = 'access.denied_read' AND entity = 'person' AND entity_id = ${sensitive!.child_id}`);
    expect(denied.length).toBeGreaterThan(0);
  });

  it('offers the persons a new child may be, best first, within what the caller may see', async () => {
    const res = await h.app.inject({ url: `/api/v1/people/matches?name=${encodeURIComponent('Sumi Akter')}&sex=female&ageYears=14&geoCode=${KURIGRAM_SADAR}`, headers: as['kurigram.caseworker'] });
    expect(res.statusCode, res.body).toBe(200);
    const top = res.json().items[0];
    expect(top.personId).toBe(await personOf(await idOf('planted', 'sumi-bn')));
    expect(top.agreements.find((x: { comparison: string }) => x.comparison === 'name').level).toBeGreaterThan(0);
    // Sunamganj's caseworker sees none of Kurigram's lists.
    const away = await h.app.inject({ url: `/api/v1/people/matches?name=${encodeURIComponent('Sumi Akter')}&sex=female&ageYears=14&geoCode=${KURIGRAM_SADAR}`, headers: as['sunamganj.caseworker'] });
    expect(away.json().items).toEqual([]);
  });

  it('attaches a new case to the person the worker chose, in the registration itself', async () => {
    const sumi = await idOf('planted', 'sumi-ngo');
    const register = (linkTo: string, who = 'kurigram.caseworker') => h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: as[who], payload: {
      child: { names: [{ text: 'Sumi Akter' }], sex: 'female', ageYears: 14, geoCode: KURIGRAM_SADAR, linkTo },
      concerns: ['violence.child_marriage'], riskLevel: 'high', source: 'outreach', reportedOn: '2026-11-20' } });
    const res = await register(sumi);
    expect(res.statusCode, res.body).toBe(201);
    const child = await h.db.one<{ child_id: string }>(sql`SELECT child_id FROM cases WHERE id = ${res.json().id}`);
    expect(await personOf(child.child_id)).toBe(await personOf(sumi));
    const audit = await h.db.one<{ diff: Record<string, unknown> }>(sql`SELECT diff FROM audit_log WHERE action = 'case.create' AND entity_id = ${res.json().id}`);
    expect(JSON.stringify(audit.diff)).toContain(sumi);
    // A record the worker may not see cannot be chosen; nothing is registered.
    const before = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`);
    const refused = await register(await idOf('planted', 'ulipur-1'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'child.linkTo', code: 'unknown_person' });
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).n).toBe(before.n);
  });

  it('counts children, not records', async () => {
    const counts = (await h.app.inject({ url: '/api/v1/people/counts', headers: as['kurigram.officer'] })).json().rows as Array<{ children: number; records: number }>;
    const children = counts.reduce((s, r) => s + r.children, 0);
    const records = counts.reduce((s, r) => s + r.records, 0);
    expect(children).toBeGreaterThan(0);
    expect(children).toBeLessThan(records);
  });
});
