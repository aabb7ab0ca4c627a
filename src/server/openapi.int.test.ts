import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './testing/harness.js';

type Operation = { summary?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('gives every operation a response schema', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
    const operations = Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(60);
    const without = operations.filter(({ op }) => {
      const responses = Object.entries(op.responses ?? {}).filter(([status]) => /^[23]/.test(status));
      // A redirect documents itself by its status; everything else carries a schema.
      return responses.length === 0 || responses.some(([status, r]) => !/^3/.test(status) && !Object.values(r.content ?? {}).some((c) => c.schema));
    });
    expect(without.map((o) => o.route)).toEqual([]);
    // Each says what it does, for the people who integrate with it.
    expect(operations.filter(({ op }) => !op.summary?.trim()).map((o) => o.route)).toEqual([]);
  });
});
