import { z } from 'zod';
import { IsoDate, Items } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';
import { TEXT_LIMITS } from './values.js';
export { INSTITUTION_PERMISSIONS } from './permissions/institutions.js';

import { ADMISSION_BASES, DISCHARGE_REASONS, END_REASONS, LICENCE_STATUSES, LIFECYCLE_RULES, SEX_SERVED } from './values.js';
export { ADMISSION_BASES, DISCHARGE_REASONS, END_REASONS, LICENCE_STATUSES, LIFECYCLE_RULES, SEX_SERVED } from './values.js';

const Named = z.object({ id: z.string(), name: z.string() });
const Place = z.object({ code: z.string(), name: z.string(), district: z.string().nullable() });

export const Facility = z.object({
  id: z.string(),
  type: z.string(),
  /** The type's name from the country configuration, in the reader's language. */
  typeName: z.string(),
  name: z.string(),
  place: Place,
  operator: Named,
  seats: z.number(),
  occupancy: z.number(),
  sexServed: z.enum(SEX_SERVED),
  ages: z.object({ min: z.number(), max: z.number() }),
  licence: z.object({ status: z.enum(LICENCE_STATUSES), expiresOn: z.string().nullable() }),
});
export type Facility = z.infer<typeof Facility>;

export const FacilityDetail = Facility.extend({
  services: z.array(z.string()),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
  /** What the reader may do here: `residents` (see them), `admit` (admit, transfer, discharge). */
  allowedActions: z.array(z.enum(['residents', 'admit', 'manage'])),
  /** Today's date by the platform's clock in the country (a training installation's clock may be ahead): the forms' default date. */
  today: z.string(),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;

export const FacilityQuery = z.object({
  type: z.string().max(60).optional(),
  /** A division, district or upazila code: facilities there. */
  place: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only those with a free seat. */
  freeSeats: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const PlacementAlert = z.object({ rule: z.enum(LIFECYCLE_RULES), dueOn: z.string(), raisedAt: z.string() });
export type PlacementAlert = z.infer<typeof PlacementAlert>;

/** A child's stay in a facility. */
export const Placement = z.object({
  id: z.string(),
  facility: Named.extend({ type: z.string() }),
  child: z.object({ id: z.string(), name: z.string(), sex: z.string(), dateOfBirth: z.string().nullable(), ageYears: z.number().nullable() }),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  basis: z.enum(ADMISSION_BASES),
  orderReference: z.string().nullable(),
  admittedOn: z.string(),
  overrideReason: z.string().nullable(),
  transferredFrom: Named.nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  endNote: z.string().nullable(),
  alerts: z.array(PlacementAlert),
});
export type Placement = z.infer<typeof Placement>;

const Reason = z.string().trim().min(TEXT_LIMITS.reason.min).max(TEXT_LIMITS.reason.max);

export const AdmissionInput = z.object({
  facilityId: z.uuid(),
  /** The case, for someone who may see it... */
  caseId: z.uuid().optional(),
  /** ...or the referral of a case to the facility's organisation, for its staff (who do not see the case file). */
  referralId: z.uuid().optional(),
  basis: z.enum(ADMISSION_BASES),
  /** The court or police order's reference: required for an order. */
  orderReference: z.string().trim().max(100).optional(),
  admittedOn: IsoDate,
  /** Why the facility takes the child over its seats or outside the ages or sex it serves. */
  overrideReason: Reason.optional(),
}).refine((a) => Boolean(a.caseId) !== Boolean(a.referralId), { path: ['caseId'], message: 'case_or_referral' })
  .refine((a) => !(a.basis === 'court_order' || a.basis === 'police_order') || Boolean(a.orderReference), { path: ['orderReference'], message: 'required_for_order' });
export type AdmissionInput = z.infer<typeof AdmissionInput>;

export const TransferInput = z.object({
  toFacilityId: z.uuid(),
  on: IsoDate,
  reason: Reason,
  overrideReason: Reason.optional(),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const DischargeInput = z.object({
  reason: z.enum(DISCHARGE_REASONS),
  on: IsoDate,
  note: z.string().trim().max(2000).optional(),
});
export type DischargeInput = z.infer<typeof DischargeInput>;

/** A facility's residents, nearest deadline first. */
export const ResidentsQuery = z.object({ alertsOnly: z.coerce.boolean().optional() });

/** Seats and occupancy by district (or division), all facilities or one type: no personal data (open-data ready). */
export const OccupancyQuery = z.object({ type: z.string().max(60).optional(), level: z.coerce.number().int().min(1).max(2).default(2) });
export const AreaOccupancy = z.object({ code: z.string(), facilities: z.number(), seats: z.number(), occupancy: z.number() });
export type AreaOccupancy = z.infer<typeof AreaOccupancy>;

const Id = z.object({ id: z.uuid() });

/** The institutions API: the facility registry, placements and their lifecycle alerts. */
export const institutionsApi = routeTable({
  'GET /api/v1/facilities': { summary: 'The facility registry, with occupancy (no personal data)', querystring: FacilityQuery, response: { 200: Items(Facility) } },
  'GET /api/v1/facilities/occupancy': { summary: 'Seats and occupancy by area (no personal data): the national seats map', querystring: OccupancyQuery, response: { 200: Items(AreaOccupancy) } },
  'GET /api/v1/facilities/:id': { summary: 'One facility, and what the reader may do there', params: Id, response: { 200: FacilityDetail } },
  'GET /api/v1/facilities/:id/residents': { summary: "A facility's residents (the children one may see)", params: Id, querystring: ResidentsQuery, response: { 200: Items(Placement) } },
  'GET /api/v1/institutions/mine': { summary: 'The facilities the reader runs', response: { 200: Items(Facility) } },
  'POST /api/v1/placements': { summary: 'Admit a child of a case to a facility', body: AdmissionInput, response: { 201: Placement } },
  'GET /api/v1/placements/:id': { summary: 'One placement', params: Id, response: { 200: Placement } },
  'POST /api/v1/placements/:id/transfer': { summary: 'Move a child to another facility (ends this stay, opens the next)', params: Id, body: TransferInput, response: { 201: Placement } },
  'POST /api/v1/placements/:id/discharge': { summary: 'Discharge a child', params: Id, body: DischargeInput, response: { 200: Placement } },
  'GET /api/v1/cases/:id/placements': { summary: "A case's placements, newest first", params: Id, response: { 200: Items(Placement) } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof institutionsApi> {}
}
