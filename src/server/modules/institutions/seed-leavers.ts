import type { SeedRandom } from '../../platform/module.js';
import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { FOLLOWUP_OUTCOMES } from '../../../shared/values.js';
import { followUpDates } from './lifecycle.js';
import { DAY_MS, isoDay } from '../../seed/dates.js';


/** How the demo's leavers left, weighted as DSS reports its exits: most go home. */
const EXITS: ReadonlyArray<[string, number]> = [['family_reunification', 50], ['kinship_care', 14], ['job_placement', 10], ['aged_out', 10], ['foster_care', 4], ['guardianship', 2], ['absconded', 10]];
/** What follow-up visits find. */
const FOUND: ReadonlyArray<[(typeof FOLLOWUP_OUTCOMES)[number], number]> = [['settled', 70], ['needs_support', 20], ['at_risk', 7], ['not_found', 3]];

function weighted<T>(rnd: SeedRandom, items: ReadonlyArray<[T, number]>): T {
  let n = rnd.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((n -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/**
 * Children who left the state facilities in the last fourteen months (about one resident in
 * forty), then the follow-up visits of everyone who left for a family, a carer, a job or adult
 * life: the country's schedule from the discharge, four in five past visits made, the rest
 * overdue, so the facility pages and the case files open with a history.
 */
export async function seedDemoLeavers(tx: Queryable, rnd: SeedRandom, registrar: string, months: readonly number[], now: number): Promise<number> {
  const open = await tx.query<{ id: string; admitted_on: string }>(sql`SELECT p.id, to_char(p.admitted_on, 'YYYY-MM-DD') AS admitted_on
    FROM placements p JOIN facilities f ON f.id = p.facility_id WHERE p.ended_on IS NULL AND f.type <> 'ngo_orphanage' AND abs(hashtext(p.id::text)) % 40 = 0 ORDER BY p.id`);
  const yesterday = now - DAY_MS;
  const leavers = open.map((p) => {
    const from = Math.max(Date.parse(`${p.admitted_on}T00:00:00Z`), now - 425 * DAY_MS);
    return { id: p.id, ended_on: isoDay(from + rnd.next() * Math.max(0, yesterday - from)), reason: weighted(rnd, EXITS) };
  });
  await tx.query(sql`UPDATE placements p SET ended_on = x.ended_on, end_reason = x.reason, ended_by = ${registrar}
    FROM jsonb_to_recordset(${JSON.stringify(leavers)}::jsonb) AS x(id uuid, ended_on date, reason text) WHERE p.id = x.id`);
  await tx.query(sql`UPDATE placement_alerts SET resolved_at = now() WHERE resolved_at IS NULL AND placement_id = ANY(${leavers.map((l) => l.id)}::uuid[])`);

  const ended = await tx.query<{ id: string; ended_on: string; end_reason: string }>(sql`SELECT id, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason FROM placements WHERE ended_on IS NOT NULL ORDER BY id`);
  const today = isoDay(now);
  const visits = ended.flatMap((p) => followUpDates(p.end_reason, p.ended_on, months).map((due) => {
    const made = due < today && rnd.next() < 0.8;
    const visited = made ? isoDay(Math.min(Date.parse(`${due}T00:00:00Z`) + rnd.int(0, 10) * DAY_MS, yesterday)) : null;
    return { placement_id: p.id, due_on: due, visited_on: visited, outcome: made ? weighted(rnd, FOUND) : null };
  }));
  await tx.query(sql`INSERT INTO placement_followups (placement_id, due_on, visited_on, outcome, visited_by)
    SELECT placement_id, due_on, visited_on, outcome, CASE WHEN visited_on IS NULL THEN NULL ELSE ${registrar}::uuid END
    FROM jsonb_to_recordset(${JSON.stringify(visits)}::jsonb) AS x(placement_id uuid, due_on date, visited_on date, outcome text)`);
  return leavers.length;
}
