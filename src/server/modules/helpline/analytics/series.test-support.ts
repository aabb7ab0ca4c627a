import negativeBinomial from '@stdlib/random-base-negative-binomial';
import poisson from '@stdlib/random-base-poisson';

/** `n` week-start dates, seven days apart, from `first` (YYYY-MM-DD). */
export function weeksFrom(first: string, n: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

export type Shape = { mean: number; seasonal?: number; trend?: number; dispersion?: number };

/** A weekly series with known truth: mean * exp(seasonal * sin(2 pi t / 52) + trend * t), Poisson or (dispersion > 1) negative binomial. */
export function simulate(n: number, shape: Shape, seed: number): { means: number[]; counts: number[] } {
  const pois = poisson.factory({ seed });
  const nb = negativeBinomial.factory({ seed });
  const means = Array.from({ length: n }, (_, t) => shape.mean * Math.exp((shape.seasonal ?? 0) * Math.sin((2 * Math.PI * t) / 52) + (shape.trend ?? 0) * t));
  const phi = shape.dispersion ?? 1;
  const counts = means.map((m) => (phi > 1 ? nb(m / (phi - 1), 1 / phi) : pois(m)));
  return { means, counts };
}
