import nbinomQuantile from '@stdlib/stats-base-dists-negative-binomial-quantile';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { coefficientPValue, fitQuasiPoisson, predictLink } from './glm.js';

/**
 * Forecasts of monthly counts: a quasi-Poisson model with a month-of-year level (and a trend
 * when it is significant), fitted on the last five years at most, with an 80 % prediction
 * interval from a negative binomial of the fitted dispersion. Its honesty is the backtest:
 * rolling forecasts made from past origins, scored by MASE against the seasonal-naive
 * forecast ("the same month last year"), so a reader sees whether it beats the simplest guess.
 */
export type ForecastPoint = { step: number; mean: number; lower: number; upper: number };
export type Backtest = {
  /** Mean absolute error of the model's forecasts over the held-out months, scaled by the in-sample seasonal-naive error (< 1: better than "same month last year"). */
  mase: number | null;
  /** The same scale applied to the seasonal-naive forecast on the held-out months. */
  naiveMase: number | null;
  /** How many held-out forecasts were scored. */
  points: number;
};

const SEASON = 12;
const MAX_YEARS = 5;
const INTERVAL = 0.8;
/** The shortest history modelled: a year and a half, so each month of the year is seen at least once with some to spare. */
export const MIN_MONTHS = 18;

function row(t: number, month: number, trend: boolean): number[] {
  const r = [1];
  if (trend) r.push(t);
  for (let m = 1; m < SEASON; m++) r.push(month === m ? 1 : 0);
  return r;
}

/** `firstMonth` is the month of year (0-11) of `counts[0]`. Needs MIN_MONTHS of counts; null otherwise. */
export function forecastMonthly(counts: readonly number[], firstMonth: number, horizon = 3): ForecastPoint[] | null {
  const start = Math.max(0, counts.length - MAX_YEARS * SEASON);
  const y = counts.slice(start);
  if (y.length < MIN_MONTHS || y.every((v) => v === 0)) return null;
  const monthOf = (i: number) => (firstMonth + start + i) % SEASON;
  let trend = true;
  let fit = fitQuasiPoisson(y.map((_, i) => row(i, monthOf(i), true)), y);
  if (!fit?.converged || !(coefficientPValue(fit, 1) < 0.05)) {
    trend = false;
    fit = fitQuasiPoisson(y.map((_, i) => row(i, monthOf(i), false)), y);
  }
  if (!fit?.converged) return null;
  const phi = Math.max(fit.dispersion, 1);
  const out: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const t = y.length - 1 + h;
    const link = predictLink(fit, row(t, monthOf(t), trend), phi);
    const mean = Math.exp(link.fit);
    const tail = (1 - INTERVAL) / 2;
    const q = (p: number) => (phi > 1 ? nbinomQuantile(p, mean / (phi - 1), 1 / phi) : poissonQuantile(p, mean));
    out.push({ step: h, mean, lower: q(tail), upper: q(1 - tail) });
  }
  return out;
}

/**
 * Rolling-origin backtest over the last `holdout` months (fewer when the history is short, so
 * the model still trains on MIN_MONTHS): from each origin the model forecasts 1..horizon
 * months ahead using only the months before it; every forecast that lands inside the held-out
 * months is scored.
 */
export function backtestMonthly(counts: readonly number[], firstMonth: number, holdout = 12, horizon = 3): Backtest {
  const n = counts.length;
  const cut = n - Math.min(holdout, n - MIN_MONTHS);
  // The scale: in-sample mean absolute error of the seasonal-naive forecast on the training months.
  const train = counts.slice(0, cut);
  const naiveErrors = train.slice(SEASON).map((v, i) => Math.abs(v - train[i]!));
  const scale = naiveErrors.length ? naiveErrors.reduce((a, b) => a + b, 0) / naiveErrors.length : 0;
  if (cut < MIN_MONTHS || cut >= n || scale === 0) return { mase: null, naiveMase: null, points: 0 };
  let modelError = 0;
  let naiveError = 0;
  let points = 0;
  for (let origin = cut; origin < n; origin++) {
    const forecast = forecastMonthly(counts.slice(0, origin), firstMonth, horizon);
    if (!forecast) continue;
    for (const f of forecast) {
      const t = origin + f.step - 1;
      if (t >= n) break;
      modelError += Math.abs(counts[t]! - f.mean);
      naiveError += Math.abs(counts[t]! - counts[t - SEASON]!);
      points++;
    }
  }
  if (points === 0) return { mase: null, naiveMase: null, points: 0 };
  return { mase: modelError / points / scale, naiveMase: naiveError / points / scale, points };
}
