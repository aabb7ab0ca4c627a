import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness, type Headers } from '../../testing/harness.js';
import { sql } from '../db/sql.js';

const registration = (name: string, geoCode = '554952') => ({
  child: { names: [{ text: name }], sex: 'female', ageYears: 11, geoCode },
  concerns: ['violence.neglect'], riskLevel: 'medium', source: 'outreach', reportedOn: '2026-11-20',
});

describe('idempotent creates and uncached answers', () => {
  let h: Harness;
  let headers: Headers;
  const casesNamed = async (name: string) => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases c JOIN persons p ON p.id = c.child_id WHERE p.display_name = ${name}`)).n;
  beforeAll(async () => {
    h = await startHarness();
    headers = (await signIn(h.app, 'kurigram.caseworker')).headers;
  });
  afterAll(() => h?.close());

  it('answers a retried registration with the first case, never a second', async () => {
    const send = () => h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, 'idempotency-key': 'retry-key-000000000001' }, payload: registration('Retry Once') });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await casesNamed('Retry Once')).toBe(1);
    const other = await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, 'idempotency-key': 'retry-key-000000000001' }, payload: registration('Someone Else') });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('conflict');
  });

  it('lets one of two parallel duplicates through', async () => {
    const send = () => h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, 'idempotency-key': 'parallel-key-00000001' }, payload: registration('Parallel Twin') });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.filter((a) => a.statusCode === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    expect(await casesNamed('Parallel Twin')).toBe(1);
  });

  it('frees the key when the request fails, so the corrected form goes through', async () => {
    const key = { 'idempotency-key': 'corrected-key-0000001' };
    const outside = await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, ...key }, payload: registration('Fixed Later', '302603') });
    expect(outside.statusCode).toBeGreaterThanOrEqual(400);
    const fixed = await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, ...key }, payload: registration('Fixed Later') });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replay']).toBeUndefined();
  });

  it('keeps a retry to the user who sent it', async () => {
    const key = { 'idempotency-key': 'shared-key-0000000001' };
    const mine = await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...headers, ...key }, payload: registration('Only Mine') });
    const other = (await signIn(h.app, 'kurigram.officer')).headers;
    const theirs = await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...other, ...key }, payload: registration('Only Mine') });
    expect(mine.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replay']).toBeUndefined();
  });

  it('tells browsers and proxies not to keep personal data', async () => {
    const list = await h.app.inject({ url: '/api/v1/cases?limit=1', headers });
    expect(list.headers['cache-control']).toBe('no-store');
    const id = list.json().items[0].id as string;
    expect((await h.app.inject({ url: `/api/v1/cases/${id}`, headers })).headers['cache-control']).toBe('no-store');
    expect((await h.app.inject({ url: '/api/v1/geo/units' })).headers['cache-control']).toBe('no-store');
  });
});
