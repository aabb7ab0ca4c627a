import { describe, expect, it } from 'vitest';
import { alertsToRaise } from './cooldown.js';

const cell = (period: string, observed: number, areaCode = '49', categoryCode = 'violence.child_marriage') => ({ areaCode, categoryCode, period, observed });

describe('alert cool-down', () => {
  it('raises a new cell, then stays quiet for four weeks unless the count grows', () => {
    const raised = alertsToRaise([cell('2026-08-03', 20), cell('2026-08-10', 18), cell('2026-08-17', 25), cell('2026-08-24', 22), cell('2026-09-21', 21)], []);
    expect(raised.map((c) => c.period)).toEqual(['2026-08-03', '2026-08-17', '2026-09-21']);
  });
  it('remembers alerts raised in earlier runs, and keeps areas and categories apart', () => {
    const raised = alertsToRaise([cell('2026-08-10', 15), cell('2026-08-10', 15, '55'), cell('2026-08-10', 15, '49', 'violence.child_labour')], [cell('2026-08-03', 20)]);
    expect(raised.map((c) => `${c.areaCode} ${c.categoryCode}`)).toEqual(['55 violence.child_marriage', '49 violence.child_labour']);
  });
  it('does not raise the same week twice', () => {
    expect(alertsToRaise([cell('2026-08-03', 30)], [cell('2026-08-03', 20)])).toEqual([]);
  });
});
