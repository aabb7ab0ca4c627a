import { BLOCKING_RULES } from './blocking.js';
import { COMPARISONS, RADIX, levelsOf } from './compare.js';

/**
 * The Fellegi-Sunter model: for each comparison level, m (how often a true match shows it)
 * and u (how often a non-match does), estimated by EM from the candidate pairs themselves;
 * no weight is set by hand. A pair's match weight is log2(lambda / (1 - lambda)) plus, per
 * comparison, log2(m / u) of its level, plus the name's term-frequency adjustment.
 *
 * Saved as a versioned JSON document shaped like Splink's settings (comparisons with
 * comparison_levels carrying m_probability / u_probability), so two runs can be compared.
 */
export type LinkageModel = {
  link_type: 'dedupe_only';
  probability_two_random_records_match: number;
  blocking_rules_to_generate_predictions: string[];
  comparisons: Array<{
    output_column_name: string;
    comparison_levels: Array<{
      label_for_charts: string;
      is_null_level?: true;
      m_probability?: number;
      u_probability?: number;
      /** log2(m / u) */
      match_weight?: number;
      /** Name levels whose weight is adjusted by how rare the agreeing words are. */
      tf_adjustment_column?: string;
      tf_adjustment_weight?: number;
      /** The mean log2 term frequency of this level's pairs: the adjustment is centred on it. */
      tf_log2_mean?: number;
    }>;
  }>;
  /** Match probabilities: a pair at or above `link` links; at or above `review` goes to a person. */
  thresholds: { link: number; review: number };
  ncpp: {
    version: number;
    estimated_at: string;
    records: number;
    candidate_pairs: number;
    em_iterations: number;
    converged: boolean;
    labelled_pairs: number;
    max_block: number;
    /** Blocking keys too common to block on (a new record skips them as the full run did). */
    dropped_keys: string[];
  };
};

/**
 * Link from a match probability of 0.7 (chosen for F1 on the labelled generator; pairs that
 * disagree outright on given names or family never link automatically whatever their
 * probability), review from 0.2.
 */
export const THRESHOLDS = { link: 0.7, review: 0.2 } as const;
/** How strongly rarity moves a name's weight (Splink's tf_adjustment_weight): half, as it measured best on the labelled generator (F1 0.925 against 0.921 at full weight, 100,000 records). */
const TF_WEIGHT = 0.5;
/** The adjustment is bounded: one very rare typo-word must not outweigh every other field. */
const TF_CLAMP = 6;

export type PatternCounts = Map<number, number>;
/** Reviewed pairs: their pattern and the reviewer's answer (true = same child). */
export type Labelled = Array<{ pattern: number; match: boolean }>;

type Params = { lambda: number; m: number[][]; u: number[][] };

const levelCount = (c: number) => RADIX[c]! - 1;

/** Where EM starts m: one child's records mostly agree at the top levels. */
function initialM(): number[][] {
  return COMPARISONS.map((_, c) => {
    const n = levelCount(c);
    const raw = Array.from({ length: n }, (_, l) => 2 ** (l - n + 1) + 0.01);
    const s = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / s);
  });
}

/**
 * u from pairs of records drawn at random (nearly all of them two different children), as
 * Splink does: fixing u anchors EM, which otherwise may settle on any strong correlation of
 * the blocked pairs (two records from one district) and call it "match".
 */
export function estimateU(randomCounts: PatternCounts): number[][] {
  const acc = COMPARISONS.map((_, c) => new Array<number>(levelCount(c)).fill(1));
  for (const [p, n] of randomCounts) {
    const levels = levelsOf(p);
    for (let c = 0; c < levels.length; c++) if (levels[c]! >= 0) acc[c]![levels[c]!]! += n;
  }
  return acc.map(normalise);
}

/**
 * Training sessions, as Splink runs them: EM over pairs found by a rule of their own, with
 * u fixed and the comparisons the rule holds fixed left out (two records with one birth date
 * tell nothing about how birth dates of one child agree). Between them every comparison is
 * estimated at least once. Indices into COMPARISONS.
 */
export const TRAINING_SESSIONS = [
  { rule: 'the same exact birth date', fixed: [1] },
  { rule: 'the same name words', fixed: [0, 2] },
] as const;

type Session = { m: number[][]; weight: number[]; lambda: number; iterations: number; converged: boolean };

/** EM of lambda and m over one rule's pairs, u fixed, the rule's own comparisons left out. */
function session(counts: PatternCounts, u: number[][], fixed: readonly number[], labels: Array<{ levels: number[]; w: number }>, maxIterations: number): Session {
  const patterns = [...counts.entries()].map(([p, n]) => ({ levels: levelsOf(p), n }));
  const used = COMPARISONS.map((_, c) => !fixed.includes(c));
  let params: Params = { lambda: 0.1, m: initialM(), u };
  const prior = 0.5;
  let weight: number[] = [];
  for (let it = 1; it <= maxIterations; it++) {
    const mAcc = COMPARISONS.map((_, c) => new Array<number>(levelCount(c)).fill(prior));
    let matches = 0;
    let total = 0;
    weight = COMPARISONS.map(() => 0);
    const add = (levels: number[], w: number, n: number) => {
      matches += w * n;
      total += n;
      for (let c = 0; c < levels.length; c++) {
        if (!used[c] || levels[c]! < 0) continue;
        mAcc[c]![levels[c]!]! += w * n;
        weight[c]! += w * n;
      }
    };
    for (const p of patterns) add(p.levels, posterior(params, p.levels, used), p.n);
    for (const l of labels) add(l.levels, l.w, 1);
    const next: Params = { lambda: Math.min(0.999, Math.max(1e-6, matches / Math.max(1, total))), m: mAcc.map(normalise), u };
    const before = params.m.flat();
    const delta = Math.max(Math.abs(next.lambda - params.lambda), ...next.m.flat().map((x, k) => Math.abs(x - before[k]!)));
    params = next;
    if (delta < 1e-6) return { m: params.m, weight: weight.map((w, c) => (used[c] ? w : 0)), lambda: params.lambda, iterations: it, converged: true };
  }
  return { m: params.m, weight: weight.map((w, c) => (used[c] ? w : 0)), lambda: params.lambda, iterations: maxIterations, converged: false };
}

/**
 * m for every comparison from the training sessions (each comparison's m is the mean of the
 * sessions that could estimate it, weighted by their expected matches), then lambda by EM
 * over the candidate pairs with m and u held. Reviewed pairs join every session as fixed labels.
 */
export function estimate(candidates: PatternCounts, allPairs: number, training: readonly PatternCounts[], u: number[][], labelled: Labelled = [], maxIterations = 200): Params & { iterations: number; converged: boolean } {
  const labels = labelled.map((l) => ({ levels: levelsOf(l.pattern), w: l.match ? 1 : 0 }));
  const sessions = training.map((counts, r) => session(counts, u, TRAINING_SESSIONS[r]!.fixed, labels, maxIterations));
  const start = initialM();
  const m = COMPARISONS.map((_, c) => {
    const from = sessions.filter((s) => s.weight[c]! >= 20);
    const total = from.reduce((a, s) => a + s.weight[c]!, 0);
    if (!total) return start[c]!;
    return start[c]!.map((_, l) => from.reduce((a, s) => a + s.m[c]![l]! * s.weight[c]!, 0) / total);
  });
  // lambda is the chance that two records drawn at random are one child (u is of random
  // pairs too): the expected matches among the candidates, which hold nearly all of them,
  // over every pair there is. One parameter, everything else held.
  const patterns = [...candidates.entries()].map(([p, n]) => ({ levels: levelsOf(p), n }));
  let params: Params = { lambda: 1 / Math.max(2, allPairs), m, u };
  const every = COMPARISONS.map(() => true);
  let iterations = sessions.reduce((a, s) => a + s.iterations, 0);
  for (let it = 1; it <= maxIterations; it++, iterations++) {
    let matches = 0;
    for (const p of patterns) matches += posterior(params, p.levels, every) * p.n;
    const lambda = Math.min(0.5, Math.max(1e-12, matches / Math.max(1, allPairs)));
    const delta = Math.abs(lambda - params.lambda) / params.lambda;
    params = { ...params, lambda };
    if (delta < 1e-6) return { ...params, iterations, converged: sessions.every((s) => s.converged) };
  }
  return { ...params, iterations, converged: false };
}

function normalise(xs: number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / s);
}

function posterior(p: Params, levels: number[], used: readonly boolean[]): number {
  let lm = Math.log(p.lambda);
  let lu = Math.log(1 - p.lambda);
  for (let c = 0; c < levels.length; c++) {
    const l = levels[c]!;
    if (l < 0 || !used[c]) continue;
    lm += Math.log(p.m[c]![l]!);
    lu += Math.log(p.u[c]![l]!);
  }
  return 1 / (1 + Math.exp(lu - lm));
}

/** The saved model from estimated parameters and the name levels' mean term frequencies. */
export function toModel(p: Params & { iterations: number; converged: boolean }, info: {
  version: number; records: number; candidatePairs: number; labelled: number; maxBlock: number; droppedKeys: string[]; tfLog2Mean: number[];
}): LinkageModel {
  return {
    link_type: 'dedupe_only',
    probability_two_random_records_match: p.lambda,
    blocking_rules_to_generate_predictions: [...BLOCKING_RULES],
    comparisons: COMPARISONS.map((c, ci) => ({
      output_column_name: c.name,
      comparison_levels: [
        { label_for_charts: 'null', is_null_level: true as const },
        ...c.levels.map((label, l) => ({
          label_for_charts: label,
          m_probability: p.m[ci]![l]!,
          u_probability: p.u[ci]![l]!,
          match_weight: Math.log2(p.m[ci]![l]! / p.u[ci]![l]!),
          ...(c.name === 'name' && l >= TF_LEVEL ? { tf_adjustment_column: 'name', tf_adjustment_weight: TF_WEIGHT, tf_log2_mean: info.tfLog2Mean[l] ?? 0 } : {}),
        })),
      ],
    })),
    thresholds: { ...THRESHOLDS },
    ncpp: {
      version: info.version,
      estimated_at: new Date().toISOString(),
      records: info.records,
      candidate_pairs: info.candidatePairs,
      em_iterations: p.iterations,
      converged: p.converged,
      labelled_pairs: info.labelled,
      max_block: info.maxBlock,
      dropped_keys: info.droppedKeys,
    },
  };
}

/** Name levels from which every word of the shorter name agrees: rarity of those words counts. */
export const TF_LEVEL = 3;

/** A model made ready for scoring: one weight per pattern digit. */
export class Scorer {
  private readonly prior: number;
  private readonly weights: number[][];
  private readonly tfMean: number[];
  readonly thresholds: { link: number; review: number };
  constructor(readonly model: LinkageModel) {
    const lambda = model.probability_two_random_records_match;
    this.prior = Math.log2(lambda / (1 - lambda));
    this.weights = model.comparisons.map((c) => c.comparison_levels.map((l) => l.match_weight ?? 0));
    const name = model.comparisons[0]!.comparison_levels;
    this.tfMean = name.map((l) => l.tf_log2_mean ?? 0);
    this.thresholds = model.thresholds;
  }

  /** The weight of each comparison (index 0 of a level list is its null level). */
  partials(levels: readonly number[], tfLog2: number): number[] {
    return levels.map((l, c) => this.weights[c]![l + 1]! + (c === 0 ? this.tfAdjustment(l, tfLog2) : 0));
  }

  tfAdjustment(nameLevel: number, tfLog2: number): number {
    if (nameLevel < TF_LEVEL) return 0;
    const adj = TF_WEIGHT * (this.tfMean[nameLevel + 1]! - tfLog2);
    return Math.max(-TF_CLAMP, Math.min(TF_CLAMP, adj));
  }

  weight(levels: readonly number[], tfLog2: number): number {
    let w = this.prior;
    for (const x of this.partials(levels, tfLog2)) w += x;
    return w;
  }

  static probability(weight: number): number {
    return 1 / (1 + 2 ** -weight);
  }

  band(probability: number): 'link' | 'review' | 'none' {
    return probability >= this.thresholds.link ? 'link' : probability >= this.thresholds.review ? 'review' : 'none';
  }
}
