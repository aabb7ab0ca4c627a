import type { CaseDetail, CaseListItem } from '../../../shared/cases.js';
import { localName, type Lang } from '../../../shared/i18n/index.js';
import { ageOn } from '../people/service.js';
import type { CaseFileExtras, CaseRow } from './core/queries.js';

/**
 * Row -> API: an explicit field list, so a new column never leaks by accident. Names of places
 * and organisations come in the reader's language.
 */
export function presentCaseListItem(row: CaseRow, lang: Lang, now = new Date()): CaseListItem {
  return {
    id: row.id,
    caseNumber: row.case_number,
    child: { id: row.child_id, displayName: row.child_display, names: row.child_names.map((n) => n.text), sex: row.child_sex, ageYears: ageOn(row.child_dob, now) },
    status: row.status,
    step: row.step,
    riskLevel: row.risk_level,
    concerns: row.concerns,
    sensitive: row.sensitive,
    place: { code: row.geo_code, name: row.place_name === null ? null : localName(lang, row.place_name, row.place_name_local) },
    initialAssessmentDue: row.initial_assessment_due.toISOString(),
    overdue: row.status === 'open' && row.step === 'registration' && row.initial_assessment_due.getTime() < now.getTime(),
    registeredAt: row.registered_at.toISOString(),
    ...(row.score === undefined || row.score === null ? {} : { score: Math.round(Number(row.score) * 1000) / 1000 }),
  };
}

type DetailRow = Parameters<typeof presentCaseListItem>[0] & {
  source: string; summary: string | null; organisation_id: string; org_name: string; org_name_local: string | null; caseworker_id: string | null; caseworker_name: string | null;
  supervisor_id: string | null; supervisor_name: string | null; child_dob_estimated: boolean; child_disabilities: string[]; child_vulnerable: string[]; child_address: string | null;
};

type StepRow = CaseFileExtras['steps'][number];

export function presentCaseDetail(row: DetailRow, lang: Lang, events: CaseFileExtras['timeline'], steps: StepRow[], allowedActions: string[]): CaseDetail {
  // A case file has no search score: present it from a row without one.
  const base = presentCaseListItem({ ...row, score: undefined }, lang);
  return {
    ...base,
    source: row.source,
    reportedOn: row.reported_on,
    summary: row.summary,
    organisation: { id: row.organisation_id, name: localName(lang, row.org_name, row.org_name_local) },
    caseworker: row.caseworker_id ? { id: row.caseworker_id, name: row.caseworker_name ?? '' } : null,
    supervisor: row.supervisor_id ? { id: row.supervisor_id, name: row.supervisor_name ?? '' } : null,
    child: { ...base.child, dateOfBirth: row.child_dob, dobEstimated: row.child_dob_estimated, disabilities: row.child_disabilities, vulnerableGroups: row.child_vulnerable, addressDetail: row.child_address },
    // json_agg gives timestamps as text: normalise to ISO like every other date in the API.
    timeline: events.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, actor: e.actor, data: e.data })),
    steps: steps.map((s) => ({
      step: s.step, data: s.data, skipped: s.skipped, skipReason: s.skip_reason, recordedBy: s.recorded_by, recordedAt: new Date(s.recorded_at).toISOString(),
      decision: s.decision, decidedBy: s.decided_by, decisionComment: s.decision_comment,
    })),
    allowedActions,
  };
}
