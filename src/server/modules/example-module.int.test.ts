import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeTable } from '../../shared/contract.js';
import { routesFrom } from '../platform/http/contract.js';
import { can } from '../platform/access/actor.js';
import { allPermissions } from '../platform/access/permissions.js';
import { actorOf } from '../platform/http/context.js';
import { AppError } from '../platform/errors.js';
import { defineModule } from '../platform/module.js';
import { signIn, startHarness, type Harness } from '../testing/harness.js';
import { MODULES } from './index.js';

// A new module is one manifest (and its route table, in src/shared/<module>.ts)...
const exampleApi = routeTable({ 'GET /api/v1/example': { summary: 'How many districts there are', response: { 200: z.object({ districts: z.number() }) } } });
const exampleModule = defineModule({
  name: 'example',
  permissions: ['example.read'],
  tables: [],
  create: ({ geo }) => ({ example: { districts: async () => (await geo.unitsAt(2)).length } }),
  routes(app, services) {
    const example = (services as unknown as { example: { districts(): Promise<number> } }).example;
    routesFrom(app, exampleApi, ['example'])('GET /api/v1/example', {}, async (req) => {
      if (!can(actorOf(req), 'example.read')) throw new AppError('forbidden');
      return { districts: await example.districts() };
    });
  },
});

describe('the module contract', () => {
  let h: Harness;
  beforeAll(async () => {
    // ...and one line in the list.
    h = await startHarness({ modules: [...MODULES, exampleModule] });
  });
  afterAll(() => h?.close());

  it('serves an added module with its services, routes and permissions, beside the others', async () => {
    expect(allPermissions()).toContain('example.read');
    const admin = (await signIn(h.app, 'national')).headers;
    // No role grants the new permission yet: the route answers 403, not 404.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/example', headers: admin })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/caseload', headers: admin })).statusCode).toBe(200);
    expect(await (h.services as unknown as { example: { districts(): Promise<number> } }).example.districts()).toBe(64);
  });
});
