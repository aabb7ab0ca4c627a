import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';

export type Finding = { code: string; met: boolean; note: string | null };
export type InspectionRow = {
  id: string; inspected_on: string; inspector: string | null; score: number; summary: string | null; findings: Finding[]; next_due_on: string;
  actions: Array<{ id: string; description: string; due_on: string; done_on: string | null }>;
};

/** A facility's inspections, newest first, each with its corrective actions (or only the one `onlyId`). */
export function inspectionsOf(db: Queryable, facilityId: string, onlyId?: string) {
  return db.query<InspectionRow>(sql`SELECT i.id, to_char(i.inspected_on, 'YYYY-MM-DD') AS inspected_on, u.full_name AS inspector, i.score, i.summary, i.findings,
      to_char(i.next_due_on, 'YYYY-MM-DD') AS next_due_on,
      coalesce((SELECT json_agg(json_build_object('id', a.id, 'description', a.description, 'due_on', to_char(a.due_on, 'YYYY-MM-DD'), 'done_on', to_char(a.done_on, 'YYYY-MM-DD')) ORDER BY a.due_on, a.created_at)
        FROM inspection_actions a WHERE a.inspection_id = i.id), '[]'::json) AS actions
    FROM facility_inspections i LEFT JOIN users u ON u.id = i.inspector_id WHERE i.facility_id = ${facilityId}${onlyId ? sql` AND i.id = ${onlyId}` : sql``} ORDER BY i.inspected_on DESC, i.created_at DESC LIMIT 100`);
}

export function insertInspection(tx: Queryable, i: { facilityId: string; on: string; by: string; findings: Finding[]; score: number; summary: string | null; nextDueOn: string }) {
  return tx.one<{ id: string }>(sql`INSERT INTO facility_inspections (facility_id, inspected_on, inspector_id, findings, score, summary, next_due_on)
    VALUES (${i.facilityId}, ${i.on}, ${i.by}, ${JSON.stringify(i.findings)}::jsonb, ${i.score}, ${i.summary}, ${i.nextDueOn}) RETURNING id`);
}

export function insertActions(tx: Queryable, inspectionId: string, actions: Array<{ description: string; dueOn: string }>) {
  if (!actions.length) return Promise.resolve([]);
  return tx.query(sql`INSERT INTO inspection_actions (inspection_id, description, due_on)
    SELECT ${inspectionId}, description, due_on FROM jsonb_to_recordset(${JSON.stringify(actions.map((a) => ({ description: a.description, due_on: a.dueOn })))}::jsonb) AS x(description text, due_on date)`);
}

export type ActionRow = { id: string; description: string; due_on: string; done_on: string | null; facility_id: string; inspected_on: string };

export function findAction(db: Queryable, id: string) {
  return db.maybeOne<ActionRow>(sql`SELECT a.id, a.description, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, to_char(a.done_on, 'YYYY-MM-DD') AS done_on, i.facility_id,
    to_char(i.inspected_on, 'YYYY-MM-DD') AS inspected_on FROM inspection_actions a JOIN facility_inspections i ON i.id = a.inspection_id WHERE a.id = ${id}`);
}

/** Marks an action done; answers nothing when it already was (a concurrent save). */
export function completeAction(tx: Queryable, id: string, on: string, by: string) {
  return tx.maybeOne<{ id: string }>(sql`UPDATE inspection_actions SET done_on = ${on}, done_by = ${by} WHERE id = ${id} AND done_on IS NULL RETURNING id`);
}

/**
 * Facilities whose latest inspection's next one is past due and not yet told: the latest visit
 * marked told, answered with the facility's district for the district office's notification.
 */
export function markOverdueInspections(tx: Queryable, today: string, at: Date) {
  return tx.query<{ facility_id: string; facility_name: string; facility_name_local: string | null; adm2_code: string | null; due_on: string }>(sql`
    WITH latest AS (
      SELECT DISTINCT ON (facility_id) id, facility_id, next_due_on, overdue_alerted_at FROM facility_inspections ORDER BY facility_id, inspected_on DESC, created_at DESC
    ), told AS (
      UPDATE facility_inspections i SET overdue_alerted_at = ${at} FROM latest l
      WHERE i.id = l.id AND l.overdue_alerted_at IS NULL AND l.next_due_on < ${today}::date RETURNING i.facility_id, i.next_due_on
    ) SELECT f.id AS facility_id, f.name_en AS facility_name, f.name_local AS facility_name_local, f.adm2_code, to_char(t.next_due_on, 'YYYY-MM-DD') AS due_on
      FROM told t JOIN facilities f ON f.id = t.facility_id`);
}
