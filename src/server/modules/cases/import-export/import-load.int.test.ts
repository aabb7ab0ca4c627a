import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { signIn, startHarness, type Harness } from '../../../testing/harness.js';

const HEADER = 'child_name,sex,age_years,upazila_code,concern,risk_level,source,reported_on,legacy_id';
const ROWS = 100_000;
const UPAZILAS = ['554994', '554952', '554961', '554909', '554977'];

/**
 * A long import shares the database with everyone else: on the embedded database (one
 * connection) a single 100,000-row transaction made every other request wait a minute. The
 * job writes in chunks, so another user's request is answered between two of them.
 */
describe('a 100,000-row import beside other users', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("answers another user's request within a second while it runs, and writes every row", async () => {
    const officer = (await signIn(h.app, 'kurigram.officer')).headers;
    const caseworker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    const lines = Array.from({ length: ROWS }, (_, i) => `Load Child ${i},${i % 2 ? 'F' : 'M'},${i % 18},${UPAZILAS[i % UPAZILAS.length]},violence.neglect,low,outreach,2024-0${(i % 9) + 1}-1${i % 10},L-${i}`);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/cases/imports?filename=load.csv', payload: [HEADER, ...lines].join('\n'), headers: { ...officer, 'content-type': 'text/csv' } });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;

    let finished = false;
    const started = Date.now();
    const running = h.services.caseImporter.run(id).finally(() => {
      finished = true;
    });
    const waits: number[] = [];
    let sawProgress = false;
    while (!finished) {
      const t0 = performance.now();
      const list = await h.app.inject({ url: '/api/v1/cases?limit=20', headers: caseworker });
      waits.push(performance.now() - t0);
      expect(list.statusCode).toBe(200);
      const progress = (await h.app.inject({ url: `/api/v1/cases/imports/${id}`, headers: officer })).json();
      if (progress.status === 'writing' && progress.rowsDone > 0 && progress.rowsDone < ROWS) sawProgress = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await running;
    const seconds = (Date.now() - started) / 1000;
    const worst = Math.max(...waits);
    console.log(`100,000-row import: ${seconds.toFixed(1)} s on ${h.db.kind}; ${waits.length} requests beside it, slowest ${worst.toFixed(0)} ms`);
    expect(waits.length).toBeGreaterThan(10);
    expect(worst).toBeLessThan(1000);
    expect(sawProgress).toBe(true);
    const written = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases WHERE import_id = ${id}`);
    expect(written.n).toBe(ROWS);
  }, 600_000);
});
