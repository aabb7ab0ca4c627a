import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';
import { addDays, lastCompleteWeek } from './service.js';

const KURIGRAM = '5549';
const KURIGRAM_UNION = '554952-N4117';

describe('helpline pattern analytics', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['national', 'kurigram.officer', 'partner.focal', 'helpline.agent', 'kurigram.caseworker']);
  });
  afterAll(() => h?.close());
  const get = (who: string, url: string) => h.app.inject({ url, headers: as[who] });
  const week = () => lastCompleteWeek(new Date(), 'Asia/Dhaka');

  it('finds the outbreak the demo planted in Kurigram, and alerted the district officer once', async () => {
    const res = await get('national', `/api/v1/helpline/analytics/spikes?from=${addDays(week(), -28)}&to=${week()}&level=district&category=violence.child_marriage`);
    expect(res.statusCode).toBe(200);
    const kurigram = res.json().items.filter((s: { areaCode: string }) => s.areaCode === KURIGRAM);
    expect(kurigram.length).toBeGreaterThan(0);
    for (const s of kurigram) {
      expect(s.observed).toBeGreaterThan(s.upper);
      expect(s.score).toBeGreaterThan(1);
    }
    const bell = await h.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'kurigram.officer' AND n.kind = 'helpline_spike'`);
    expect(bell[0]!.n).toBe(1);
    const report = (await get('national', '/api/v1/helpline/analytics/detector')).json();
    expect(report.backtest).toMatchObject({ planted: 1, detected: 1, sensitivity: 1 });
    expect(report.backtest.medianWeeksToDetection).toBeLessThanOrEqual(1);
  });

  it('counts completed contacts by area, category and period, inside the reader\'s scope', async () => {
    const from = addDays(week(), -90);
    const national = (await get('national', `/api/v1/helpline/analytics/counts?from=${from}&to=${week()}&period=week&level=district&by=area&category=violence`)).json();
    const district = (await get('kurigram.officer', `/api/v1/helpline/analytics/counts?from=${from}&to=${week()}&period=week&level=district&by=area&category=violence`)).json();
    expect(district.items.map((c: { areaCode: string }) => c.areaCode)).toEqual([KURIGRAM]);
    expect(national.items.find((c: { areaCode: string }) => c.areaCode === KURIGRAM).count).toBe(district.items[0].count);
    expect(national.items.length).toBeGreaterThan(1);
    // A role without the analytics permission gets nothing.
    expect((await get('kurigram.caseworker', `/api/v1/helpline/analytics/counts?from=${from}&to=${week()}`)).statusCode).toBe(403);
    // Weekly counts stop at districts; an upazila breakdown is monthly, and says so.
    const bad = await get('national', `/api/v1/helpline/analytics/counts?from=${from}&to=${week()}&period=week&level=upazila`);
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('weekly_to_district');
  });

  it('hides cells under the threshold from roles that may not see small cells', async () => {
    const q = `/api/v1/helpline/analytics/counts?from=${addDays(week(), -365)}&to=${week()}&period=month&level=upazila&by=area,category,period`;
    const partner = (await get('partner.focal', q)).json();
    const national = (await get('national', q)).json();
    expect(partner.suppressBelow).toBe(5);
    const small = national.items.filter((c: { count: number }) => c.count < 5);
    expect(small.length).toBeGreaterThan(0);
    expect(partner.items.filter((c: { suppressed: boolean }) => c.suppressed).length).toBe(small.length);
    for (const c of partner.items) if (c.suppressed) expect(c.count).toBeNull(); else expect(c.count).toBeGreaterThanOrEqual(5);
  });

  it('counts a contact when it is completed, in the same transaction', async () => {
    const q = `/api/v1/helpline/analytics/counts?from=${addDays(week(), 7)}&to=${addDays(week(), 13)}&period=week&level=district&by=area&category=violence.physical`;
    const before = (await get('national', q)).json().items.find((c: { areaCode: string }) => c.areaCode === KURIGRAM)?.count ?? 0;
    const saved = await h.app.inject({ method: 'PUT', url: `/api/v1/helpline/contacts/${crypto.randomUUID()}`, headers: as['helpline.agent'], payload: {
      channel: 'voice', callType: 'child_self', urgency: 'medium', child: { name: 'মিনা', sex: 'female', ageYears: 12 }, geoCode: KURIGRAM_UNION, categories: ['violence.physical'],
    } });
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${saved.json().id}/complete`, headers: as['helpline.agent'], payload: { outcome: 'none' } })).statusCode).toBe(200);
    const after = (await get('national', q)).json().items.find((c: { areaCode: string }) => c.areaCode === KURIGRAM)?.count;
    expect(after).toBe(before + 1);
  });

  it('answers a repeated count from what it computed, and never from before a change to the rollups', async () => {
    const q = `/api/v1/helpline/analytics/counts?from=${addDays(week(), -52 * 7)}&to=${week()}&period=week&level=district&by=area&category=violence.child_marriage`;
    const kurigram = (body: { items: Array<{ areaCode: string; count: number }> }) => body.items.find((c) => c.areaCode === KURIGRAM)!.count;
    const first = (await get('national', q)).json();
    expect((await get('national', q)).json()).toEqual(first);
    // Any write to a rollup, by any path (here as a rebuild or an import would), moves the version in its own transaction.
    const version = async () => (await h.db.one<{ version: string }>(sql`SELECT version::text FROM helpline_counts_version`)).version;
    const v0 = await version();
    await h.db.query(sql`UPDATE helpline_weekly_counts SET n = n + 3 WHERE adm2_code = ${KURIGRAM} AND category = 'violence.child_marriage'
      AND week = (SELECT max(week) FROM helpline_weekly_counts WHERE adm2_code = ${KURIGRAM} AND category = 'violence.child_marriage' AND week <= ${week()}::date)`);
    expect(await version()).not.toBe(v0);
    expect(kurigram((await get('national', q)).json())).toBe(kurigram(first) + 3);
    // A change rolled back leaves the version, and the counts, as they were.
    const v1 = await version();
    await h.db.tx(async (tx) => { await tx.query(sql`DELETE FROM helpline_monthly_counts WHERE adm2_code = ${KURIGRAM}`); throw new Error('rolled back'); }).catch(() => undefined);
    expect(await version()).toBe(v1);
    // The district officer's answer is their own (the scope is part of what was asked).
    const district = (await get('kurigram.officer', q)).json();
    expect(district.items.map((c: { areaCode: string }) => c.areaCode)).toEqual([KURIGRAM]);
  });

  it('gives a month profile per division and this month against earlier years', async () => {
    const res = (await get('national', '/api/v1/helpline/analytics/seasonality?category=violence.child_marriage')).json();
    expect(res.items.length).toBe(8);
    for (const d of res.items) expect(d.profile).toHaveLength(12);
    // The demo's child-marriage season: August to October above the usual month, across the divisions.
    const flood = res.items.flatMap((d: { profile: number[] }) => [7, 8, 9].map((m) => d.profile[m] ?? 0));
    expect(flood.reduce((a: number, b: number) => a + b, 0) / flood.length).toBeGreaterThan(1.2);
    expect(res.items[0].sameMonth.length).toBeGreaterThanOrEqual(2);
  });

  it('forecasts three months with the backtest error beside it', async () => {
    const res = (await get('national', '/api/v1/helpline/analytics/forecast?area=55&category=violence')).json();
    expect(res.history.length).toBeGreaterThanOrEqual(24);
    expect(res.forecast).toHaveLength(3);
    expect(res.backtest.points).toBeGreaterThan(0);
    expect(res.backtest.mase).toBeGreaterThan(0);
    expect(res.backtest.naiveMase).toBeGreaterThan(0);
    const other = await get('kurigram.officer', '/api/v1/helpline/analytics/forecast?area=55&category=violence');
    // A district officer's division-wide series holds only their own district.
    expect(other.json().history.reduce((a: number, m: { count: number | null }) => a + (m.count ?? 0), 0))
      .toBeLessThan(res.history.reduce((a: number, m: { count: number | null }) => a + (m.count ?? 0), 0));
  });

  it('reruns the detector over the same weeks without changing what it found or alerting again', async () => {
    const before = await h.db.query(sql`SELECT level, area_code, category, week, observed, alerted FROM helpline_spikes ORDER BY 1, 2, 3, 4`);
    await h.services.helplineAnalytics.detect({ firstWeek: addDays(week(), -7 * 104), lastWeek: week(), notify: true });
    const after = await h.db.query(sql`SELECT level, area_code, category, week, observed, alerted FROM helpline_spikes ORDER BY 1, 2, 3, 4`);
    expect(after.length).toBe(before.length);
  });
});
