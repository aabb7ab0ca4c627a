import { INSTITUTION_PERMISSIONS as P, type FacilityDetail } from '../../../shared/institutions.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { mayReach } from '../../platform/access/scope.js';

/** A facility as the rules see it: its place and the organisation whose staff run it. */
export type FacilityPlace = { adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; organisation_id: string };

/** A facility's (or a row copied from it) place and organisation, as the access layer's `mayReach` takes them. */
export const facilityRecord = (f: FacilityPlace) => ({ adm1: f.adm1_code, adm2: f.adm2_code, adm3: f.adm3_code, organisation: f.organisation_id });

/** May see the facility's residents: a grant whose place covers it (with @org: one's own facility). */
export const mayReadResidents = (actor: Actor, f: FacilityPlace) => mayReach(actor, P.readResidents, facilityRecord(f));

/** May admit, transfer and discharge there. */
export const mayPlace = (actor: Actor, f: FacilityPlace) => mayReach(actor, P.place, facilityRecord(f));

/** May register or correct a facility at this place: the district office's grant covering it. */
export const mayManageAt = (actor: Actor, f: { adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; organisation_id?: string }) =>
  can(actor, P.manageFacilities) && mayReach(actor, P.manageFacilities, { adm1: f.adm1_code, adm2: f.adm2_code, adm3: f.adm3_code, organisation: f.organisation_id ?? null });

/** What the reader may do at a facility (the page shows only these). */
export function facilityActions(actor: Actor, f: FacilityPlace & { type: string }): FacilityDetail['allowedActions'] {
  const out: FacilityDetail['allowedActions'] = [];
  if (mayReadResidents(actor, f)) out.push('residents');
  if (mayPlace(actor, f)) out.push('admit');
  if (mayManageAt(actor, f)) out.push('manage');
  if (f.type === 'ngo_orphanage' && can(actor, P.enrol) && mayReach(actor, P.enrol, facilityRecord(f))) out.push('enrol');
  return out;
}

/** Why a child would be taken outside what the facility is for: each needs a recorded override reason. */
export function admissionExceptions(f: { seats: number; occupancy: number; age_min: number; age_max: number; sex_served: string }, child: { ageYears: number | null; sex: string }): Array<'over_capacity' | 'outside_ages' | 'sex_not_served'> {
  const out: Array<'over_capacity' | 'outside_ages' | 'sex_not_served'> = [];
  if (f.occupancy >= f.seats) out.push('over_capacity');
  if (child.ageYears !== null && (child.ageYears < f.age_min || child.ageYears > f.age_max)) out.push('outside_ages');
  if (f.sex_served !== 'any' && (child.sex === 'female' || child.sex === 'male') && child.sex !== f.sex_served) out.push('sex_not_served');
  return out;
}

/** Facility types that never hold an adult, whatever the override (children in conflict with the law are kept apart from adults). */
export const CHILDREN_ONLY_TYPES: readonly string[] = ['development_centre', 'baby_home'];
