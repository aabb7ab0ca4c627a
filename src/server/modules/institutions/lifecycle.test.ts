import { describe, expect, it } from 'vitest';
import { addMonths, birthday, dueRules, followUpDates } from './lifecycle.js';

describe('lifecycle rules', () => {
  it('finds the birthday the way PostgreSQL adds years (29 February -> 28 February)', () => {
    expect(birthday('2019-05-14', 7)).toBe('2026-05-14');
    expect(birthday('2012-02-29', 7)).toBe('2019-02-28');
    expect(birthday('2012-02-29', 4)).toBe('2016-02-29');
  });

  it('raises the baby-home rule 90 days before the 7th birthday, and only in a baby home', () => {
    expect(dueRules('baby_home', '2020-06-01', '2027-03-02')).toEqual([]);
    expect(dueRules('baby_home', '2020-06-01', '2027-03-03')).toEqual([{ rule: 'plan_before_7', dueOn: '2027-06-01' }]);
    expect(dueRules('shishu_paribar', '2020-06-01', '2027-06-01')).toEqual([]);
  });

  it('raises the 18 rule in every facility 180 days ahead, and both in a baby home past both', () => {
    expect(dueRules('shishu_paribar', '2009-01-10', '2026-07-14')).toEqual([{ rule: 'plan_before_18', dueOn: '2027-01-10' }]);
    expect(dueRules('shishu_paribar', '2009-01-10', '2026-07-13')).toEqual([]);
    expect(dueRules('baby_home', '2009-01-10', '2027-01-10').map((r) => r.rule)).toEqual(['plan_before_7', 'plan_before_18']);
  });

  it('raises nothing without a date of birth', () => {
    expect(dueRules('baby_home', null, '2030-01-01')).toEqual([]);
  });

  it('adds months as PostgreSQL does, the day clamped to the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
  });

  it('schedules follow-up visits after a discharge to a family, a carer, a job or adult life, not after an abscondment or a death', () => {
    expect(followUpDates('family_reunification', '2026-12-05', [6, 1, 3, 12])).toEqual(['2027-01-05', '2027-03-05', '2027-06-05', '2027-12-05']);
    expect(followUpDates('aged_out', '2026-12-05', [1])).toEqual(['2027-01-05']);
    expect(followUpDates('absconded', '2026-12-05', [1, 3])).toEqual([]);
    expect(followUpDates('death', '2026-12-05', [1, 3])).toEqual([]);
    expect(followUpDates('transfer', '2026-12-05', [1, 3])).toEqual([]);
  });
});
