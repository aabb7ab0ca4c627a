import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { SYSTEM_CONTEXT } from '../../../platform/audit/audit.js';
import { startHarness, type Harness } from '../../../testing/harness.js';
import { seedNational } from '../../../seed/national.js';

describe('national-scale seed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('builds a team per upazila and gives each case a caseworker and supervisor bound to its upazila', async () => {
    const before = await h.db.one<{ users: number; cases: number }>(sql`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM cases) AS cases`);
    await seedNational(h.services, { cases: 600, users: 2500 }, SYSTEM_CONTEXT);
    const after = await h.db.one<{ users: number; cases: number; upazilas: number }>(sql`
      SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM cases) AS cases,
             (SELECT count(*)::int FROM geo_units WHERE level = 3 AND kind = 'upazila') AS upazilas`);
    expect(after.cases - before.cases).toBe(600);
    // About 2,500 accounts: a supervisor and round(2500 / upazilas) - 1 caseworkers an upazila.
    expect(after.users - before.users).toBeGreaterThan(2000);
    expect(after.users - before.users).toBeLessThan(3000);
    // The seeded cases (their caseworkers are the seed's accounts): every one placed correctly.
    const seeded = sql`cases c JOIN users w ON w.id = c.caseworker_id AND w.username ~ '^cw[0-9]{2}[.]'`;
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${seeded}`)).n).toBe(600);
    const misplaced = await h.db.one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM ${seeded} WHERE c.case_number NOT LIKE 'BD-%-%-%' OR NOT EXISTS (
        SELECT 1 FROM user_roles cw, user_roles sv WHERE cw.user_id = c.caseworker_id AND cw.role_key = 'caseworker' AND cw.scope_code = c.adm3_code
          AND sv.user_id = c.supervisor_id AND sv.role_key = 'case_supervisor' AND sv.scope_code = c.adm3_code)`);
    expect(misplaced.n).toBe(0);
    const numbers = await h.db.one<{ all: number; distinct: number }>(sql`SELECT count(*)::int AS all, count(DISTINCT case_number)::int AS distinct FROM cases`);
    expect(numbers.distinct).toBe(numbers.all);
  });
});
