import { z } from 'zod';
import { IsoDate } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';

/** One item of the care-standards checklist, in the reader's language. */
export const CareStandard = z.object({ code: z.string(), area: z.string(), label: z.string() });
export type CareStandard = z.infer<typeof CareStandard>;

export const InspectionAction = z.object({
  id: z.string(),
  description: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  /** Not done and past its date (by the platform's clock). */
  overdue: z.boolean(),
});
export type InspectionAction = z.infer<typeof InspectionAction>;

/** An inspection visit: each standard met or not, the score (percent met), the corrective actions. */
export const Inspection = z.object({
  id: z.string(),
  inspectedOn: z.string(),
  inspector: z.string().nullable(),
  score: z.number(),
  summary: z.string().nullable(),
  findings: z.array(z.object({ code: z.string(), label: z.string(), met: z.boolean(), note: z.string().nullable() })),
  actions: z.array(InspectionAction),
  nextDueOn: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

/** A facility's inspections, newest first, with the checklist and what the reader may do. */
export const FacilityInspections = z.object({
  standards: z.array(CareStandard),
  inspections: z.array(Inspection),
  /** When the next inspection is due (the latest visit's), null before the first. */
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** `inspect` (record a visit: the district office), `complete_action` (mark a corrective action done: the facility's staff or the office). */
  allowedActions: z.array(z.enum(['inspect', 'complete_action'])),
});
export type FacilityInspections = z.infer<typeof FacilityInspections>;

export const InspectionInput = z.object({
  inspectedOn: IsoDate,
  /** Every item of the checklist, once: met or not, with a note. */
  findings: z.array(z.object({ code: z.string().min(1).max(60), met: z.boolean(), note: z.string().trim().max(1000).optional() })).min(1).max(100),
  summary: z.string().trim().max(4000).optional(),
  actions: z.array(z.object({ description: z.string().trim().min(3).max(500), dueOn: IsoDate })).max(20).default([]),
});
export type InspectionInput = z.infer<typeof InspectionInput>;

export const ActionDoneInput = z.object({ doneOn: IsoDate });

const Id = z.object({ id: z.uuid() });

/** Care standards: inspection visits, scores over time, corrective actions. */
export const inspectionsApi = routeTable({
  'GET /api/v1/facilities/:id/inspections': { summary: "A facility's inspections, newest first, with the checklist", params: Id, response: { 200: FacilityInspections } },
  'POST /api/v1/facilities/:id/inspections': { summary: 'Record an inspection visit against the care standards (district office)', params: Id, body: InspectionInput, response: { 201: Inspection } },
  'POST /api/v1/inspection-actions/:id/done': { summary: 'Mark a corrective action done', params: Id, body: ActionDoneInput, response: { 200: InspectionAction } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof inspectionsApi> {}
}
