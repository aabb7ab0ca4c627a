import type { SeedRandom } from '../../../platform/module.js';
import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';
import { addMonths } from '../lifecycle.js';
import type { CareStandards } from './service.js';
import { DAY_MS, isoDay } from '../../../seed/dates.js';

const ACTIONS = ['Repair the broken toilet doors', 'Train the night staff on the child protection policy', 'Enrol the three out-of-school children', 'Put up the complaints box where children can reach it',
  'Bring every child\u2019s care plan up to date', 'Separate the older boys\u2019 dormitory', 'Fix the water filter and test the water'];

/**
 * The demo's inspection history for the facilities of the demo districts (Kurigram, Sunamganj)
 * and the named ones: two or three visits over the last fourteen months, standards mostly met
 * and improving, corrective actions (the older done, some of the latest overdue); about one
 * facility in four has let its next inspection fall overdue.
 */
export async function seedDemoInspections(tx: Queryable, rnd: SeedRandom, standards: CareStandards, inspector: string, now: number): Promise<number> {
  const facilities = await tx.query<{ id: string }>(sql`SELECT id FROM facilities WHERE adm2_code IN ('5549', '6090') OR organisation_id IN (SELECT organisation_id FROM facilities WHERE type = 'baby_home' AND adm2_code = '5081') ORDER BY name_en`);
  const visits: Array<Record<string, unknown>> = [];
  const actions: Array<Record<string, unknown>> = [];
  for (const f of facilities) {
    const lapsed = rnd.next() < 0.25;
    const last = now - (lapsed ? rnd.int(200, 300) : rnd.int(10, 150)) * DAY_MS;
    const dates = [last - rnd.int(170, 200) * DAY_MS, last];
    if (rnd.next() < 0.5) dates.unshift(dates[0]! - rnd.int(170, 200) * DAY_MS);
    dates.forEach((at, k) => {
      const on = isoDay(at);
      const likelihood = 0.6 + 0.1 * k + rnd.next() * 0.2;
      const findings = standards.items.map((s) => ({ code: s.code, met: rnd.next() < likelihood, note: null }));
      const id = crypto.randomUUID();
      visits.push({ id, facility_id: f.id, inspected_on: on, findings, score: Math.round((100 * findings.filter((x) => x.met).length) / findings.length), next_due_on: addMonths(on, standards.intervalMonths) });
      const latest = k === dates.length - 1;
      for (let n = rnd.int(0, 2); n > 0; n--) {
        const due = at + rnd.int(20, 90) * DAY_MS;
        actions.push({ inspection_id: id, description: rnd.pick(ACTIONS), due_on: isoDay(due), done_on: latest && rnd.next() < 0.6 ? null : isoDay(Math.min(due - rnd.int(0, 15) * DAY_MS, now - DAY_MS)) });
      }
    });
  }
  await tx.query(sql`INSERT INTO facility_inspections (id, facility_id, inspected_on, inspector_id, findings, score, next_due_on)
    SELECT id, facility_id, inspected_on, ${inspector}, findings, score, next_due_on
    FROM jsonb_to_recordset(${JSON.stringify(visits)}::jsonb) AS x(id uuid, facility_id uuid, inspected_on date, findings jsonb, score int, next_due_on date)`);
  await tx.query(sql`INSERT INTO inspection_actions (inspection_id, description, due_on, done_on, done_by)
    SELECT inspection_id, description, due_on, done_on, CASE WHEN done_on IS NULL THEN NULL ELSE ${inspector}::uuid END
    FROM jsonb_to_recordset(${JSON.stringify(actions)}::jsonb) AS x(inspection_id uuid, description text, due_on date, done_on date)`);
  return visits.length;
}
