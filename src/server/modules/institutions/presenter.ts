import type { Facility, FacilityDetail, FollowUp, FollowUpItem, Placement } from '../../../shared/institutions.js';
import { localName, type Lang } from '../../../shared/i18n/index.js';
import { ageOn } from '../people/service.js';
import type { FacilityRow, FollowUpJson, FollowUpRow, PlacementRow } from './queries.js';

/** A facility type's name in the reader's language (country configuration). */
export type TypeName = (key: string, lang: Lang) => string;
/** A care phase's name (a facility type's phases, country configuration). */
export type PhaseName = (type: string, phase: string, lang: Lang) => string;

type ConfiguredType = { key: string; name: Record<string, string>; phases?: ReadonlyArray<{ key: string; name: Record<string, string> }> | undefined };

/** The name of each configured phase: the reader's language, else English, else the key. */
export function phaseNames(types: readonly ConfiguredType[], localLanguage: string): PhaseName {
  const byKey = new Map(types.flatMap((t) => (t.phases ?? []).map((p) => [`${t.key}|${p.key}`, p.name] as const)));
  return (type, phase, lang) => {
    const name = byKey.get(`${type}|${phase}`);
    return (lang === 'en' ? name?.en : name?.[localLanguage] ?? name?.en) ?? phase;
  };
}

/** The name of each configured type: the reader's language, else English, else the key. */
export function typeNames(types: ReadonlyArray<{ key: string; name: Record<string, string> }>, localLanguage: string): TypeName {
  const byKey = new Map(types.map((t) => [t.key, t.name]));
  return (key, lang) => {
    const name = byKey.get(key);
    return (lang === 'en' ? name?.en : name?.[localLanguage] ?? name?.en) ?? key;
  };
}

/** A facility in the reader's language: no personal data (the registry is open to every signed-in user). */
export function presentFacility(r: FacilityRow, lang: Lang, typeName: TypeName): Facility {
  return {
    id: r.id, type: r.type, typeName: typeName(r.type, lang), name: localName(lang, r.name_en, r.name_local),
    place: { code: r.geo_code, name: localName(lang, r.place_name, r.place_name_local), district: r.district_name === null ? null : localName(lang, r.district_name, r.district_name_local) },
    operator: { id: r.operator_id, name: localName(lang, r.operator_name, r.operator_name_local) },
    seats: r.seats, occupancy: r.occupancy, sexServed: r.sex_served as Facility['sexServed'], ages: { min: r.age_min, max: r.age_max },
    licence: { status: r.licence_status as Facility['licence']['status'], expiresOn: r.licence_expires_on },
  };
}

export function presentFacilityDetail(r: FacilityRow, lang: Lang, typeName: TypeName, allowedActions: FacilityDetail['allowedActions'], today: string): FacilityDetail {
  return {
    ...presentFacility(r, lang, typeName), nameEn: r.name_en, nameLocal: r.name_local,
    staffOrganisation: { id: r.organisation_id, name: localName(lang, r.staff_name ?? r.operator_name, r.staff_name_local ?? null) },
    services: r.services, contact: { phone: r.contact_phone, email: r.contact_email }, allowedActions, today,
  };
}

/** A follow-up visit; overdue when not made and its date is before `today` (the platform's date in the country). */
export function presentFollowUp(f: FollowUpJson, today: string): FollowUp {
  return { id: f.id, dueOn: f.due_on, visitedOn: f.visited_on, outcome: f.outcome as FollowUp['outcome'], note: f.note, overdue: f.visited_on === null && f.due_on < today };
}

export function presentFollowUpItem(r: FollowUpRow, today: string): FollowUpItem {
  return {
    ...presentFollowUp(r, today), placementId: r.placement_id, child: { id: r.person_id, name: r.child_name },
    case: r.case_id && r.case_number ? { id: r.case_id, number: r.case_number } : null, dischargedOn: r.discharged_on, endReason: r.end_reason as FollowUpItem['endReason'],
  };
}

/** A child's stay; the age is on `now` (the platform's clock), not the server's date, and `today` is that day in the country. */
export function presentPlacement(r: PlacementRow, lang: Lang, now: Date, today: string, phaseName: PhaseName): Placement {
  return {
    id: r.id,
    facility: { id: r.facility_id, name: localName(lang, r.facility_name, r.facility_name_local), type: r.facility_type },
    child: { id: r.person_id, name: r.child_name, sex: r.child_sex, dateOfBirth: r.child_dob, ageYears: ageOn(r.child_dob, now) },
    case: r.case_id && r.case_number ? { id: r.case_id, number: r.case_number } : null,
    basis: r.basis as Placement['basis'], orderReference: r.order_reference, admittedOn: r.admitted_on, overrideReason: r.override_reason,
    transferredFrom: r.from_facility_id && r.from_name ? { id: r.from_facility_id, name: localName(lang, r.from_name, r.from_name_local) } : null,
    endedOn: r.ended_on, endReason: r.end_reason as Placement['endReason'], endNote: r.end_note,
    alerts: r.alerts.map((a) => ({ rule: a.rule as Placement['alerts'][number]['rule'], dueOn: a.due_on, raisedAt: new Date(a.raised_at).toISOString() })),
    followUps: r.followups.map((f) => presentFollowUp(f, today)),
    phases: r.phases.map((p) => ({ key: p.phase, name: phaseName(r.facility_type, p.phase, lang), startedOn: p.started_on })),
    grantEnrolled: r.grant_enrolled,
  };
}
