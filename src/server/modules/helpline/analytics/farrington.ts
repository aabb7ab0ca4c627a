import nbinomCdf from '@stdlib/stats-base-dists-negative-binomial-cdf';
import nbinomQuantile from '@stdlib/stats-base-dists-negative-binomial-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import qnorm from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { coefficientPValue, fitQuasiPoisson, predictLink, type GlmFit } from './glm.js';

/**
 * The improved Farrington method (Noufaily et al. 2013) as R's `surveillance::farringtonFlexible`
 * implements it, for weekly counts: a quasi-Poisson GLM on the same season in the past `b`
 * years (windows of +-w weeks, the rest of each year split into `noPeriods - 1` blocks with
 * their own level), a time trend only when significant and not extrapolating, past outbreaks
 * down-weighted by their Anscombe residuals, the last `pastWeeksNotIncluded` weeks left out
 * so an emerging outbreak does not raise its own baseline, and an upper bound from a negative
 * binomial with the model's dispersion. Each step below names its R counterpart.
 */
export type FarringtonControl = {
  b: number;
  w: number;
  noPeriods: number;
  reweight: boolean;
  weightsThreshold: number;
  alpha: number;
  trend: boolean;
  pThresholdTrend: number;
  /** [cases, weeks]: no alarm unless at least `cases` reports in the last `weeks` weeks (the current one included). */
  limit54: [number, number];
  pastWeeksNotIncluded: number;
  thresholdMethod: 'delta' | 'nbPlugin' | 'muan';
  powertrans: 'none' | '1/2' | '2/3';
};

/** Noufaily et al.'s recommended settings (also the Salmon et al. 2016 illustration). */
export const NOUFAILY_CONTROL: FarringtonControl = {
  b: 5, w: 3, noPeriods: 10, reweight: true, weightsThreshold: 2.58, alpha: 0.001, trend: true,
  pThresholdTrend: 0.05, limit54: [5, 4], pastWeeksNotIncluded: 26, thresholdMethod: 'muan', powertrans: '2/3',
};

export type Threshold = { lower: number; upper: number; prob: number; score: number };

/** algo.farrington.assign.weights: s^-2 above the threshold, 1 below, rescaled so the weights sum to n. */
export function assignWeights(s: readonly number[], weightsThreshold: number): number[] {
  const raw = s.map((v) => (v > weightsThreshold ? v ** -2 : 1));
  const gamma = s.length / raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => gamma * v);
}

/** anscombe.residuals: standardised Anscombe residuals of a Poisson-type fit. */
export function anscombeResiduals(y: readonly number[], fit: GlmFit, phi: number): number[] {
  return y.map((v, i) => {
    const mu = fit.fitted[i]!;
    return (1.5 * (v ** (2 / 3) * mu ** (-1 / 6) - Math.sqrt(mu))) / Math.sqrt(phi * (1 - fit.hat[i]!));
  });
}

/** algo.farrington.threshold.farrington: the bound from a power transformation of the count ("delta" method). */
export function thresholdDelta(predFit: number, predSeFit: number, phi: number, powertrans: FarringtonControl['powertrans'], alpha: number, y: number): Threshold {
  const mu0 = predFit;
  const tau = phi + predSeFit ** 2 / mu0;
  const [se, exponent] = powertrans === 'none' ? [Math.sqrt(mu0 * tau), 1] : powertrans === '1/2' ? [Math.sqrt(tau / 4), 0.5] : [Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau), 2 / 3];
  const z = qnorm(1 - alpha, 0, 1);
  const bounds = [-1, 1].map((sign) => (mu0 ** exponent + sign * z * se) ** (1 / exponent)).map((v) => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v)).sort((a, b) => a - b);
  const lower = Math.max(0, bounds[0]!);
  const upper = bounds[1]!;
  const prob = 1 - normalCdf(y ** exponent, mu0 ** exponent, se);
  return { lower, upper, prob, score: (y - predFit) / (upper - predFit) };
}

/**
 * algo.farrington.threshold.noufaily: negative binomial quantiles around the predicted mean
 * (on the link scale); "muan" takes the mean's own upper quantile, "nbPlugin" the mean itself.
 */
export function thresholdNoufaily(eta0: number, seEta0: number, phi: number, alpha: number, y: number, method: 'nbPlugin' | 'muan'): Threshold | null {
  const mu = method === 'nbPlugin' ? Math.exp(eta0) : Math.exp(qnorm(1 - alpha, eta0, seEta0));
  if (!Number.isFinite(mu)) return null;
  let lower: number;
  let upper: number;
  let prob: number;
  if (phi > 1) {
    const size = mu / (phi - 1);
    lower = nbinomQuantile(alpha, size, 1 / phi);
    upper = nbinomQuantile(1 - alpha, size, 1 / phi);
    prob = y - 1 < 0 ? 1 : 1 - nbinomCdf(y - 1, size, 1 / phi);
  } else {
    lower = poissonQuantile(alpha, mu);
    upper = poissonQuantile(1 - alpha, mu);
    prob = y - 1 < 0 ? 1 : 1 - poissonCdf(y - 1, mu);
  }
  return { lower: Math.max(0, lower), upper, prob, score: (y - eta0) / (upper - eta0) };
}

/** algo.farrington.referencetimepoints for weekly data: the same week-day closest to the same date 1..b years back. */
export function referenceWeeks(dates: readonly string[], k: number, b: number): number[] | null {
  const day = new Date(`${dates[k]!}T00:00:00Z`);
  const start = new Date(`${dates[0]!}T00:00:00Z`).getTime();
  const out = [k];
  for (let y = 1; y <= b; y++) {
    const target = new Date(Date.UTC(day.getUTCFullYear() - y, day.getUTCMonth(), day.getUTCDate()));
    const a = new Date(target.getTime() - (target.getUTCDay() - day.getUTCDay()) * 86_400_000);
    const other = new Date(a.getTime() + (a.getTime() > target.getTime() ? -7 : 7) * 86_400_000);
    const pick = Math.abs(a.getTime() - target.getTime()) > Math.abs(other.getTime() - target.getTime()) ? other : a;
    const index = Math.round((pick.getTime() - start) / (7 * 86_400_000));
    if (index < 0 || dates[index] === undefined) return null;
    out.push(index);
  }
  return out;
}

/**
 * blocks(): the seasonal factor of every week. The windows around the reference weeks and the
 * current week get level p; the weeks between one year's window and the next are split into
 * p - 1 blocks of (nearly) equal length, so the model learns the rest of the year too.
 */
export function seasonalBlocks(length: number, refs: readonly number[], w: number, p: number): (number | null)[] {
  const factors: (number | null)[] = new Array<number | null>(length).fill(null);
  const now = refs[0]!;
  for (let t = now - w; t <= now; t++) if (t >= 0) factors[t] = p;
  for (let i = 1; i < refs.length; i++) {
    const refWeek = refs[i]!;
    for (let t = refWeek - w; t <= refWeek + w; t++) if (t >= 0 && t < length) factors[t] = p;
    if (p === 1) continue;
    const period = refs[i - 1]! - 2 * w - 1 - refWeek;
    if (period < p - (2 * w + 1)) throw new Error('Number of factors too big');
    const lengths = new Array<number>(p - 1).fill(Math.floor(period / (p - 1)));
    for (let r = 0; r < period % (p - 1); r++) lengths[r]! += 1;
    let at = refWeek + w + 1;
    lengths.forEach((len, j) => {
      for (let t = at; t < at + len; t++) factors[t] = j + 1;
      at += len;
    });
  }
  return factors;
}

export type WeekResult = { index: number; observed: number; expected: number; upper: number; score: number; alarm: boolean; trend: boolean; phi: number };

type Design = { x: number[][]; y: number[]; levels: number[]; wtime: number[]; predictTime: number };

function design(observed: readonly number[], factors: readonly (number | null)[], k: number, pastWeeksNotIncluded: number, withTrend: boolean, withFactors: boolean): Design {
  const idx: number[] = [];
  factors.forEach((f, t) => { if (f !== null && !(t >= k - pastWeeksNotIncluded && t <= k) && Number.isFinite(observed[t])) idx.push(t); });
  const levels = withFactors ? [...new Set(idx.map((t) => factors[t]!))].sort((a, b) => a - b) : [];
  const first = idx[0] ?? 0;
  const x = idx.map((t) => row(t - first, factors[t]!));
  function row(time: number, level: number) {
    const r = [1];
    if (withTrend) r.push(time);
    // Treatment contrasts: the lowest level is the reference.
    for (const l of levels.slice(1)) r.push(level === l ? 1 : 0);
    return r;
  }
  return { x, y: idx.map((t) => observed[t]!), levels, wtime: idx.map((t) => t - first), predictTime: k - first };
}

/** algo.farrington.fitGLM.flexible: fit, then (when asked) refit with Anscombe weights; phi is never below 1. */
function fitFlexible(d: Design, reweight: boolean, weightsThreshold: number): { fit: GlmFit; phi: number } | null {
  let fit = fitQuasiPoisson(d.x, d.y);
  if (!fit?.converged) return null;
  let phi = Math.max(fit.dispersion, 1);
  if (reweight) {
    const omega = assignWeights(anscombeResiduals(d.y, fit, phi), weightsThreshold);
    fit = fitQuasiPoisson(d.x, d.y, omega);
    if (!fit?.converged) return null;
    phi = Math.max(fit.dispersion, 1);
  }
  return { fit, phi };
}

/**
 * farringtonFlexible for one series at the weeks in `range` (indexes into `observed`). `dates`
 * are the weeks' first days (YYYY-MM-DD, seven days apart). A week whose reference weeks fall
 * before the series starts, or whose model cannot be fitted, gets no result.
 */
export function farringtonFlexible(dates: readonly string[], observed: readonly number[], range: readonly number[], control: FarringtonControl = NOUFAILY_CONTROL): WeekResult[] {
  const results: WeekResult[] = [];
  const p = control.noPeriods;
  for (const k of range) {
    const refs = referenceWeeks(dates, k, control.b);
    if (!refs || refs[control.b]! - control.w < 0) continue;
    const factors = seasonalBlocks(observed.length, refs, control.w, p);
    const withFactors = p !== 1;
    let trend = control.trend;
    let d = design(observed, factors, k, control.pastWeeksNotIncluded, trend, withFactors);
    let model = fitFlexible(d, control.reweight, control.weightsThreshold);
    if (!model && trend) {
      trend = false;
      d = design(observed, factors, k, control.pastWeeksNotIncluded, false, withFactors);
      model = fitFlexible(d, control.reweight, control.weightsThreshold);
    }
    if (!model) continue;
    const predictRow = (withTrend: boolean) => [1, ...(withTrend ? [d.predictTime] : []), ...d.levels.slice(1).map((l) => (l === p ? 1 : 0))];
    if (trend) {
      // algo.farrington.glm: keep the trend only if significant, over 3+ years, and not predicting beyond every count seen.
      const pred = predictLink(model.fit, predictRow(true));
      const significant = coefficientPValue(model.fit, 1) < control.pThresholdTrend;
      const noExtrapolation = Math.exp(pred.fit) <= Math.max(...d.y);
      if (!(control.b >= 3 && significant && noExtrapolation)) {
        trend = false;
        d = design(observed, factors, k, control.pastWeeksNotIncluded, false, withFactors);
        model = fitFlexible(d, control.reweight, control.weightsThreshold);
        if (!model) continue;
      }
    }
    // R passes the dispersion inside newdata, so predict.glm scales the standard error by the fit's own dispersion, not by phi.
    const link = predictLink(model.fit, predictRow(trend));
    const y = observed[k]!;
    const lu = control.thresholdMethod === 'delta'
      ? thresholdDelta(Math.exp(link.fit), Math.exp(link.fit) * link.se, model.phi, control.powertrans, control.alpha, y)
      : thresholdNoufaily(link.fit, link.se, model.phi, control.alpha, y, control.thresholdMethod);
    if (!lu) continue;
    const recent = observed.slice(Math.max(0, k - control.limit54[1] + 1), k + 1).reduce((a, b) => a + b, 0);
    const enough = recent >= control.limit54[0];
    // The score as farringtonFlexible reports it for the delta method: (y - mu0) / (U - mu0) on the count scale.
    const expected = Math.exp(link.fit);
    const score = (y - expected) / (lu.upper - expected);
    results.push({ index: k, observed: y, expected, upper: lu.upper, score: Number.isFinite(score) ? score : 0, alarm: enough && y !== 0 && y > lu.upper, trend, phi: model.phi });
  }
  return results;
}
