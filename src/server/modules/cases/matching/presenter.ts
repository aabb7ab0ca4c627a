import type { CaseMatch } from '../../../../shared/cases.js';
import type { MatchRow } from './queries.js';

/** "Sumi Akter" -> "S. A.": enough to tell two children apart on the phone, not to name one whose case is sensitive. */
export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((w) => `${[...w][0]}.`).join(' ');
}

/** A likely match as the helpline sees it: the name in full only where the case is not sensitive, or is the caller's own. */
export function presentMatch(r: MatchRow, lang: string): CaseMatch {
  const reasons: CaseMatch['reasons'] = [];
  if (r.by_name) reasons.push('name');
  if (r.by_phone) reasons.push('phone');
  if (r.same_upazila) reasons.push('upazila');
  else if (r.same_district) reasons.push('district');
  if (r.age_close) reasons.push('age');
  return {
    caseId: r.id, caseNumber: r.case_number, childName: r.sensitive && !r.mine ? initials(r.child_display) : r.child_display, sex: r.child_sex, ageYears: r.child_age,
    placeName: (lang === 'en' ? r.place_name : r.place_name_local ?? r.place_name) ?? null, status: r.status, reportedOn: r.reported_on, score: Math.round(r.score * 100) / 100, reasons,
  };
}
