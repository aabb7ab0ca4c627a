import { describe, expect, it } from 'vitest';
import { detectWeekly } from './detector.js';
import { simulate, weeksFrom } from './series.test-support.js';

const N = 6 * 52;
const dates = weeksFrom('2020-01-06', N);
const lastTwoYears = Array.from({ length: 104 }, (_, i) => N - 104 + i);

describe('spike detector on generated series with known truth', () => {
  const shapes = {
    flat: { mean: 20 },
    'flat, small counts': { mean: 6 },
    seasonal: { mean: 15, seasonal: 0.7 },
    'seasonal with a trend': { mean: 10, seasonal: 0.5, trend: 0.002 },
    'seasonal, over-dispersed': { mean: 15, seasonal: 0.6, dispersion: 2 },
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`flags no week of a ${name} series (10 seeds x 2 years)`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const { counts } = simulate(N, shape, seed);
        const flagged = detectWeekly(dates, counts, lastTwoYears).filter((j) => j.alarm);
        expect(flagged.map((j) => dates[j.index]), `seed ${seed}`).toEqual([]);
      }
    });
  }

  it('finds every planted outbreak, while it lasts, and nothing else', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { means, counts } = simulate(N, { mean: 12, seasonal: 0.6 }, seed);
      // Three outbreaks of three weeks, at about 3.5 times the season's level.
      const starts = [N - 90, N - 50, N - 12];
      for (const s of starts) for (let t = s; t < s + 3; t++) counts[t] = Math.round(counts[t]! + 2.5 * means[t]!);
      const flagged = detectWeekly(dates, counts, lastTwoYears).filter((j) => j.alarm).map((j) => j.index);
      for (const s of starts) expect(flagged.filter((t) => t >= s && t < s + 3).length, `seed ${seed}, outbreak at ${dates[s]}`).toBeGreaterThan(0);
      const outside = flagged.filter((t) => !starts.some((s) => t >= s && t < s + 3));
      expect(outside.map((t) => dates[t]), `seed ${seed}`).toEqual([]);
    }
  });

  it('judges a series under two years old with EARS, and still finds a sharp rise', () => {
    const { counts } = simulate(80, { mean: 10 }, 3);
    counts[75] = 40;
    const judged = detectWeekly(weeksFrom('2025-01-06', 80), counts, [60, 70, 75]);
    expect(judged.every((j) => j.method === 'ears')).toBe(true);
    expect(judged.find((j) => j.index === 75)?.alarm).toBe(true);
  });

  it('does not judge a week under the minimum count', () => {
    const counts = new Array(N).fill(1);
    counts[N - 1] = 4;
    expect(detectWeekly(dates, counts, [N - 1])).toEqual([]);
  });
});
