import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FacilityInspections, Inspection, InspectionAction, InspectionInput } from '../../../../shared/inspections.js';
import { INSTITUTION_PERMISSIONS as P } from '../../../../shared/institutions.js';
import type { Lang } from '../../../../shared/i18n/index.js';
import type { Actor } from '../../../platform/access/actor.js';
import { usersHolding } from '../../../platform/access/holders.js';
import { denyRead, recordAudit, SYSTEM_CONTEXT, type AuditContext } from '../../../platform/audit/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { dateIn } from '../../../platform/clock.js';
import type { Database, Tx } from '../../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { bothNames, dateParam, notify } from '../../../platform/notifications/notifications.js';
import { addMonths } from '../lifecycle.js';
import { mayManageAt, mayPlace, mayReadResidents } from '../policy.js';
import * as fq from '../queries.js';
import * as q from './queries.js';

const Standards = z.object({
  intervalMonths: z.number().int().min(1).max(36),
  items: z.array(z.object({ code: z.string(), area: z.string(), label: z.record(z.string(), z.string()) })).min(1),
});
export type CareStandards = z.infer<typeof Standards>;

/** The checklist kept as data (data/taxonomies/care-standards.json), so a country sets its own standards without a release. */
export function loadCareStandards(referenceDataDir: string): CareStandards {
  return Standards.parse(JSON.parse(fs.readFileSync(path.join(referenceDataDir, 'taxonomies', 'care-standards.json'), 'utf8')));
}

const issue = (p: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path: p, code, message: '', ...(params ? { params } : {}) });
const label = (l: Record<string, string>, lang: Lang) => l[lang] ?? l.en ?? '';

/**
 * Care standards: the district office inspects a facility against the checklist; the score is
 * the share of standards met (computed, never typed); corrective actions carry due dates; the
 * next inspection falls due `intervalMonths` after the visit, and an overdue one is told once
 * to the district's officers. The facility's staff see their inspections and close actions.
 */
export function createInspections(db: Database, standards: CareStandards, clock: Clock, timezone: string) {
  const today = () => dateIn(clock.now(), timezone);
  const labels = new Map(standards.items.map((s) => [s.code, s.label]));

  async function facilityFor(actor: Actor, id: string, ctx: AuditContext) {
    const f = await fq.findFacility(db, id);
    if (!f) throw new AppError('not_found');
    if (!mayReadResidents(actor, f) && !mayManageAt(actor, f)) return denyRead(db, ctx, 'facility_inspections', id, true);
    return f;
  }

  const presentAction = (a: q.InspectionRow['actions'][number], day: string): InspectionAction => ({ id: a.id, description: a.description, dueOn: a.due_on, doneOn: a.done_on, overdue: a.done_on === null && a.due_on < day });

  function present(r: q.InspectionRow, lang: Lang, day: string): Inspection {
    return {
      id: r.id, inspectedOn: r.inspected_on, inspector: r.inspector, score: r.score, summary: r.summary, nextDueOn: r.next_due_on,
      findings: r.findings.map((f) => ({ code: f.code, label: labels.has(f.code) ? label(labels.get(f.code)!, lang) : f.code, met: f.met, note: f.note })),
      actions: r.actions.map((a) => presentAction(a, day)),
    };
  }

  return {
    async of(actor: Actor, facilityId: string, ctx: AuditContext): Promise<FacilityInspections> {
      const f = await facilityFor(actor, facilityId, ctx);
      const rows = await q.inspectionsOf(db, facilityId);
      const day = today();
      const next = rows[0]?.next_due_on ?? null;
      const allowed: FacilityInspections['allowedActions'] = [];
      if (mayManageAt(actor, f)) allowed.push('inspect');
      if (mayManageAt(actor, f) || mayPlace(actor, f)) allowed.push('complete_action');
      return {
        standards: standards.items.map((s) => ({ code: s.code, area: s.area, label: label(s.label, actor.lang) })),
        inspections: rows.map((r) => present(r, actor.lang, day)), nextDueOn: next, overdue: next !== null && next < day, allowedActions: allowed,
      };
    },

    /** Records a visit: every standard answered once; the score and the next due date follow from it. */
    async record(actor: Actor, facilityId: string, input: InspectionInput, ctx: AuditContext): Promise<Inspection> {
      const f = await fq.findFacility(db, facilityId);
      if (!f) throw new AppError('not_found');
      if (!mayManageAt(actor, f)) throw new AppError('forbidden');
      const issues: FieldIssue[] = [];
      if (input.inspectedOn > today()) issues.push(issue('inspectedOn', 'in_future'));
      const seen = new Set<string>();
      input.findings.forEach((x, i) => {
        if (!labels.has(x.code)) issues.push(issue(`findings.${i}.code`, 'unknown_standard'));
        else if (seen.has(x.code)) issues.push(issue(`findings.${i}.code`, 'answered_twice'));
        seen.add(x.code);
      });
      const missing = standards.items.filter((s) => !seen.has(s.code));
      if (missing.length) issues.push(issue('findings', 'standards_unanswered', { count: missing.length }));
      input.actions.forEach((a, i) => { if (a.dueOn < input.inspectedOn) issues.push(issue(`actions.${i}.dueOn`, 'before_inspection')); });
      if (issues.length) throw new AppError('validation', 'validation', issues);
      const findings = input.findings.map((x) => ({ code: x.code, met: x.met, note: x.note ?? null }));
      const score = Math.round((100 * findings.filter((x) => x.met).length) / findings.length);
      const nextDueOn = addMonths(input.inspectedOn, standards.intervalMonths);
      const id = await db.tx(async (tx) => {
        const created = await q.insertInspection(tx, { facilityId, on: input.inspectedOn, by: actor.userId, findings, score, summary: input.summary ?? null, nextDueOn });
        await q.insertActions(tx, created.id, input.actions);
        await recordAudit(tx, ctx, { action: 'facility.inspect', entity: 'facility_inspection', entityId: created.id, after: { facility_id: facilityId, inspected_on: input.inspectedOn, score, actions: input.actions.length, next_due_on: nextDueOn } });
        return created.id;
      });
      const [row] = await q.inspectionsOf(db, facilityId, id);
      return present(row!, actor.lang, today());
    },

    /** Marks a corrective action done: the facility's staff, or the district office. */
    async completeAction(actor: Actor, id: string, doneOn: string, ctx: AuditContext): Promise<InspectionAction> {
      const a = await q.findAction(db, id);
      if (!a) throw new AppError('not_found');
      const f = (await fq.findFacility(db, a.facility_id))!;
      if (!mayManageAt(actor, f) && !mayPlace(actor, f)) return denyRead(db, ctx, 'inspection_action', id, true);
      if (a.done_on) throw new AppError('conflict', 'action_done');
      if (doneOn > today()) throw new AppError('validation', 'validation', [issue('doneOn', 'in_future')]);
      if (doneOn < a.inspected_on) throw new AppError('validation', 'validation', [issue('doneOn', 'before_inspection')]);
      await db.tx(async (tx) => {
        if (!(await q.completeAction(tx, id, doneOn, actor.userId))) throw new AppError('conflict', 'action_done');
        await recordAudit(tx, ctx, { action: 'inspection_action.done', entity: 'inspection_action', entityId: id, after: { done_on: doneOn } });
      });
      return presentAction({ ...a, done_on: doneOn }, today());
    },

    /** The nightly sweep's part: each facility whose next inspection is past due, told once to its district's officers. */
    async sweepIn(tx: Tx): Promise<number> {
      const overdue = await q.markOverdueInspections(tx, today(), clock.now());
      for (const o of overdue) {
        if (!o.adm2_code) continue;
        for (const userId of await usersHolding(tx, { permission: P.manageFacilities, at: { level: 2, code: o.adm2_code } })) {
          await notify(tx, userId, 'institution_inspection_overdue', { facility: bothNames(o.facility_name, o.facility_name_local), due: dateParam(o.due_on) }, `/facilities/${o.facility_id}`);
        }
      }
      if (overdue.length) await recordAudit(tx, SYSTEM_CONTEXT, { action: 'facility.inspections_overdue', entity: 'facility', entityId: null, meta: { count: overdue.length, on: today() } });
      return overdue.length;
    },

    async sweep(): Promise<number> {
      return db.tx((tx) => this.sweepIn(tx));
    },
  };
}

export type Inspections = ReturnType<typeof createInspections>;
