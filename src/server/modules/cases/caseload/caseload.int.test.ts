import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { signIn, startHarness, type Harness } from '../../../testing/harness.js';
import { DAILY_DIGEST_JOB } from './digest.js';

describe('caseload, alerts and the daily digest', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('counts what is mine, late and waiting, inside what I may see', async () => {
    const worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    const load = (await h.app.inject({ url: '/api/v1/caseload', headers: worker })).json();
    const mine = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases c JOIN users u ON u.id = c.caseworker_id WHERE u.username = 'kurigram.caseworker' AND c.status = 'open'`);
    expect(load.mine).toBe(mine.n);
    expect(load.team).toBeGreaterThanOrEqual(load.mine);
    const overdue = (await h.app.inject({ url: '/api/v1/cases?view=overdue&limit=100', headers: worker })).json();
    expect(overdue.total).toBe(load.overdueInitialAssessment);
    expect(overdue.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    // A caseworker of another upazila sees none of these.
    const other = (await h.app.inject({ url: '/api/v1/caseload', headers: (await signIn(h.app, 'sunamganj.caseworker')).headers })).json();
    const sunamganjMine = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases c JOIN users u ON u.id = c.caseworker_id WHERE u.username = 'sunamganj.caseworker' AND c.status = 'open'`);
    expect(other.team).toBe(sunamganjMine.n);
  });

  it('the daily digest mails each worker with something waiting, in their language', async () => {
    const digests = await h.services.cases.digests();
    const nasrin = digests.find((d) => d.email === 'kurigram.caseworker@ncpp.localhost');
    expect(nasrin?.lang).toBe('bn');
    await h.services.jobs.runNow(DAILY_DIGEST_JOB, {});
    const queued = await h.db.rawQuery(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'kurigram.caseworker@ncpp.localhost'`, []);
    expect(queued.rows.length).toBe(1);
    const mail = queued.rows[0]!.data as { subject: string; text: string };
    expect(mail.subject).toMatch(/এনসিপিপি/);
    expect(mail.text).toMatch(/[০-৯]/);
  });
});
