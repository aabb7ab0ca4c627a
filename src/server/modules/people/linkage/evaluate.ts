/**
 * Pairwise precision, recall and F1 of a clustering against the truth: every pair of records
 * put in one person is a predicted link; every pair of one true child is a true link.
 * Counted through cluster sizes, never by listing pairs (a million records has too many).
 */
export type Evaluation = { records: number; truePairs: number; predictedPairs: number; correctPairs: number; precision: number; recall: number; f1: number };

const pairs = (n: number) => (n * (n - 1)) / 2;

export function evaluatePairs(rows: Iterable<{ predicted: string; truth: string }>): Evaluation {
  const predicted = new Map<string, number>();
  const truth = new Map<string, number>();
  const both = new Map<string, number>();
  let records = 0;
  for (const r of rows) {
    records++;
    predicted.set(r.predicted, (predicted.get(r.predicted) ?? 0) + 1);
    truth.set(r.truth, (truth.get(r.truth) ?? 0) + 1);
    const key = `${r.predicted}\u0000${r.truth}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (const n of predicted.values()) predictedPairs += pairs(n);
  for (const n of truth.values()) truePairs += pairs(n);
  for (const n of both.values()) correctPairs += pairs(n);
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { records, truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
