import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase, type OpenDatabase } from '../db/open.js';
import { loadConfig } from '../config.js';
import { sql } from '../db/sql.js';
import type { Actor, RoleBinding } from './actor.js';
import { mayReach, placePredicate, scopeCovers, scopePredicate, type PlacedRecord } from './scope.js';

// A small synthetic hierarchy: 3 adm1 x 3 adm2 x 3 adm3, and 3 organisations, 4 users.
const ADM1 = ['10', '20', '30'];
const place = fc.record({ a1: fc.integer({ min: 0, max: 2 }), a2: fc.integer({ min: 0, max: 2 }), a3: fc.integer({ min: 0, max: 2 }) }).map(({ a1, a2, a3 }) => ({
  adm1: ADM1[a1]!, adm2: `${ADM1[a1]}${a2}`, adm3: `${ADM1[a1]}${a2}${a3}`,
}));
const ORGS = ['org-a', 'org-b', 'org-c'];
const USERS = ['u1', 'u2', 'u3', 'u4'];
const PERMS = ['x.read', 'x.read@org', 'x.read@assigned', 'y.read'];

const binding: fc.Arbitrary<RoleBinding> = fc.tuple(fc.integer({ min: 0, max: 3 }), place, fc.subarray(PERMS, { minLength: 1 })).map(([level, p, permissions]) => ({
  roleKey: 'r', permissions, scopeLevel: level as RoleBinding['scopeLevel'],
  scopeCode: level === 0 ? null : level === 1 ? p.adm1 : level === 2 ? p.adm2 : p.adm3,
}));
const actor: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...USERS), organisationId: fc.constantFrom(...ORGS), bindings: fc.array(binding, { maxLength: 4 }),
}).map((a) => ({ ...a, username: a.userId, lang: 'en' as const, via: 'session' as const }));
const record: fc.Arbitrary<PlacedRecord> = fc.tuple(place, fc.constantFrom(...ORGS), fc.subarray(USERS)).map(([p, org, assignees]) => ({ ...p, organisation: org, assignees }));

describe('scope predicate (property: SQL agrees with the in-memory rules mayReach and scopeCovers)', () => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await openDatabase(loadConfig({ ...process.env, NODE_ENV: 'test' }), { command: 'test', pgliteDir: 'memory://', asOwner: true });
    await db.exec(`CREATE TEMP TABLE probe (id int PRIMARY KEY, adm1 text, adm2 text, adm3 text, org text, assignees text[])`);
  });
  afterAll(() => db?.close());

  it('returns exactly the records each random user may reach (>= 10,000 pairs)', async () => {
    let pairs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(actor, { minLength: 10, maxLength: 10 }), fc.array(record, { minLength: 25, maxLength: 25 }), async (actors, records) => {
        await db.exec('DELETE FROM probe');
        await db.query(sql`INSERT INTO probe SELECT * FROM jsonb_to_recordset(${JSON.stringify(records.map((r, i) => ({ id: i, adm1: r.adm1, adm2: r.adm2, adm3: r.adm3, org: r.organisation, assignees: r.assignees })))}::jsonb)
          AS x(id int, adm1 text, adm2 text, adm3 text, org text, assignees text[])`);
        for (const a of actors) {
          const pred = scopePredicate(a, 'x.read', { adm1: 'adm1', adm2: 'adm2', adm3: 'adm3', organisation: 'org', assigned: (who) => sql`${who.userId} = ANY(assignees)` });
          const rows = await db.query<{ id: number }>(sql`SELECT id FROM probe WHERE ${pred} ORDER BY id`);
          const expected = records.map((r, i) => [r, i] as const).filter(([r]) => mayReach(a, 'x.read', r)).map(([, i]) => i);
          expect(rows.map((r) => r.id)).toEqual(expected);
          // The place rule alone (what the UI's allowed actions use) agrees with SQL too.
          const covered = await db.query<{ id: number }>(sql`SELECT id FROM probe WHERE ${placePredicate(a, 'x.read', { adm1: 'adm1', adm2: 'adm2', adm3: 'adm3' })} ORDER BY id`);
          expect(covered.map((r) => r.id)).toEqual(records.map((r, i) => [r, i] as const).filter(([r]) => scopeCovers(a, 'x.read', r)).map(([, i]) => i));
          pairs += records.length;
        }
      }),
      { numRuns: 45, seed: Number(process.env.FC_SEED ?? Date.now() % 2147483647) },
    );
    expect(pairs).toBeGreaterThanOrEqual(10_000);
  });

  it('a caller with no grant sees nothing', async () => {
    const nobody: Actor = { userId: 'u1', username: 'u1', organisationId: 'org-a', lang: 'en', via: 'session', bindings: [] };
    expect(scopePredicate(nobody, 'x.read', { adm1: 'a', adm2: 'b', adm3: 'c' }).toQuery().text).toBe('FALSE');
  });
});
