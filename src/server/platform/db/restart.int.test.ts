import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresControl } from '../../testing/postgres-control.js';
import { signIn, startHarness, type Harness, type Headers } from '../../testing/harness.js';

const control = postgresControl();

// Server mode only: PGlite runs inside the process and cannot restart under it.
describe.skipIf(!control)('a PostgreSQL restart under load', () => {
  let h: Harness;
  let headers: Headers;
  beforeAll(async () => {
    h = await startHarness();
    headers = (await signIn(h.app, 'kurigram.caseworker')).headers;
  });
  afterAll(() => h?.close());

  it('keeps the app running: 503 while the database is away, and back by itself', async () => {
    const ready = async () => (await h.app.inject({ url: '/readyz' })).statusCode;
    // Load: a stream of case-list reads, so pooled connections are busy and idle when the server goes.
    let running = true;
    const statuses: number[] = [];
    const load = (async () => {
      while (running) {
        const res = await Promise.all(Array.from({ length: 4 }, () => h.app.inject({ url: '/api/v1/cases?limit=5', headers })));
        statuses.push(...res.map((r) => r.statusCode));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    expect(await ready()).toBe(200);

    control!.stop();
    expect(await ready()).toBe(503);
    const away = await h.app.inject({ url: '/api/v1/cases?limit=5', headers });
    expect(away.statusCode).toBe(503);
    expect(away.json().error.code).toBe('unavailable');
    control!.start();

    let back = 0;
    for (let i = 0; i < 100 && back !== 200; i++) {
      back = await ready();
      if (back !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await load;
    // Every answer was a success or a clean 503, never a 500; and requests succeed again.
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect((await h.app.inject({ url: '/api/v1/cases?limit=5', headers })).statusCode).toBe(200);
  });
});
