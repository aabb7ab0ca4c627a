import tcdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * A quasi-Poisson generalised linear model with a log link, fitted by iteratively reweighted
 * least squares as R's `glm(family = quasipoisson)` does (same start, same convergence test),
 * because the Farrington methods are defined in terms of that fit: its dispersion, its hat
 * values and its prediction standard errors.
 *
 * The linear algebra is a Cholesky factorisation of a matrix of at most a dozen rows, written
 * here on flat arrays: the national detector fits this model some hundred thousand times a
 * run, and a general matrix library's per-call overhead measured three times the fit itself.
 */
export type GlmFit = {
  coefficients: Float64Array;
  /** Unscaled covariance (X'WX)^-1, row-major p x p; times `dispersion` it is the coefficients' covariance. */
  unscaled: Float64Array;
  /** Pearson dispersion: sum(w (y - mu)^2 / mu) / (n - p), as summary.glm reports it (may be below 1). */
  dispersion: number;
  fitted: Float64Array;
  hat: Float64Array;
  dfResidual: number;
  converged: boolean;
};

const MAX_ITERATIONS = 25;
const EPSILON = 1e-8;

function deviance(y: readonly number[], mu: Float64Array, w: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += 2 * w[i]! * ((y[i]! > 0 ? y[i]! * Math.log(y[i]! / mu[i]!) : 0) - (y[i]! - mu[i]!));
  return d;
}

/** X'WX (upper triangle, row-major) and X'Wz. */
function normalEquations(x: readonly number[][], ww: Float64Array, z: Float64Array, p: number) {
  const a = new Float64Array(p * p);
  const v = new Float64Array(p);
  for (let i = 0; i < x.length; i++) {
    const row = x[i]!;
    const wi = ww[i]!;
    if (wi === 0) continue;
    const wz = wi * z[i]!;
    for (let j = 0; j < p; j++) {
      const xj = row[j]!;
      if (xj === 0) continue;
      v[j]! += xj * wz;
      const wxj = wi * xj;
      for (let l = j; l < p; l++) a[j * p + l]! += wxj * row[l]!;
    }
  }
  return { a, v };
}

/** The lower Cholesky factor of the symmetric matrix whose upper triangle is `a`; null when not positive definite. */
function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! ** 2;
    // Relative to the diagonal, so a column that no observation informs counts as singular.
    if (!(d > 1e-10 * Math.max(1, a[j * p + j]!))) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[j * p + i]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L L' x = b. */
function solve(l: Float64Array, b: Float64Array, p: number): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

function inverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = solve(l, e, p);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  return inv;
}

/** row' M row for a row-major p x p matrix, skipping the zeros of a row of dummies. */
function quadratic(m: Float64Array, row: readonly number[]): number {
  const p = row.length;
  let q = 0;
  for (let a = 0; a < p; a++) {
    const ra = row[a]!;
    if (ra === 0) continue;
    for (let b = 0; b < p; b++) if (row[b] !== 0) q += ra * m[a * p + b]! * row[b]!;
  }
  return q;
}

function linear(x: readonly number[][], beta: Float64Array, eta: Float64Array, mu: Float64Array) {
  for (let i = 0; i < x.length; i++) {
    const row = x[i]!;
    let e = 0;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) e += row[j]! * beta[j]!;
    eta[i] = e;
    mu[i] = Math.max(Math.exp(e), 1e-300);
  }
}

/**
 * Fits log(E[y]) = X beta with prior weights `weights` (default 1). Returns null when the
 * design is singular (a column that no observation informs), which the callers treat as R
 * treats a failed fit: no result for that time point.
 */
export function fitQuasiPoisson(x: readonly number[][], y: readonly number[], weights?: readonly number[]): GlmFit | null {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n <= p || p === 0) return null;
  const w = weights ?? new Array<number>(n).fill(1);
  // R's poisson()$initialize: mustart = y + 0.1.
  const mu = Float64Array.from(y, (v) => v + 0.1);
  const eta = mu.map(Math.log);
  const ww = new Float64Array(n);
  const z = new Float64Array(n);
  let devOld = deviance(y, mu, w);
  let beta: Float64Array = new Float64Array(p);
  let converged = false;
  for (let iter = 0; iter < MAX_ITERATIONS && !converged; iter++) {
    for (let i = 0; i < n; i++) {
      ww[i] = w[i]! * mu[i]!;
      z[i] = eta[i]! + (y[i]! - mu[i]!) / mu[i]!;
    }
    const eq = normalEquations(x, ww, z, p);
    const l = cholesky(eq.a, p);
    if (!l) return null;
    beta = solve(l, eq.v, p);
    linear(x, beta, eta, mu);
    const dev = deviance(y, mu, w);
    converged = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON;
    devOld = dev;
  }
  // The covariance at the final fit (R takes it from the last iteration's weights; at convergence the two agree).
  for (let i = 0; i < n; i++) ww[i] = w[i]! * mu[i]!;
  const l = cholesky(normalEquations(x, ww, eta, p).a, p);
  if (!l) return null;
  const unscaled = inverse(l, p);
  let pearson = 0;
  let informative = 0;
  const hat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (w[i]! > 0) informative++;
    pearson += (w[i]! * (y[i]! - mu[i]!) ** 2) / mu[i]!;
    hat[i] = ww[i]! * quadratic(unscaled, x[i]!);
  }
  const dfResidual = informative - p;
  return { coefficients: beta, unscaled, dispersion: dfResidual > 0 ? pearson / dfResidual : Number.NaN, fitted: mu, hat, dfResidual, converged };
}

/** The prediction at a new design row: on the link scale with its standard error (R's predict.glm, type = "link"). */
export function predictLink(fit: GlmFit, row: readonly number[], dispersion = fit.dispersion): { fit: number; se: number } {
  let eta = 0;
  for (let j = 0; j < row.length; j++) eta += row[j]! * fit.coefficients[j]!;
  return { fit: eta, se: Math.sqrt(Math.max(quadratic(fit.unscaled, row), 0) * dispersion) };
}

/** Two-sided p-value of coefficient j (a t test on the residual degrees of freedom, as summary.glm does for quasi families). */
export function coefficientPValue(fit: GlmFit, j: number): number {
  const p = fit.coefficients.length;
  const t = fit.coefficients[j]! / Math.sqrt(fit.unscaled[j * p + j]! * fit.dispersion);
  if (!Number.isFinite(t)) return Number.NaN;
  return 2 * (1 - tcdf(Math.abs(t), fit.dfResidual));
}
