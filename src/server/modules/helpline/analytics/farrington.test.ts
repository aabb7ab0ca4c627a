import { describe, expect, it } from 'vitest';
import { assignWeights, farringtonFlexible, NOUFAILY_CONTROL, referenceWeeks, seasonalBlocks, thresholdDelta, thresholdNoufaily } from './farrington.js';
import { weeksFrom } from './series.test-support.js';

// Expected values are those of R's surveillance package tests (tests/testthat/test-farringtonFlexible.R),
// so this implementation answers as farringtonFlexible does on the same inputs.
const close = (actual: Record<string, number>, expected: number[]) =>
  [actual.lower, actual.upper, actual.prob, actual.score].forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));

describe('Farrington weights (algo.farrington.assign.weights)', () => {
  it('are all 1 when every residual is below the threshold', () => {
    expect(assignWeights(new Array(10).fill(0), 0)).toEqual(new Array(10).fill(1));
  });
  it('down-weight residuals above the threshold, as checked by hand in R', () => {
    const w = assignWeights([0, 0, 0, 0, 0, 2, 2, 2, 2, 2], 0);
    w.slice(0, 5).forEach((v) => expect(v).toBeCloseTo(1.6, 10));
    w.slice(5).forEach((v) => expect(v).toBeCloseTo(0.4, 10));
  });
});

describe('Farrington thresholds', () => {
  it('delta method: the three power transformations give the R values', () => {
    close(thresholdDelta(5, 0.2, 1, 'none', 0.05, 8), [1.3073128, 8.6926872, 0.0907246, 0.8124165]);
    close(thresholdDelta(5, 0.2, 1, '1/2', 0.05, 8), [1.9891097, 9.3744842, 0.1189986, 0.6857951]);
    close(thresholdDelta(5, 0.2, 1, '2/3', 0.05, 8), [1.8084477, 9.1154825, 0.1094727, 0.7289546]);
  });
  it('Noufaily negative binomial bounds ("muan" and "nbPlugin", over-dispersed or not) give the R values', () => {
    close(thresholdNoufaily(Math.log(5), Math.log(2), 1.5, 0.05, 11, 'muan')!, [8, 24, 0.8597797, 0.4193982]);
    close(thresholdNoufaily(Math.log(5), Math.log(2), 1, 0.05, 11, 'muan')!, [9, 22, 0.9093099, 0.4605347]);
    close(thresholdNoufaily(Math.log(5), Math.log(2), 1.5, 0.05, 11, 'nbPlugin')!, [1, 10, 0.03763657, 1.11918153]);
    close(thresholdNoufaily(Math.log(5), Math.log(2), 1, 0.05, 11, 'nbPlugin')!, [2, 9, 0.01369527, 1.27061541]);
  });
});

describe('Farrington reference weeks and seasonal blocks', () => {
  const dates = weeksFrom('1990-06-07', 1301);
  it('finds the same week-day nearest the same date in earlier years (R: 2013-06-06, b = 3)', () => {
    const refs = referenceWeeks(dates, dates.indexOf('2013-06-06'), 3)!;
    expect(refs.map((i) => dates[i])).toEqual(['2013-06-06', '2012-06-07', '2011-06-09', '2010-06-03']);
    expect(referenceWeeks(dates, 100, 3)).toBeNull();
  });
  it('gives the windows level p, w + 1 + b(2w + 1) weeks of them, and splits the rest of each year into p - 1 blocks', () => {
    const refs = referenceWeeks(dates, dates.indexOf('2013-06-06'), 3)!;
    for (const p of [1, 8]) {
      const blocks = seasonalBlocks(dates.length, refs, 3, p);
      expect(blocks.filter((b) => b === p)).toHaveLength(3 + 1 + 3 * 7);
      expect(new Set(blocks.filter((b) => b !== null)).size).toBe(p);
    }
    const blocks = seasonalBlocks(dates.length, refs, 3, 8);
    const sizes = [1, 2, 3, 4, 5, 6, 7].map((l) => blocks.filter((b) => b === l).length);
    // Periods of roughly the same length each year.
    sizes.slice(1).forEach((s, i) => expect(Math.abs(s - sizes[i]!)).toBeLessThanOrEqual(3));
  });
});

describe('farringtonFlexible on a series', () => {
  it('never alarms on a zero count, and alarms exactly when the count is above the bound', () => {
    const dates = weeksFrom('2018-01-01', 320);
    const observed = dates.map((_, t) => (t % 9 === 0 ? 0 : 6 + (t % 5) + (t > 300 && t % 2 === 0 ? 25 : 0)));
    const results = farringtonFlexible(dates, observed, Array.from({ length: 40 }, (_, i) => 280 + i), { ...NOUFAILY_CONTROL, alpha: 0.1 });
    expect(results.length).toBeGreaterThan(30);
    for (const r of results) {
      if (r.observed === 0) expect(r.alarm).toBe(false);
      expect(r.alarm).toBe(r.observed > r.upper);
    }
    expect(results.some((r) => r.alarm)).toBe(true);
  });
  it('gives no result for a week without b years behind it', () => {
    const dates = weeksFrom('2020-01-06', 200);
    expect(farringtonFlexible(dates, dates.map(() => 10), [150])).toEqual([]);
  });
});
