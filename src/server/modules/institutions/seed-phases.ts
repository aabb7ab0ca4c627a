import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { peopleService } from '../people/service.js';

/**
 * Where the demo's residents of a phased facility type stand: each began in the first phase on
 * admission; the next phases follow at the pace of the programme (education after six months,
 * vocational training from 14, reintegration from 17, never before the previous one), up to today.
 * `phases` are the type's phase keys in order (country configuration); a type with other than
 * four phases gets the first only.
 */
export async function seedDemoPhases(tx: Queryable, type: string, phases: readonly string[], registrar: string, today: string): Promise<void> {
  if (!phases.length) return;
  const [first, second, third, fourth] = phases;
  const steps = phases.length === 4
    ? sql`UNION ALL SELECT id, ${second!}, admitted_on + 182 FROM stays
      UNION ALL SELECT id, ${third!}, greatest(admitted_on + 365, dob14) FROM stays
      UNION ALL SELECT id, ${fourth!}, greatest(admitted_on + 400, dob17) FROM stays`
    : sql``;
  await tx.query(sql`WITH stays AS (
      SELECT p.id, p.admitted_on, (pe.date_of_birth + interval '14 years')::date AS dob14, (pe.date_of_birth + interval '17 years')::date AS dob17
      FROM placements p JOIN facilities f ON f.id = p.facility_id ${peopleService.joinPerson('pe', 'p.person_id')}
      WHERE f.type = ${type} AND p.ended_on IS NULL AND pe.date_of_birth IS NOT NULL
    ), entered AS (SELECT id, ${first!}::text AS phase, admitted_on AS started_on FROM stays ${steps})
    INSERT INTO placement_phases (placement_id, phase, started_on, recorded_by)
    SELECT id, phase, started_on, ${registrar} FROM entered WHERE started_on <= ${today}::date`);
}
