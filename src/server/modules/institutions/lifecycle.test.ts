import { describe, expect, it } from 'vitest';
import { birthday, dueRules } from './lifecycle.js';

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
});
