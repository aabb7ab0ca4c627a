import { buildBlocks, forEachCandidate } from './blocking.js';
import { Clusters } from './cluster.js';
import { compare, compareFamily, compareNames, givenNameAgrees, levelsOf, RADIX, WordSimilarity, type Comparison } from './compare.js';
import { estimate, estimateU, Scorer, TF_LEVEL, toModel, type Labelled, type LinkageModel } from './model.js';
import { seededRandom } from '../../../seed/random.js';
import { parseRecord, Vocabulary, type LinkRecord, type LinkSource } from './records.js';

/** A block larger than this is too common to block on ("Akter" born in 2012 in a big country). */
export const MAX_BLOCK = 100;
/** Random pairs compared to estimate u. */
const U_SAMPLE = 300_000;

/** A reviewer's answer about two records, by their ids. */
export type Decision = { a: string; b: string; match: boolean };

export type ScoredPair = { i: number; j: number; weight: number; probability: number; pattern: number; tfLog2: number };

export type LinkageResult = {
  records: LinkRecord[];
  model: LinkageModel;
  /** Each record's person, as the index of one of its records. */
  labels: Int32Array;
  /** Pairs a person should look at: the middle band, and links the clustering refused. */
  review: ScoredPair[];
  /** log2 term frequency of every name word seen (vowel-folded), for matching new records later. */
  terms: Array<[string, number]>;
  stats: { records: number; candidatePairs: number; links: number; reviewPairs: number; persons: number; seconds: number };
};

/** A growable store of candidate pairs in typed arrays (tens of millions fit in a few hundred MB). */
class PairStore {
  i = new Int32Array(1 << 20);
  j = new Int32Array(1 << 20);
  pattern = new Int16Array(1 << 20);
  tf = new Float32Array(1 << 20);
  length = 0;
  push(i: number, j: number, pattern: number, tf: number) {
    if (this.length === this.i.length) this.grow();
    this.i[this.length] = i;
    this.j[this.length] = j;
    this.pattern[this.length] = pattern;
    this.tf[this.length] = tf;
    this.length++;
  }
  private grow() {
    const size = this.i.length * 2;
    const copy = <T extends Int32Array | Int16Array | Float32Array>(a: T, b: T) => (b.set(a), b);
    this.i = copy(this.i, new Int32Array(size));
    this.j = copy(this.j, new Int32Array(size));
    this.pattern = copy(this.pattern, new Int16Array(size));
    this.tf = copy(this.tf, new Float32Array(size));
  }
}

/** log2 of the share of records carrying each word (vowel-folded id): a name's rarity. */
export function termFrequencies(records: readonly LinkRecord[], vocabSize: number): Float64Array {
  const counts = new Float64Array(vocabSize);
  const seen = new Set<number>();
  for (const r of records) {
    seen.clear();
    for (const name of r.names) for (const w of name) for (const f of w.fold) seen.add(f);
    for (const f of seen) counts[f]!++;
  }
  const out = new Float64Array(vocabSize);
  for (let k = 0; k < vocabSize; k++) out[k] = counts[k]! > 0 ? Math.log2(counts[k]! / records.length) : 0;
  return out;
}

export function tfOf(c: Comparison, tfLog2: ArrayLike<number>): number {
  if (c.nameLevel < TF_LEVEL) return 0;
  let s = 0;
  for (const w of c.nameAgreed) s += tfLog2[w] ?? 0;
  return s;
}

export type LinkOptions = { decisions?: Decision[]; thresholds?: { link: number; review: number }; version?: number; maxBlock?: number; progress?: (stage: string, done: number, total: number) => void };

/**
 * A full run: blocking, comparison of every candidate pair, EM estimation of the model,
 * scoring, and clustering into persons.
 */
export function linkAll(sources: readonly LinkSource[], opts: LinkOptions = {}): LinkageResult {
  const started = performance.now();
  const progress = opts.progress ?? (() => undefined);
  const maxBlock = opts.maxBlock ?? MAX_BLOCK;
  const vocab = new Vocabulary();
  const records = sources.map((s) => parseRecord(s, vocab));
  const tfLog2 = termFrequencies(records, vocab.words.length);
  const blocks = buildBlocks(records, vocab, maxBlock);
  const sim = new WordSimilarity(vocab);

  const pairs = new PairStore();
  const counts = new Map<number, number>();
  const nameLevels = RADIX[0]! - 1;
  const tfSum = new Float64Array(nameLevels);
  const tfN = new Float64Array(nameLevels);
  const blockCount = blocks.offsets.length - 1;
  const step = Math.max(1, Math.floor(blockCount / 100));
  for (let from = 0; from < blockCount; from += step) {
    forEachCandidate(blocks, (i, j) => {
      const c = compare(records[i]!, records[j]!, sim);
      const tf = tfOf(c, tfLog2);
      pairs.push(i, j, c.pattern, tf);
      counts.set(c.pattern, (counts.get(c.pattern) ?? 0) + 1);
      if (c.nameLevel >= TF_LEVEL) {
        tfSum[c.nameLevel]! += tf;
        tfN[c.nameLevel]!++;
      }
    }, from, Math.min(blockCount, from + step));
    progress('compare', Math.min(blockCount, from + step), blockCount);
  }

  const index = new Map<string, number>();
  records.forEach((r, k) => index.set(r.id, k));
  const decided = (opts.decisions ?? []).filter((d) => index.has(d.a) && index.has(d.b));
  const labelled: Labelled = decided.map((d) => ({ pattern: compare(records[index.get(d.a)!]!, records[index.get(d.b)!]!, sim).pattern, match: d.match }));
  const u = estimateU(randomPatterns(records, sim, Math.min(U_SAMPLE, records.length * 10)));
  const params = estimate(counts, (records.length * (records.length - 1)) / 2, trainingPatterns(records, sim), u, labelled);
  const model = toModel(params, {
    version: opts.version ?? 1, records: records.length, candidatePairs: pairs.length, labelled: labelled.length, maxBlock, droppedKeys: blocks.dropped,
    tfLog2Mean: Array.from(tfSum, (s, l) => (tfN[l] ? s / tfN[l]! : 0)),
  });
  if (opts.thresholds) model.thresholds = { ...opts.thresholds };
  progress('estimate', 1, 1);

  const scorer = new Scorer(model);
  const { links, review } = score(pairs, scorer);
  const clusters = new Clusters(records, (i, j) => contradiction(records[i]!, records[j]!, sim));
  for (const d of decided) {
    const [a, b] = [index.get(d.a)!, index.get(d.b)!];
    if (d.match) clusters.union(a, b, true);
    else clusters.cannotLink(a, b);
  }
  links.sort((x, y) => y.weight - x.weight);
  let linked = 0;
  for (const p of links) {
    if (clusters.union(p.i, p.j)) linked++;
    else review.push(p);
  }
  const labels = clusters.labels();
  const open = review.filter((p) => labels[p.i] !== labels[p.j]).sort((x, y) => y.weight - x.weight);
  let persons = 0;
  for (let k = 0; k < labels.length; k++) if (labels[k] === k) persons++;
  progress('cluster', 1, 1);
  const terms: Array<[string, number]> = [];
  const seen = new Set<number>();
  for (const r of records) for (const name of r.names) for (const w of name) for (const f of w.fold) seen.add(f);
  for (const f of seen) terms.push([vocab.words[f]!, tfLog2[f]!]);
  return {
    records, model, labels, review: open, terms,
    stats: { records: records.length, candidatePairs: pairs.length, links: linked, reviewPairs: open.length, persons, seconds: (performance.now() - started) / 1000 },
  };
}

/**
 * Two records that are not to be joined without a person's word, whatever else agrees:
 * names that share no given name (siblings share a family name, parents, phone and place,
 * and would otherwise look like one child), or parents and phone that all disagree.
 * Such a pair goes to review instead of linking, and no link through a third joins them.
 */
function contradiction(a: LinkRecord, b: LinkRecord, sim: WordSimilarity): string | null {
  const names = compareNames(a, b, sim).level;
  if (names === 0 || (names === 1 && !givenNameAgrees(a, b, sim))) return 'names';
  if (compareFamily(a, b, sim) === 0) return 'family';
  return null;
}

/** Pattern counts of pairs drawn at random (a fixed seed, so a run can be repeated). */
function randomPatterns(records: readonly LinkRecord[], sim: WordSimilarity, n: number): Map<number, number> {
  const rnd = seededRandom(20_260_101);
  const counts = new Map<number, number>();
  if (records.length < 2) return counts;
  for (let k = 0; k < n; k++) {
    const i = rnd.int(0, records.length - 1);
    const j = rnd.int(0, records.length - 1);
    if (i === j) continue;
    const p = compare(records[i]!, records[j]!, sim).pattern;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/** Training pairs per session, at most this many each (sampled evenly across groups). */
const TRAINING_PAIRS = 200_000;

/**
 * The training sessions' pattern counts: pairs of records with one exact birth date, and
 * pairs with the same name words (first name of each record, words in any order).
 */
function trainingPatterns(records: readonly LinkRecord[], sim: WordSimilarity): Map<number, number>[] {
  const byDob = new Map<number, number[]>();
  const byName = new Map<string, number[]>();
  records.forEach((r, k) => {
    if (r.dobExact && !Number.isNaN(r.dob)) byDob.set(r.dob, [...(byDob.get(r.dob) ?? []), k]);
    const first = r.names[0];
    if (first && first.length >= 2) {
      const key = first.map((w) => w.fold[0]!).sort((a, b) => a - b).join(' ');
      byName.set(key, [...(byName.get(key) ?? []), k]);
    }
  });
  return [byDob, byName].map((groups) => {
    const counts = new Map<number, number>();
    let total = 0;
    for (const g of groups.values()) total += (g.length * (g.length - 1)) / 2;
    const keep = Math.min(1, TRAINING_PAIRS / Math.max(1, total));
    const rnd = seededRandom(7);
    for (const g of groups.values()) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          if (keep < 1 && rnd.next() >= keep) continue;
          const p = compare(records[g[x]!]!, records[g[y]!]!, sim).pattern;
          counts.set(p, (counts.get(p) ?? 0) + 1);
        }
      }
    }
    return counts;
  });
}

function score(pairs: PairStore, scorer: Scorer): { links: ScoredPair[]; review: ScoredPair[] } {
  const radix = RADIX.reduce((a, b) => a * b, 1);
  const base = new Float64Array(radix).fill(NaN);
  const nameLevelOf = new Int8Array(radix);
  const links: ScoredPair[] = [];
  const review: ScoredPair[] = [];
  const linkWeight = Math.log2(scorer.thresholds.link / (1 - scorer.thresholds.link));
  const reviewWeight = Math.log2(scorer.thresholds.review / (1 - scorer.thresholds.review));
  for (let k = 0; k < pairs.length; k++) {
    const pattern = pairs.pattern[k]!;
    if (Number.isNaN(base[pattern]!)) {
      const levels = levelsOf(pattern);
      base[pattern] = scorer.weight(levels, 0) - scorer.tfAdjustment(levels[0]!, 0);
      nameLevelOf[pattern] = levels[0]!;
    }
    const tf = pairs.tf[k]!;
    const weight = base[pattern]! + scorer.tfAdjustment(nameLevelOf[pattern]!, tf);
    if (weight < reviewWeight) continue;
    const p: ScoredPair = { i: pairs.i[k]!, j: pairs.j[k]!, weight, probability: Scorer.probability(weight), pattern, tfLog2: tf };
    (weight >= linkWeight ? links : review).push(p);
  }
  return { links, review };
}

/** One new record against candidate records (found through their blocking keys): best first. */
export function matchOne(source: LinkSource, candidates: readonly LinkSource[], model: LinkageModel, tfLog2OfWord: (word: string) => number | undefined): Array<{ id: string; weight: number; probability: number; band: 'link' | 'review' | 'none'; levels: number[]; partials: number[] }> {
  const vocab = new Vocabulary();
  const scorer = new Scorer(model);
  const sim = new WordSimilarity(vocab);
  const me = parseRecord(source, vocab);
  const others = candidates.map((c) => parseRecord(c, vocab));
  const tf = vocab.words.map((w) => tfLog2OfWord(w) ?? Math.log2(1 / Math.max(1, model.ncpp.records)));
  return others.map((o) => {
    const c = compare(me, o, sim);
    const t = tfOf(c, tf);
    const weight = scorer.weight(c.levels, t);
    const probability = Scorer.probability(weight);
    return { id: o.id, weight, probability, band: scorer.band(probability), levels: c.levels, partials: scorer.partials(c.levels, t) };
  }).sort((a, b) => b.weight - a.weight);
}

