/**
 * Plain value lists the web app and the server share: no schema here, so a page that needs
 * a list of risk levels does not download zod with it. The schema files (cases.ts, referrals.ts,
 * ...) build their enums from these and re-export them.
 */
export const ORGANISATION_TYPES = ['ministry', 'dss_office', 'un_agency', 'ingo', 'national_ngo', 'local_ngo', 'cbo', 'institution'] as const;
export const CARE_OPTIONS = ['family_reunification', 'kinship_care', 'foster_care', 'guardianship', 'shishu_paribar', 'baby_home', 'rehabilitation_centre', 'safe_home', 'independent_living'] as const;
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const CASE_SOURCES = ['helpline', 'outreach', 'police', 'court', 'institution', 'self', 'community_committee', 'ngo'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const FAMILY_RELATIONSHIPS = ['mother', 'father', 'grandparent', 'sibling', 'aunt_uncle', 'other_relative', 'guardian', 'foster_carer', 'other'] as const;
export const SERVICE_CATEGORIES = ['health', 'psychosocial', 'legal_aid', 'education', 'shelter', 'family_tracing', 'disability', 'social_allowance', 'livelihood', 'other'] as const;
/** Helpline contacts: what the call was, how it came, how urgent, who called. */
export const HELPLINE_CALL_TYPES = ['child_self', 'adult_about_child', 'silent', 'hang_up', 'abusive', 'information', 'thanks', 'emergency'] as const;
export const HELPLINE_CHANNELS = ['voice', 'sms', 'web_chat', 'walk_in', 'social_media'] as const;
export const HELPLINE_URGENCIES = ['immediate', 'high', 'medium', 'low'] as const;
export const CALLER_RELATIONS = ['self', 'parent', 'relative', 'neighbour', 'teacher', 'professional', 'other'] as const;
export const CONSENT_PURPOSES = ['registration', 'information_sharing', 'referral', 'photo_story'] as const;
/** Lengths of the written reasons people give when they decline, report back or withdraw. */
export const TEXT_LIMITS = {
  reason: { min: 10, max: 2000 },
  feedback: { min: 10, max: 4000 },
  withdrawalNote: { min: 5, max: 1000 },
} as const;

// Institutions (shared/institutions.ts): plain lists the web app needs at run time without zod.
export const SEX_SERVED = ['female', 'male', 'any'] as const;
export const LICENCE_STATUSES = ['government', 'licensed', 'provisional', 'suspended', 'unregistered'] as const;
/** On what authority a child is admitted: a case plan, a court or police order, or an emergency drop-in. */
export const ADMISSION_BASES = ['case', 'court_order', 'police_order', 'emergency'] as const;
/** How a stay ends. `transfer` is written by a transfer, never chosen as a discharge. */
export const DISCHARGE_REASONS = ['family_reunification', 'foster_care', 'kinship_care', 'guardianship', 'job_placement', 'aged_out', 'absconded', 'death'] as const;
export const END_REASONS = ['transfer', ...DISCHARGE_REASONS] as const;
/** Discharges after which the child is visited on the reintegration schedule (not an abscondment or a death). */
export const REINTEGRATION_REASONS = ['family_reunification', 'foster_care', 'kinship_care', 'guardianship', 'job_placement', 'aged_out'] as const;
/** What a reintegration follow-up visit found. */
export const FOLLOWUP_OUTCOMES = ['settled', 'needs_support', 'at_risk', 'not_found'] as const;
/** The lifecycle rules the deadline sweep raises alerts for (server/modules/institutions/lifecycle.ts). */
export const LIFECYCLE_RULES = ['plan_before_7', 'plan_before_18'] as const;
/** A capitation claim's states: generated from the enrolments, then approved or returned by the district office, then disbursed. */
export const CLAIM_STATUSES = ['generated', 'approved', 'returned', 'disbursed'] as const;
/** Why a claim line is not paid, or what an officer should look at (computed, never typed). */
export const CLAIM_FLAGS = ['claimed_elsewhere', 'left_care', 'not_resident', 'over_age', 'spot_check_failed', 'over_verified', 'licence_expired'] as const;
export const SPOT_RESULTS = ['present', 'absent', 'not_known'] as const;
