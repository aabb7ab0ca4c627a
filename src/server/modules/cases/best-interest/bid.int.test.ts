import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

const BID = {
  question: 'Where should Moriom live now that her mother is in prison?',
  options: [
    { option: 'kinship_care', assessment: 'Grandmother in Holokhana is willing; poor but caring' },
    { option: 'shishu_paribar', assessment: 'Safe, with school, but far from family' },
  ],
  recommendation: 'kinship_care',
  childViews: 'Wants to stay with her grandmother and her school friends',
  familyViews: 'Grandmother asks for support with school costs',
};

describe('best-interest determination and the Upazila Child Welfare Board decision', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'kurigram.supervisor', 'ulipur.caseworker']);
    caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['মরিয়ম আক্তার'], sex: 'female', ageYears: 9, concerns: ['justice.parent_in_prison'], source: 'court' });
  });
  afterAll(() => h?.close());

  it('goes to the board of the case\'s upazila and the decision comes back on the case', async () => {
    const sent = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/bids`, headers: as['kurigram.caseworker'], payload: BID });
    expect(sent.statusCode, sent.body).toBe(201);
    const again = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/bids`, headers: as['kurigram.caseworker'], payload: BID });
    expect(again.statusCode).toBe(409);
    const bidId = sent.json().id;
    const decide = (who: string) => h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/bids/${bidId}/decision`, headers: as[who], payload: { decision: 'kinship_care', decisionDate: '2026-11-23', notes: 'Monthly follow-up visits by the caseworker' } });
    expect((await decide('kurigram.caseworker')).statusCode).toBe(403);
    expect((await decide('ulipur.caseworker')).statusCode).toBe(403);
    const decided = await decide('kurigram.supervisor');
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().items[0]).toMatchObject({ status: 'decided', decision: 'kinship_care', decisionDate: '2026-11-23' });
    const file = (await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['kurigram.caseworker'] })).json();
    expect(file.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['bid.submitted', 'bid.decided']));
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'case.bid_decision' AND entity_id = ${caseId}`)).toBeTruthy();
    expect((await decide('kurigram.supervisor')).statusCode).toBe(409);
  });

  it('validates the determination', async () => {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/bids`, headers: as['kurigram.caseworker'], payload: { ...BID, options: [], recommendation: 'orphanage' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['options', 'recommendation']);
  });
});
