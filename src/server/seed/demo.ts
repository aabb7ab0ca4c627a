import { recordAudit, SYSTEM_CONTEXT } from '../platform/audit/audit.js';
import { accountId } from '../platform/auth/accounts.js';
import type { Database } from '../platform/db/database.js';
import type { Services } from '../platform/module.js';
import { seededRandom } from './random.js';

// The demo logins are the admin module's; people, tests and docs find them here.
export { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from '../modules/admin/seed.js';

export type SeedProgress = (done: number, total: number, label: string) => void;

/** True when the demo dataset is already there (its administrator exists). */
export async function isSeeded(db: Database): Promise<boolean> {
  return (await accountId(db, 'admin')) !== undefined;
}

/**
 * The demo dataset: each module's demo step, in manifest order, in ONE transaction (all of it
 * or none). Deterministic: one seeded random source runs through the steps, so the data is
 * the same every time. Returns what each step reports it made, summed by name.
 */
export async function seedDemo(services: Services, progress: SeedProgress = () => undefined): Promise<Record<string, number>> {
  const steps = services.modules.filter((m) => m.seed?.demo);
  const last = services.modules.filter((m) => m.seed?.demoLast);
  const made: Record<string, number> = {};
  let done = 0;
  for (const m of services.modules) await m.warm?.(services);
  await services.db.tx(async (tx) => {
    const ctx = { services, rnd: seededRandom(1098), shared: new Map<string, unknown>(), counts: {}, progress: (label: string) => progress(done, steps.length + last.length, label) };
    for (const step of [...steps.map((m) => ({ name: m.name, run: m.seed!.demo! })), ...last.map((m) => ({ name: m.name, run: m.seed!.demoLast! }))]) {
      const result = await step.run(tx, ctx);
      for (const [k, v] of Object.entries(result ?? {})) made[k] = (made[k] ?? 0) + v;
      progress(++done, steps.length + last.length, step.name);
    }
    await recordAudit(tx, SYSTEM_CONTEXT, { action: 'seed.demo', entity: 'dataset', entityId: 'demo', meta: made });
  });
  return made;
}
