import { datasetVersion, setDatasetVersion } from '../platform/db/versions.js';
import { recordAudit, type AuditContext } from '../platform/audit/audit.js';
import type { Services } from '../platform/module.js';
import { seededRandom } from './random.js';

const MARKER = 'seed:national:cases';

/**
 * National scale (budgets.md): each module's national step in manifest order, each loading
 * in its own batches, once per database (a marker row remembers it). `counts` sets the
 * sizes (cases, users). Returns false when the dataset was already there.
 */
export async function seedNational(services: Services, counts: Record<string, number>, ctx: AuditContext, progress: (label: string, done?: number, total?: number) => void = () => undefined): Promise<boolean> {
  if (await datasetVersion(services.db, MARKER)) return false;
  const seed = { services, rnd: seededRandom(117_000), shared: new Map<string, unknown>(), counts, progress };
  for (const m of services.modules) if (m.seed?.national) await m.seed.national(seed);
  await services.db.tx(async (tx) => {
    await setDatasetVersion(tx, MARKER, String(counts.cases ?? 0));
    await recordAudit(tx, ctx, { action: 'seed.national', entity: 'dataset', entityId: 'national', meta: counts });
  });
  return true;
}
