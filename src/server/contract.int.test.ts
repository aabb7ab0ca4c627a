import Fastify from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../shared/admin.js';
import { authApi, notificationsApi } from '../shared/auth.js';
import { casesApi } from '../shared/cases-api.js';
import { routeTable } from '../shared/contract.js';
import { geoApi } from '../shared/geo.js';
import { referralsApi } from '../shared/referrals.js';
import { helplineApi } from '../shared/helpline.js';
import { requireContract, routeTablesOf, routesFrom } from './platform/http/contract.js';
import { startHarness, type Harness } from './testing/harness.js';

describe('the API contract', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('registers every route of every shared route table, and only from them', () => {
    const tables = routeTablesOf(h.app);
    for (const table of [authApi, notificationsApi, adminApi, geoApi, casesApi, referralsApi, helplineApi]) expect(tables).toContain(table);
    // OIDC's redirects exist only when a provider is configured (the harness has none).
    const keys = tables.flatMap((t) => Object.keys(t)).filter((k) => !k.includes('/auth/oidc/'));
    expect(keys.length).toBeGreaterThan(70);
    const missing = keys.filter((key) => {
      const [method, url] = key.split(' ') as ['GET', string];
      return !h.app.hasRoute({ method, url });
    });
    expect(missing).toEqual([]);
  });

  it('refuses at start-up an API route that bypasses the tables', () => {
    const app = Fastify();
    requireContract(app);
    expect(() => app.get('/api/v1/rogue', async () => ({}))).toThrow(/not registered from a route table/);
    const on = routesFrom(app, routeTable({ 'GET /api/v1/fine': { summary: 'A test route', response: { 200: z.object({ ok: z.boolean() }) } } }), ['test']);
    expect(() => on('GET /api/v1/fine', {}, async () => ({ ok: true }))).not.toThrow();
    // Outside the API (health checks, the web app) nothing is required.
    expect(() => app.get('/healthz', async () => ({}))).not.toThrow();
  });
});
