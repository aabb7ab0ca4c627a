import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness } from '../../../testing/harness.js';
import { NAME_PAIRS } from '../../../testing/name-pairs.js';

/**
 * Cross-script search through the API: each real-world pair is registered once under its
 * Bangla spelling and once under its Latin spelling, among the demo dataset's cases; a search
 * with the other spelling must return the case in its top 5, both ways.
 */
describe('cross-script name search (GET /api/v1/cases?q=)', () => {
  let h: Harness;
  let worker: Record<string, string>;
  let national: Record<string, string>;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    h = await startHarness();
    worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    national = (await signIn(h.app, 'national')).headers;
    const spellings = [...new Set(NAME_PAIRS.flat())];
    for (const text of spellings) {
      const res = await h.app.inject({
        method: 'POST', url: '/api/v1/cases', headers: worker,
        payload: { child: { names: [{ text }], sex: 'unknown', ageYears: 10, geoCode: '554952' }, concerns: ['violence.neglect'], riskLevel: 'low', source: 'outreach', reportedOn: '2026-11-01' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.set(text, res.json().id);
    }
  }, 120_000);
  afterAll(() => h?.close());

  const top5 = async (q: string, headers: Record<string, string>) => {
    const res = await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(q)}&limit=5`, headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Array<{ id: string; caseNumber: string; child: { names: string[] } }>; total: number }>();
    expect(body.items.every((i) => i.caseNumber && i.child.names.length > 0)).toBe(true);
    return body.items.map((i) => i.id);
  };

  it.each(NAME_PAIRS)('"%s" and "%s" find each other (nationwide search)', async (bn, latin) => {
    expect(await top5(latin, national)).toContain(ids.get(bn));
    expect(await top5(bn, national)).toContain(ids.get(latin));
  });

  it.each(NAME_PAIRS.slice(0, 12))('"%s" and "%s" find each other (district-scoped search)', async (bn, latin) => {
    const officer = (await signIn(h.app, 'kurigram.officer')).headers;
    expect(await top5(latin, officer)).toContain(ids.get(bn));
    expect(await top5(bn, officer)).toContain(ids.get(latin));
  });

  it('finds a case by a fragment of its number, in ASCII or Bangla digits', async () => {
    const id = ids.values().next().value!;
    const number = (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: worker })).json<{ caseNumber: string }>().caseNumber;
    const tail = number.slice(-6);
    for (const q of [tail, number.slice(3, 12), tail.replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!)]) {
      const res = await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(q)}&status=open&limit=100`, headers: national });
      expect(res.json<{ items: Array<{ id: string }> }>().items.map((c) => c.id), q).toContain(id);
    }
  });
});
