import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.js';

describe('geography (Bangladesh)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: false });
  });
  afterAll(() => h?.close());

  it('has 8 divisions, 64 districts, every upazila and the unions', async () => {
    const counts = Object.fromEntries((await h.services.geo.counts()).map((c) => [c.level, c.n]));
    expect(counts).toMatchObject({ 1: 8, 2: 64 });
    expect(counts[3]).toBe(494 + 61);
    expect(counts[4]).toBe(4540);
  });

  it('lists children and resolves a code to its full path', async () => {
    const res = await h.app.inject({ url: '/api/v1/geo/units/554994' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.path.map((u: { name: { en: string } }) => u.name.en)).toEqual(['Rangpur', 'Kurigram', 'Ulipur']);
    expect(body.unit.flags).toContain('char');
    const kids = (await h.app.inject({ url: '/api/v1/geo/units/5549/children' })).json();
    expect(kids.items.map((u: { name: { en: string } }) => u.name.en)).toContain('Kurigram Sadar');
    expect((await h.app.inject({ url: '/api/v1/geo/units/999999' })).statusCode).toBe(404);
  });

  it('lists the places of the searcher\'s own area first, each with the upazila and district it lies in', async () => {
    type Hit = { code: string; level: number; inArea: boolean; within: Array<{ level: number; name: { en: string; local: string | null } }> };
    // Fourteen unions are called Durgapur; a Kurigram worker means the one in Kurigram.
    const near = (await h.app.inject({ url: '/api/v1/geo/search?q=Durgapur&level=4&near=5549&limit=20' })).json().items as Hit[];
    expect(near.length).toBeGreaterThan(5);
    expect(near[0]).toMatchObject({ code: '554994-N4163', inArea: true });
    expect(near.slice(1).every((u) => !u.inArea)).toBe(true);
    expect(near[0]!.within.map((w) => w.level)).toEqual([3, 2, 1]);
    expect(near[0]!.within[1]!.name.en).toBe('Kurigram');
    expect(near[0]!.within[1]!.name.local).toMatch(/^কু/);
    const anywhere = (await h.app.inject({ url: '/api/v1/geo/search?q=Durgapur&level=4&limit=20' })).json().items as Hit[];
    expect(anywhere.every((u) => !u.inArea)).toBe(true);
    // Upazilas and unions together (a caseworker who knows only the upazila).
    const both = (await h.app.inject({ url: `/api/v1/geo/search?q=${encodeURIComponent('Kurigram Sadar')}&minLevel=3&near=5549` })).json().items as Hit[];
    expect(both[0]).toMatchObject({ level: 3, inArea: true });
    expect(both.every((u) => u.level >= 3)).toBe(true);
  });

  it('gives uncoded upazilas a stable local code', async () => {
    const res = (await h.app.inject({ url: '/api/v1/geo/search?q=Taltali&level=3' })).json();
    expect(res.items[0].name.en).toBe('Taltali');
    expect(res.items[0].code).toMatch(/^1004-U\d+$/);
    expect(res.items[0].codeSource).toBe('local');
  });

  it.each([
    ['Kurigram', 'Kurigram'],
    ['Kurigam', 'Kurigram'],
    ['কুড়িগ্রাম', 'Kurigram'],
    ['Chittagong', 'Chattogram'],
    ['সুনামগঞ্জ', 'Sunamganj'],
    ['Sunamgonj', 'Sunamganj'],
  ])('finds %s (typo-tolerant, either script)', async (q, expected) => {
    const res = (await h.app.inject({ url: `/api/v1/geo/search?q=${encodeURIComponent(q)}&level=2` })).json();
    expect(res.items.slice(0, 3).map((u: { name: { en: string } }) => u.name.en)).toContain(expected);
  });

  it('serves district shapes gzipped with an ETag', async () => {
    const res = await h.app.inject({ url: '/api/v1/geo/geojson/2', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const again = await h.app.inject({ url: '/api/v1/geo/geojson/2', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('rejects a bad query with 422 and field details', async () => {
    const res = await h.app.inject({ url: '/api/v1/geo/search?q=&limit=500', headers: { 'accept-language': 'bn' } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['limit', 'q']);
    expect(body.error.message).toMatch(/[\u0980-\u09ff]/);
  });
});

describe('geography (second country: Khyber Pakhtunkhwa)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: false, env: { NCPP_COUNTRY: 'kp' } });
  });
  afterAll(() => h?.close());

  it('loads province > district > tehsil from configuration alone', async () => {
    const country = (await h.app.inject({ url: '/api/v1/geo/country' })).json();
    expect(country.helpline.number).toBe('1121');
    expect(country.levels.map((l: { key: string }) => l.key)).toEqual(['province', 'district', 'tehsil']);
    const top = (await h.app.inject({ url: '/api/v1/geo/units' })).json();
    expect(top.items.map((u: { name: { en: string } }) => u.name.en)).toEqual(['Khyber Pakhtunkhwa']);
    const path = (await h.app.inject({ url: '/api/v1/geo/units/PK10201' })).json().path;
    expect(path.map((u: { levelKey: string }) => u.levelKey)).toEqual(['province', 'district', 'tehsil']);
    const found = (await h.app.inject({ url: '/api/v1/geo/search?q=Peshawr' })).json();
    expect(found.items[0].name.en).toBe('Peshawar');
  });
});
