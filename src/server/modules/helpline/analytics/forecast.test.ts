import { describe, expect, it } from 'vitest';
import poisson from '@stdlib/random-base-poisson';
import { backtestMonthly, forecastMonthly } from './forecast.js';

const monthly = (n: number, seed: number, level = 80, amplitude = 0.5) => {
  const draw = poisson.factory({ seed });
  const means = Array.from({ length: n }, (_, t) => level * Math.exp(amplitude * Math.cos((2 * Math.PI * (t - 7)) / 12)));
  return { means, counts: means.map((m) => draw(m)) };
};

describe('monthly forecast', () => {
  it('follows the season: the next three months near their true means, inside the interval', () => {
    const { counts } = monthly(63, 7);
    const truth = monthly(66, 7).means.slice(63);
    const f = forecastMonthly(counts, 0)!;
    expect(f).toHaveLength(3);
    f.forEach((p, i) => {
      expect(Math.abs(p.mean - truth[i]!) / truth[i]!).toBeLessThan(0.15);
      expect(p.lower).toBeLessThan(p.mean);
      expect(p.upper).toBeGreaterThan(p.mean);
    });
  });
  it('needs a year and a half of history', () => {
    expect(forecastMonthly(new Array(17).fill(5), 0)).toBeNull();
  });
  it('backtests on held-out months: beats the seasonal-naive forecast on a stable seasonal series', () => {
    const { counts } = monthly(60, 3);
    const b = backtestMonthly(counts, 0);
    expect(b.points).toBe(12 + 11 + 10);
    expect(b.mase).not.toBeNull();
    expect(b.mase!).toBeLessThan(b.naiveMase!);
  });
  it('gives no error measure when there is nothing to scale it by', () => {
    expect(backtestMonthly(new Array(40).fill(0), 0)).toEqual({ mase: null, naiveMase: null, points: 0 });
  });
});
