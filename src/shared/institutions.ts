import { z } from 'zod';
import { IsoDate, Items, PastDate } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';
import { TEXT_LIMITS } from './values.js';
export { INSTITUTION_PERMISSIONS } from './permissions/institutions.js';

import { ADMISSION_BASES, DISCHARGE_REASONS, END_REASONS, FOLLOWUP_OUTCOMES, LICENCE_STATUSES, LIFECYCLE_RULES, SEXES, SEX_SERVED } from './values.js';
export { ADMISSION_BASES, DISCHARGE_REASONS, END_REASONS, FOLLOWUP_OUTCOMES, LICENCE_STATUSES, LIFECYCLE_RULES, REINTEGRATION_REASONS, SEX_SERVED } from './values.js';

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
  /** The organisation whose staff run it. */
  staffOrganisation: Named,
  nameEn: z.string(),
  nameLocal: z.string().nullable(),
  services: z.array(z.string()),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
  /** What the reader may do here: `residents` (see them), `admit` (admit, transfer, discharge), `manage` (correct the record), `enrol` (put a child on an orphanage's capitation grant). */
  allowedActions: z.array(z.enum(['residents', 'admit', 'manage', 'enrol'])),
  /** Today's date by the platform's clock in the country (a training installation's clock may be ahead): the forms' default date. */
  today: z.string(),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;

/** A facility as the district office registers or corrects it (every field, every time: a save is the whole record). */
export const FacilityInput = z.object({
  /** One of the country configuration's institution types. */
  type: z.string().min(1).max(60),
  nameEn: z.string().trim().min(2).max(200),
  nameLocal: z.string().trim().max(200).optional(),
  /** The organisation that owns it: DSS, or the NGO. */
  operatorId: z.uuid(),
  /** The organisation whose staff run it (their @org grants reach its residents); the operator when not given. */
  organisationId: z.uuid().optional(),
  /** Where it is: an upazila or a union. */
  geoCode: z.string().min(1).max(40),
  sexServed: z.enum(SEX_SERVED),
  ageMin: z.number().int().min(0).max(30),
  ageMax: z.number().int().min(0).max(30),
  seats: z.number().int().min(0).max(5000),
  services: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  contactPhone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/).optional(),
  contactEmail: z.email().max(200).optional(),
  licenceStatus: z.enum(LICENCE_STATUSES),
  licenceExpiresOn: IsoDate.optional(),
}).refine((f) => f.ageMin <= f.ageMax, { path: ['ageMax'], message: 'ages_order' });
export type FacilityInput = z.infer<typeof FacilityInput>;

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

/** A reintegration follow-up visit after a discharge: due on a date, then what it found. */
export const FollowUp = z.object({
  id: z.string(),
  dueOn: z.string(),
  visitedOn: z.string().nullable(),
  outcome: z.enum(FOLLOWUP_OUTCOMES).nullable(),
  note: z.string().nullable(),
  /** Not visited and past its date (by the platform's clock). */
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

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
  /** After a discharge to a family, a carer or a job: the follow-up visits, in date order. */
  followUps: z.array(FollowUp),
  /** In a facility whose type has care phases: the phases entered, in order; the last is the current one. */
  phases: z.array(z.object({ key: z.string(), name: z.string(), startedOn: z.string() })),
  /** In an NGO orphanage: whether the child is on its capitation grant now (null elsewhere). */
  grantEnrolled: z.boolean().nullable(),
});
export type Placement = z.infer<typeof Placement>;

/** A follow-up visit as a facility's list shows it: with the child and the discharge. */
export const FollowUpItem = FollowUp.extend({
  placementId: z.string(),
  child: z.object({ id: z.string(), name: z.string() }),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
  dischargedOn: z.string(),
  endReason: z.enum(END_REASONS),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

/** A facility's follow-up visits: those not yet made (overdue first), or all of them. */
export const FollowUpQuery = z.object({ status: z.enum(['due', 'all']).default('due') });

/** A resident moves on to a later care phase of the facility's type, from a date. */
export const PhaseInput = z.object({ phase: z.string().min(1).max(60), startedOn: IsoDate });
export type PhaseInput = z.infer<typeof PhaseInput>;

export const FollowUpVisitInput = z.object({
  visitedOn: IsoDate,
  outcome: z.enum(FOLLOWUP_OUTCOMES),
  note: z.string().trim().max(2000).optional(),
});
export type FollowUpVisitInput = z.infer<typeof FollowUpVisitInput>;

const Reason = z.string().trim().min(TEXT_LIMITS.reason.min).max(TEXT_LIMITS.reason.max);

/**
 * A child who arrives with no case (an emergency drop-in, or brought on a court or police
 * order): what the facility's staff can say at the door. The admission opens the child's case
 * with it, through the case service, routed to the local case management team.
 */
export const ArrivingChild = z.object({
  name: z.string().trim().min(1).max(120),
  sex: z.enum(SEXES),
  dateOfBirth: PastDate.optional(),
  ageYears: z.number().int().min(0).max(25).optional(),
  /** Where the child was found or comes from (an upazila or a union); the facility's place when not known. */
  geoCode: z.string().min(1).max(40).optional(),
  concerns: z.array(z.string().max(80)).min(1).max(10),
  summary: z.string().trim().max(4000).optional(),
}).refine((c) => c.dateOfBirth !== undefined || c.ageYears !== undefined, { path: ['ageYears'], message: 'date_of_birth_or_age' });
export type ArrivingChild = z.infer<typeof ArrivingChild>;

export const AdmissionInput = z.object({
  facilityId: z.uuid(),
  /** The case, for someone who may see it... */
  caseId: z.uuid().optional(),
  /** ...or the referral of a case to the facility's organisation, for its staff (who do not see the case file)... */
  referralId: z.uuid().optional(),
  /** ...or a child with no case yet, whose case the admission opens. */
  child: ArrivingChild.optional(),
  basis: z.enum(ADMISSION_BASES),
  /** The court or police order's reference: required for an order. */
  orderReference: z.string().trim().max(100).optional(),
  admittedOn: IsoDate,
  /** Why the facility takes the child over its seats or outside the ages or sex it serves. */
  overrideReason: Reason.optional(),
}).refine((a) => [a.caseId, a.referralId, a.child].filter(Boolean).length === 1, { path: ['caseId'], message: 'case_referral_or_child' })
  .refine((a) => !(a.basis === 'court_order' || a.basis === 'police_order') || Boolean(a.orderReference), { path: ['orderReference'], message: 'required_for_order' })
  .refine((a) => !(a.child && a.basis === 'case'), { path: ['basis'], message: 'no_case_yet' });
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
  'POST /api/v1/facilities': { summary: 'Register a facility (district office)', body: FacilityInput, response: { 201: FacilityDetail } },
  'PUT /api/v1/facilities/:id': { summary: "Correct a facility's record (district office)", params: Id, body: FacilityInput, response: { 200: FacilityDetail } },
  'GET /api/v1/facilities/:id': { summary: 'One facility, and what the reader may do there', params: Id, response: { 200: FacilityDetail } },
  'GET /api/v1/facilities/:id/residents': { summary: "A facility's residents (the children one may see)", params: Id, querystring: ResidentsQuery, response: { 200: Items(Placement) } },
  'GET /api/v1/institutions/mine': { summary: 'The facilities the reader runs', response: { 200: Items(Facility) } },
  'POST /api/v1/placements': { summary: 'Admit a child of a case to a facility', body: AdmissionInput, response: { 201: Placement } },
  'GET /api/v1/placements/:id': { summary: 'One placement', params: Id, response: { 200: Placement } },
  'POST /api/v1/placements/:id/transfer': { summary: 'Move a child to another facility (ends this stay, opens the next)', params: Id, body: TransferInput, response: { 201: Placement } },
  'POST /api/v1/placements/:id/phase': { summary: "Move a resident on to a later care phase (a Shishu Paribar's phases)", params: Id, body: PhaseInput, response: { 200: Placement } },
  'POST /api/v1/placements/:id/discharge': { summary: 'Discharge a child', params: Id, body: DischargeInput, response: { 200: Placement } },
  'GET /api/v1/facilities/:id/follow-ups': { summary: "Reintegration follow-up visits of a facility's discharged children (those one may see)", params: Id, querystring: FollowUpQuery, response: { 200: Items(FollowUpItem) } },
  'POST /api/v1/follow-ups/:id/visit': { summary: 'Record a follow-up visit and what it found', params: Id, body: FollowUpVisitInput, response: { 200: FollowUpItem } },
  'GET /api/v1/cases/:id/placements': { summary: "A case's placements, newest first", params: Id, response: { 200: Items(Placement) } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof institutionsApi> {}
}
