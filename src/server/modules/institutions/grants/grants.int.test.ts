import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

type Claim = { id: string; facility: { id: string; name: string }; month: string; rate: number; claimedChildren: number; verifiedChildren: number; claimedAmount: number; payableAmount: number; flags: string[]; status: string; allowedActions: string[]; spotChecks: { sampled: number; recorded: number } };
type Line = { enrolmentId: string; child: { id: string }; verified: boolean; flags: string[]; spotCheck: boolean; spotResult: string | null };
type Detail = Claim & { lines: Line[] };

const firstOfMonth = (back: number) => { const d = new Date(); return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10); };

describe('capitation grants: claims generated from enrolments, verified, approved and paid', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  const lastMonth = firstOfMonth(1);
  const get = <T>(who: string, url: string) => h.app.inject({ url, headers: as[who] }).then((r) => r.json<T>());
  const post = (who: string, url: string, payload: object) => h.app.inject({ method: 'POST', url, headers: as[who], payload });
  const claimsIn = (district: string, month = lastMonth, who = 'kurigram.officer') => get<{ items: Claim[] }>(who, `/api/v1/grants/claims?month=${month}&place=${district}`).then((r) => r.items);

  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.officer', 'national', 'kurigram.caseworker']);
  });
  afterAll(() => h?.close());

  it('flags a child enrolled by two orphanages in that month\'s claims of both', async () => {
    const flagged = (await claimsIn('5549')).filter((c) => c.flags.includes('claimed_elsewhere'));
    expect(flagged).toHaveLength(2);
    const [a, b] = await Promise.all(flagged.map((c) => get<Detail>('kurigram.officer', `/api/v1/grants/claims/${c.id}`)));
    const twice = (d: Detail) => new Set(d.lines.filter((l) => l.flags.includes('claimed_elsewhere')).map((l) => l.child.id));
    expect([...twice(a!)].sort()).toEqual([...twice(b!)].sort());
    expect(twice(a!).size).toBe(3);
    // The child is paid for only where they live: at the other orphanage the line is not verified.
    const notResident = [...a!.lines, ...b!.lines].filter((l) => l.flags.includes('claimed_elsewhere') && !l.verified);
    expect(notResident.map((l) => l.flags)).toEqual(Array(3).fill(['claimed_elsewhere', 'not_resident']));
  });

  it('flags a claim line for a child discharged that month, and does not pay for it', async () => {
    const claims = await claimsIn('6090', lastMonth, 'national');
    const withLeavers = claims.filter((c) => c.flags.includes('left_care'));
    expect(withLeavers.length).toBeGreaterThan(0);
    const lines = (await Promise.all(withLeavers.map((c) => get<Detail>('national', `/api/v1/grants/claims/${c.id}`)))).flatMap((d) => d.lines);
    const leavers = lines.filter((l) => l.flags.includes('left_care'));
    expect(leavers).toHaveLength(2);
    expect(leavers.every((l) => !l.verified)).toBe(true);
  });

  it('never lets a claim exceed its verified residents x the rate, not even by a direct write', async () => {
    const all = await get<{ items: Claim[] }>('national', `/api/v1/grants/claims?month=${lastMonth}&limit=500`);
    expect(all.items.length).toBeGreaterThan(30);
    for (const c of all.items) {
      expect(c.payableAmount).toBe(c.verifiedChildren * c.rate);
      expect(c.payableAmount).toBeLessThanOrEqual(c.claimedAmount);
      if (c.claimedChildren > c.verifiedChildren) expect(c.flags).toContain('over_verified');
    }
    const one = all.items[0]!;
    await expect(h.db.query(sql`UPDATE grant_claims SET payable_amount = payable_amount + rate WHERE id = ${one.id}`)).rejects.toThrow();
  });

  it('applies a rate change from its effective month and not before', async () => {
    const thisMonth = firstOfMonth(0);
    const set = await post('national', '/api/v1/grants/rates', { amount: 2500, effectiveFrom: thisMonth, note: 'Budget revision' });
    expect(set.statusCode, set.body).toBe(201);
    expect((await post('national', '/api/v1/grants/rates', { amount: 2500, effectiveFrom: `${thisMonth.slice(0, 8)}15` })).statusCode).toBe(422);
    expect((await post('kurigram.officer', '/api/v1/grants/rates', { amount: 9000, effectiveFrom: thisMonth })).statusCode).toBe(403);
    const now = await post('kurigram.officer', '/api/v1/grants/claims/generate', { month: thisMonth, district: '5549' });
    expect(now.statusCode, now.body).toBe(200);
    expect((await claimsIn('5549', thisMonth)).every((c) => c.rate === 2500)).toBe(true);
    // Last month generated again: still the rate in force on its first day.
    const again = await post('kurigram.officer', '/api/v1/grants/claims/generate', { month: lastMonth, district: '5549' });
    expect(again.statusCode, again.body).toBe(200);
    const before = await claimsIn('5549');
    expect(before.every((c) => c.rate === 2000)).toBe(true);
    expect(before.filter((c) => c.flags.includes('claimed_elsewhere'))).toHaveLength(2);
  });

  it('checks the sample in person before approval; an absent child comes off the payable amount; payment is recorded; each step audited', async () => {
    const claim = (await claimsIn('5549')).find((c) => c.status === 'generated' && c.spotChecks.sampled >= 2)!;
    const early = await post('kurigram.officer', `/api/v1/grants/claims/${claim.id}/decision`, { action: 'approve' });
    expect(early.statusCode).toBe(409);
    const detail = await get<Detail>('kurigram.officer', `/api/v1/grants/claims/${claim.id}`);
    const sampled = detail.lines.filter((l) => l.spotCheck);
    const notSampled = detail.lines.find((l) => !l.spotCheck);
    if (notSampled) expect((await post('kurigram.officer', `/api/v1/grants/claims/${claim.id}/spot-checks`, { enrolmentId: notSampled.enrolmentId, result: 'present' })).statusCode).toBe(422);
    const verifiedBefore = detail.verifiedChildren;
    let last: Detail = detail;
    for (const [i, l] of sampled.entries()) {
      const res = await post('kurigram.officer', `/api/v1/grants/claims/${claim.id}/spot-checks`, { enrolmentId: l.enrolmentId, result: i === 0 ? 'absent' : 'present', note: i === 0 ? 'Not at the orphanage; the warden says she went to her uncle in Dhaka' : undefined });
      expect(res.statusCode, res.body).toBe(200);
      last = res.json<Detail>();
    }
    const absentWasVerified = sampled[0]!.verified;
    expect(last.verifiedChildren).toBe(verifiedBefore - (absentWasVerified ? 1 : 0));
    expect(last.payableAmount).toBe(last.verifiedChildren * last.rate);
    expect(last.flags).toContain('spot_check_failed');
    const approved = await post('kurigram.officer', `/api/v1/grants/claims/${claim.id}/decision`, { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Detail>().allowedActions).toEqual([]);
    expect((await post('kurigram.officer', `/api/v1/grants/claims/${claim.id}/disbursement`, { reference: 'EFT-2026-0001' })).statusCode).toBe(403);
    const paid = await post('national', `/api/v1/grants/claims/${claim.id}/disbursement`, { reference: 'EFT-2026-0001' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Detail>()).toMatchObject({ status: 'disbursed', disbursementRef: 'EFT-2026-0001' });
    // A paid claim is never generated again.
    await post('kurigram.officer', '/api/v1/grants/claims/generate', { month: lastMonth, district: '5549' });
    expect((await get<Detail>('kurigram.officer', `/api/v1/grants/claims/${claim.id}`)).status).toBe('disbursed');
    const actions = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'grant_claim' AND entity_id = ${claim.id} ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['grant_claim.generate', 'grant_claim.spot_check', 'grant_claim.approve', 'grant_claim.disburse']));
  });

  it('shows claims only within the reader\'s scope, and none to someone without the permission', async () => {
    const sunamganj = await get<{ items: Claim[] }>('kurigram.officer', `/api/v1/grants/claims?month=${lastMonth}&place=6090`);
    expect(sunamganj.items).toEqual([]);
    expect((await h.app.inject({ url: '/api/v1/grants/claims', headers: as['kurigram.caseworker'] })).statusCode).toBe(403);
  });
});
