import { REINTEGRATION_REASONS, type LIFECYCLE_RULES } from '../../../shared/institutions.js';

/**
 * The lifecycle rules (DSS practice, ../shared/design/domain.md): a child in a baby home is
 * planned for before 7 (foster care, guardianship or a Shishu Paribar); every resident is
 * planned for before 18 (reintegration or a job). Each rule raises an alert `noticeDays`
 * before the birthday, which is its deadline.
 */
export type LifecycleRule = { rule: (typeof LIFECYCLE_RULES)[number]; types: readonly string[] | 'all'; ageYears: number; noticeDays: number };

export const LIFECYCLE: readonly LifecycleRule[] = [
  { rule: 'plan_before_7', types: ['baby_home'], ageYears: 7, noticeDays: 90 },
  { rule: 'plan_before_18', types: 'all', ageYears: 18, noticeDays: 180 },
];

/**
 * The date a child born on `dob` turns `years`, as PostgreSQL's `date + interval 'n years'`
 * computes it (29 February becomes 28 February in a common year), so the page and the sweep agree.
 */
export function birthday(dob: string, years: number): string {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The rules due on `today` for a child born `dob` in a facility of `type`, with their deadlines. */
export function dueRules(type: string, dob: string | null, today: string): Array<{ rule: LifecycleRule['rule']; dueOn: string }> {
  if (!dob) return [];
  return LIFECYCLE.filter((r) => (r.types === 'all' || r.types.includes(type)))
    .map((r) => ({ rule: r.rule, dueOn: birthday(dob, r.ageYears), notice: r.noticeDays }))
    .filter((r) => addDays(r.dueOn, -r.notice) <= today)
    .map(({ rule, dueOn }) => ({ rule, dueOn }));
}

/** The date `months` after `date`, the day clamped to the month's last (31 January + 1 month: 28 or 29 February), as PostgreSQL adds months. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The follow-up visits a discharge calls for: on the country's schedule (months after the
 * discharge) when the child left for a family, a carer, a job or adult life; none after an
 * abscondment or a death.
 */
export function followUpDates(reason: string, dischargedOn: string, months: readonly number[]): string[] {
  if (!(REINTEGRATION_REASONS as readonly string[]).includes(reason)) return [];
  return [...new Set(months)].sort((a, b) => a - b).map((n) => addMonths(dischargedOn, n));
}
