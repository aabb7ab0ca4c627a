import { describe, expect, it } from 'vitest';
import { formatDate, translate, type Lang } from './i18n/index.js';
import { stepRecord } from './step-record.js';

const fmt = (lang: Lang) => ({ t: (k: string, p?: Record<string, unknown>) => translate(lang, k, p), date: (d: string) => formatDate(lang, d) });

describe('a saved step form read back', () => {
  it('shows choices by their label, booleans as yes/no, and leaves out empty optional fields', () => {
    const [g] = stepRecord('initial_assessment', { immediateSafety: 'at_risk', findings: 'Works at a brick kiln', riskLevel: 'high', emergencyPlacementNeeded: false }, fmt('en'));
    expect(g!.rows).toEqual([
      { label: 'Immediate safety', value: 'At risk' },
      { label: 'Findings', value: 'Works at a brick kiln' },
      { label: 'Risk level', value: 'High risk' },
      { label: 'Emergency placement needed', value: 'No' },
    ]);
    const [c] = stepRecord('comprehensive_assessment', { safety: 'Heat', health: '', needs: ['School', 'Food'] }, fmt('en'));
    expect(c!.rows).toEqual([{ label: 'Safety', value: 'Heat' }, { label: 'Needs', value: 'School\nFood' }]);
  });

  it('reads in Bangla with Bangla labels, dates and digits', () => {
    const [g] = stepRecord('follow_up', { kind: 'visit', date: '2026-03-05', notes: 'ভালো আছে', progress: 'on_track' }, fmt('bn'));
    expect(g!.rows.map((r) => r.value)).toEqual([translate('bn', 'web.sop.followUpKinds.visit'), '৫ মার্চ ২০২৬', 'ভালো আছে', translate('bn', 'web.sop.progress.on_track')]);
    expect(g!.rows[0]!.label).toBe(translate('bn', 'web.sop.fields.kind'));
  });

  it('groups a plan by goal, each with its actions', () => {
    const groups = stepRecord('case_plan', { goals: [
      { need: 'Leave work', goal: 'Out of the kiln', actions: [{ action: 'Meet employer', responsible: 'Caseworker', due: '2027-01-15' }, { action: 'Enrol', responsible: 'School', due: '2027-02-01' }] },
      { need: 'Health', goal: 'Check-up', actions: [{ action: 'Clinic visit', responsible: 'Mother', due: '2027-01-20' }] },
    ] }, fmt('en'));
    expect(groups.map((g) => g.title)).toEqual(['Goal 1', 'Goal 2']);
    expect(groups[0]!.rows.map((r) => r.value)).toEqual(['Leave work', 'Out of the kiln', 'Meet employer', 'Caseworker', '15 Jan 2027', 'Enrol', 'School', '1 Feb 2027']);
  });

  it('keeps fields it does not know, and values it cannot label, instead of dropping them', () => {
    const [g] = stepRecord('closure', { reason: 'emigrated', outcome: 'Left the country with family', legacyCode: 'X9' }, fmt('en'));
    expect(g!.rows).toEqual([
      { label: 'Reason for closure', value: 'emigrated' },
      { label: 'Outcome for the child', value: 'Left the country with family' },
      { label: 'legacyCode', value: 'X9' },
    ]);
    expect(stepRecord('registration', { source: 'helpline' }, fmt('en'))[0]!.rows).toEqual([{ label: 'source', value: 'helpline' }]);
  });
});
