import { describe, expect, it } from 'vitest';
import { CaseDetail, CaseListItem } from '../../../shared/cases.js';
import { presentCaseDetail, presentCaseListItem } from './presenter.js';
import type { CaseRow } from './core/queries.js';

const now = new Date('2026-11-25T00:00:00Z');
const row: CaseRow & Record<string, unknown> = {
  id: '11111111-1111-4111-8111-111111111111', case_number: 'BD-5549-2026-000037', status: 'open', step: 'registration', risk_level: 'high', concerns: ['violence.child_marriage'],
  sensitive: false, reported_on: '2026-11-20', registered_at: new Date('2026-11-20T04:00:00Z'), initial_assessment_due: new Date('2026-11-21T04:00:00Z'),
  geo_code: '55495201', place_name: 'Belgachha', place_name_local: 'বেলগাছা', adm1_code: '55', adm2_code: '5549', adm3_code: '554952',
  child_id: '22222222-2222-4222-8222-222222222222', child_names: [{ text: 'সুমি আক্তার' }, { text: 'Sumi Akter' }], child_display: 'সুমি আক্তার', child_sex: 'female', child_dob: '2013-05-01',
  // Columns a query may carry that the API must never show.
  parent_nid: '1990123456789', child_name_key: 'sm aktr',
};

describe('case presenter', () => {
  it('shows a list item in the API shape, without columns it was not asked to show', () => {
    const item = presentCaseListItem(row, 'en', now);
    expect(CaseListItem.strict().parse(item)).toEqual(item);
    expect(JSON.stringify(item)).not.toMatch(/1990123456789|sm aktr/);
    expect(item.child).toEqual({ id: row.child_id, displayName: 'সুমি আক্তার', names: ['সুমি আক্তার', 'Sumi Akter'], sex: 'female', ageYears: 13 });
  });

  it('marks an open case overdue when its initial assessment is late, and only then', () => {
    expect(presentCaseListItem(row, 'en', now).overdue).toBe(true);
    expect(presentCaseListItem({ ...row, step: 'initial_assessment' }, 'en', now).overdue).toBe(false);
    expect(presentCaseListItem({ ...row, status: 'closed' }, 'en', now).overdue).toBe(false);
    expect(presentCaseListItem(row, 'en', new Date('2026-11-21T00:00:00Z')).overdue).toBe(false);
  });

  it('rounds a search score and leaves it out when there is none', () => {
    expect(presentCaseListItem({ ...row, score: 0.87654 }, 'en', now).score).toBe(0.877);
    expect('score' in presentCaseListItem(row, 'en', now)).toBe(false);
  });

  it('presents the case file with its timeline and step forms, dates as ISO text', () => {
    const detail = presentCaseDetail(
      { ...row, source: 'helpline', summary: null, organisation_id: 'o', org_name: 'DSS Kurigram Sadar', org_name_local: 'সমাজসেবা কার্যালয়, কুড়িগ্রাম সদর', caseworker_id: 'cw', caseworker_name: 'Nasrin Akter', supervisor_id: null, supervisor_name: null,
        child_dob_estimated: true, child_disabilities: [], child_vulnerable: [], child_address: null },
      'en',
      [{ at: '2026-11-20 04:00:00+00', kind: 'registered', actor: 'Nasrin Akter', data: {} }],
      [{ step: 'initial_assessment', data: { riskLevel: 'high' }, skipped: [], skip_reason: null, recorded_by: 'Nasrin Akter', recorded_at: '2026-11-20 05:00:00+00', decision: null, decided_by: null, decision_comment: null }],
      ['work'],
    );
    expect(CaseDetail.parse(detail)).toBeTruthy();
    expect(detail.timeline[0]!.at).toBe('2026-11-20T04:00:00.000Z');
    expect(detail.steps[0]!.recordedAt).toBe('2026-11-20T05:00:00.000Z');
    expect(detail.caseworker).toEqual({ id: 'cw', name: 'Nasrin Akter' });
    expect(detail.supervisor).toBeNull();
    expect('score' in detail).toBe(false);
  });

  it('names the place and the organisation in the reader\'s language, English when there is no local name', () => {
    expect(presentCaseListItem(row, 'bn', now).place).toEqual({ code: '55495201', name: 'বেলগাছা' });
    expect(presentCaseListItem(row, 'en', now).place.name).toBe('Belgachha');
    expect(presentCaseListItem({ ...row, place_name_local: null }, 'bn', now).place.name).toBe('Belgachha');
  });
});
