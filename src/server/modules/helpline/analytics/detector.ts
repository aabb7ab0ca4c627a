import { earsC, EARS_DEFAULTS, type EarsMethod } from './ears.js';
import { farringtonFlexible, NOUFAILY_CONTROL, type FarringtonControl } from './farrington.js';

/**
 * The helpline's spike detector for one weekly series: the improved Farrington method on the
 * past years (as many as the series has, up to five, at least two), and EARS for a series
 * with less than two years behind the week judged. A week is only judged when it could be an
 * alert at all: at least `minCount` contacts that week (and the Farrington 5-in-4-weeks rule),
 * which is also what keeps a national run to seconds.
 */
export type DetectorOptions = {
  minCount: number;
  alpha: number;
  earsMethod: EarsMethod;
};
export const DETECTOR_DEFAULTS: DetectorOptions = { minCount: 5, alpha: NOUFAILY_CONTROL.alpha, earsMethod: 'C2' };

export type Judgement = { index: number; observed: number; expected: number; upper: number; score: number; alarm: boolean; method: 'farrington' | 'ears' };

const WEEKS_PER_YEAR = 52;

export function yearsBehind(index: number, w: number): number {
  return Math.min(NOUFAILY_CONTROL.b, Math.floor((index - w) / WEEKS_PER_YEAR));
}

export function detectWeekly(dates: readonly string[], observed: readonly number[], range: readonly number[], options: Partial<DetectorOptions> = {}): Judgement[] {
  const o = { ...DETECTOR_DEFAULTS, ...options };
  const out: Judgement[] = [];
  for (const k of range) {
    const y = observed[k];
    if (y === undefined || y < o.minCount) continue;
    const b = yearsBehind(k, NOUFAILY_CONTROL.w);
    if (b >= 2) {
      const control: FarringtonControl = { ...NOUFAILY_CONTROL, b, alpha: o.alpha };
      const [r] = farringtonFlexible(dates, observed, [k], control);
      if (r) out.push({ index: k, observed: y, expected: r.expected, upper: r.upper, score: r.score, alarm: r.alarm, method: 'farrington' });
      continue;
    }
    const [e] = earsC(observed, [k], EARS_DEFAULTS[o.earsMethod]);
    if (!e) continue;
    const score = e.upper > e.expected ? (y - e.expected) / (e.upper - e.expected) : y > e.upper ? Number.POSITIVE_INFINITY : 0;
    out.push({ index: k, observed: y, expected: e.expected, upper: e.upper, score: Number.isFinite(score) ? score : 99, alarm: e.alarm, method: 'ears' });
  }
  return out;
}
