import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';
import { sql } from '../../../platform/db/sql.js';

describe('a case registered by someone who does not work cases there', () => {
  let h: Harness;
  let as: Record<string, Headers>;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['helpline.agent', 'helpline.supervisor', 'kurigram.caseworker', 'kurigram.supervisor', 'ulipur.caseworker']);
    caseId = await registerCase(h.app, as['helpline.agent']!, { names: ['Mim Akter'], sex: 'female', ageYears: 13, concerns: ['violence.child_marriage'], riskLevel: 'high', source: 'helpline' });
  });
  afterAll(() => h?.close());

  it('goes to the team of the child\'s upazila, whose supervisor is alerted and caseworker told', async () => {
    const team = await h.db.one<{ caseworker: string | null; supervisor: string | null; org: string }>(sql`
      SELECT cw.username AS caseworker, sv.username AS supervisor, o.name_en AS org FROM cases c
      LEFT JOIN users cw ON cw.id = c.caseworker_id LEFT JOIN users sv ON sv.id = c.supervisor_id JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ${caseId}`);
    expect(team).toMatchObject({ caseworker: 'kurigram.caseworker', supervisor: 'kurigram.supervisor' });
    const bell = async (who: string) => (await h.app.inject({ url: '/api/v1/notifications', headers: as[who] })).json<{ items: Array<{ kind: string; link: string | null }> }>().items;
    expect((await bell('kurigram.supervisor')).some((n) => n.kind === 'case_high_risk' && n.link === `/cases/${caseId}`)).toBe(true);
    expect((await bell('kurigram.caseworker')).some((n) => n.kind === 'case_routed' && n.link === `/cases/${caseId}`)).toBe(true);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['kurigram.caseworker'] })).statusCode).toBe(200);
  });

  it('stays readable by the agent who registered it and by the helpline supervisor, not by others', async () => {
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['helpline.agent'] })).statusCode).toBe(200);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['helpline.supervisor'] })).statusCode).toBe(200);
    const list = await h.app.inject({ url: '/api/v1/cases?limit=100', headers: as['helpline.supervisor'] });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
    // Reading is not working: the registrant records no SOP step.
    const step = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/steps/initial_assessment`, headers: as['helpline.agent'], payload: { data: {} } });
    expect(step.statusCode).toBe(403);
  });

  it('leaves a caseworker\'s own registration with them', async () => {
    const own = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['Own Case'], sex: 'male', ageYears: 9 });
    const row = await h.db.one<{ caseworker: string; registered_by_org: string | null }>(sql`
      SELECT u.username AS caseworker, c.registered_by_org FROM cases c JOIN users u ON u.id = c.caseworker_id WHERE c.id = ${own}`);
    expect(row).toEqual({ caseworker: 'kurigram.caseworker', registered_by_org: null });
  });
});
