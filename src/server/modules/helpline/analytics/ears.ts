import qnorm from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The CDC's EARS C1, C2 and C3 (as R's `surveillance::earsC`): for series too short for a
 * seasonal baseline. C1 compares a week with the mean and standard deviation of the 7 weeks
 * before it; C2 leaves a 2-week guard band before the baseline; C3 adds up the C2 excesses
 * of the last three weeks, so a slow rise alerts sooner.
 */
export type EarsMethod = 'C1' | 'C2' | 'C3';
export type EarsControl = { method: EarsMethod; baseline: number; minSigma: number; alpha: number };

export const EARS_DEFAULTS: Record<EarsMethod, EarsControl> = {
  C1: { method: 'C1', baseline: 7, minSigma: 0, alpha: 0.001 },
  C2: { method: 'C2', baseline: 7, minSigma: 0, alpha: 0.001 },
  C3: { method: 'C3', baseline: 7, minSigma: 0, alpha: 0.025 },
};

export type EarsResult = { index: number; observed: number; expected: number; upper: number; alarm: boolean };

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
/** The sample standard deviation (n - 1), as R's sd(). */
const sd = (v: readonly number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};

/** The baseline weeks of week k: lags baseline..1 for C1, (baseline + 2)..3 for C2 and C3. */
function reference(observed: readonly number[], k: number, method: EarsMethod, baseline: number): number[] {
  const guard = method === 'C1' ? 0 : 2;
  return observed.slice(k - baseline - guard, k - guard);
}

/** The first week each method can judge: it needs its baseline (and for C3 two more C2 values). */
export function earsFirstIndex(control: EarsControl): number {
  return control.baseline + (control.method === 'C1' ? 0 : control.method === 'C2' ? 2 : 4);
}

export function earsC(observed: readonly number[], range: readonly number[], control: EarsControl = EARS_DEFAULTS.C2): EarsResult[] {
  if (control.baseline < 3) throw new Error('Minimum baseline to use is 3.');
  if (control.minSigma < 0) throw new Error('The minimum sigma parameter (minSigma) needs to be positive');
  const z = qnorm(1 - control.alpha, 0, 1);
  const first = earsFirstIndex(control);
  const out: EarsResult[] = [];
  for (const k of range) {
    if (k < first || k >= observed.length) continue;
    const y = observed[k]!;
    if (control.method !== 'C3') {
      const ref = reference(observed, k, control.method, control.baseline);
      const expected = mean(ref);
      const upper = expected + z * Math.max(sd(ref), control.minSigma);
      out.push({ index: k, observed: y, expected, upper, alarm: y > upper });
      continue;
    }
    // C3 (Hutwagner et al. 2003): alarm when this week's C2 excess over 1, plus those of the two
    // weeks before, passes z. R's earsC leaves this week's own excess out; the CDC definition
    // keeps it, and so do we: the bound is the count at which the sum reaches z.
    const c2 = (t: number) => {
      const ref = reference(observed, t, 'C2', control.baseline);
      return (observed[t]! - mean(ref)) / Math.max(sd(ref), control.minSigma);
    };
    const carry = Math.max(0, c2(k - 2) - 1) + Math.max(0, c2(k - 1) - 1);
    const ref = reference(observed, k, 'C2', control.baseline);
    const expected = mean(ref);
    const upper = Math.max(0, expected + Math.max(sd(ref), control.minSigma) * (1 + z - carry));
    out.push({ index: k, observed: y, expected, upper, alarm: y > upper });
  }
  return out;
}
