import type { LinkRecord, LinkWord, Vocabulary } from './records.js';

/**
 * The comparisons of a record pair: each field gives a level (0 = disagree, higher = closer)
 * or NULL_LEVEL when one side does not have it. The level labels are the model's
 * (model.ts); the order here is the order of `pattern` digits.
 */
export const NULL_LEVEL = -1;
export const COMPARISONS = [
  { name: 'name', levels: ['different', 'one word shared', 'close spelling', 'words dropped', 'same phonetic key', 'same spelling'] },
  { name: 'birth_date', levels: ['more than 2.5 years apart', 'within 2.5 years', 'within a year', 'both exact, a typo apart', 'same date'] },
  { name: 'sex', levels: ['different', 'same'] },
  { name: 'place', levels: ['different district', 'same district', 'same upazila', 'same union'] },
  { name: 'family', levels: ['parents or phone differ', 'some agree, some differ', 'one of parents or phone agrees', 'two of parents and phone agree'] },
] as const;
export type ComparisonName = (typeof COMPARISONS)[number]['name'];
/** Levels + 1 (the null level): the radix of each digit of a pattern. */
export const RADIX = COMPARISONS.map((c) => c.levels.length + 1);

/** Jaro-Winkler similarity of two short strings (prefix scale 0.1, up to 4 letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aFlags = new Uint8Array(la);
  const bFlags = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!bFlags[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aFlags[i] = 1;
        bFlags[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!aFlags[i]) continue;
    while (!bFlags[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, la, lb) && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const meets = (x: number[], y: number[]) => {
  for (const a of x) for (const b of y) if (a === b) return true;
  return false;
};

/**
 * Word similarities, memoised per pair of words (names repeat a great deal; a run compares
 * "akter" with "aktar" millions of times and works it out once).
 */
export class WordSimilarity {
  /** Per word, its similarity to each word it met (keyed by the word object: identity hashing is cheap). */
  private readonly memo = new Map<LinkWord, Map<LinkWord, number>>();
  constructor(private readonly vocab: Vocabulary) {}
  /** 1 same spelling, 0.95 same once vowels are folded, else 0.94 x Jaro-Winkler of the folded forms. */
  of(a: LinkWord, b: LinkWord): number {
    if (a === b) return 1;
    const x = a.key < b.key ? a : b;
    const y = x === a ? b : a;
    let row = this.memo.get(x);
    if (!row) {
      row = new Map();
      this.memo.set(x, row);
    }
    let s = row.get(y);
    if (s === undefined) {
      s = this.compute(a, b);
      row.set(y, s);
    }
    return s;
  }

  private compute(a: LinkWord, b: LinkWord): number {
    if (meets(a.fine, b.fine)) return 1;
    if (meets(a.fold, b.fold)) return 0.95;
    let best = 0;
    for (const x of a.fold) {
      for (const y of b.fold) {
        const s = jaroWinkler(this.vocab.words[x]!, this.vocab.words[y]!);
        if (s > best) best = s;
      }
    }
    return 0.94 * best;
  }
}

export const AGREE = 0.95;

/**
 * Two names as sets of words, whatever their order: each word of the shorter name is paired
 * with its closest unused word of the longer one. Answers the level and the words that agree
 * (vowel-folded ids of the first name's words), for the term-frequency adjustment.
 */
export function compareWords(a: LinkWord[], b: LinkWord[], sim: WordSimilarity): { level: number; agreed: number[] } {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Uint8Array(long.length);
  let total = 0;
  let exact = 0;
  let agree = 0;
  const agreed: number[] = [];
  for (const w of short) {
    let best = -1;
    let bestAt = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const s = sim.of(w, long[j]!);
      if (s > best) {
        best = s;
        bestAt = j;
      }
    }
    if (bestAt < 0) break;
    used[bestAt] = 1;
    total += best;
    if (best === 1) exact++;
    if (best >= AGREE) {
      agree++;
      agreed.push(w.fold[0]!);
    }
  }
  const n = short.length;
  let level: number;
  if (n === 0) level = NULL_LEVEL;
  else if (agree === n && long.length === n) level = exact === n ? 5 : 4;
  else if (agree === n) level = 3;
  else if (total / n >= 0.85 && long.length - n <= 1) level = 2;
  else if (agree > 0) level = 1;
  else level = 0;
  return { level, agreed };
}

/** The best level over every pair of the two records' names (a record may carry several). */
export function compareNames(a: LinkRecord, b: LinkRecord, sim: WordSimilarity): { level: number; agreed: number[] } {
  let best: { level: number; agreed: number[] } = { level: NULL_LEVEL, agreed: [] };
  for (const x of a.names) {
    for (const y of b.names) {
      const r = compareWords(x, y, sim);
      if (r.level > best.level || (r.level === best.level && r.agreed.length > best.agreed.length)) best = r;
      if (best.level === 5) return best;
    }
  }
  return best;
}

/** True when a given name (the first word of either record's name) appears in the other's name. */
export function givenNameAgrees(a: LinkRecord, b: LinkRecord, sim: WordSimilarity): boolean {
  for (const x of a.names) for (const y of b.names) if (firstWordMeets(x, y, sim) || firstWordMeets(y, x, sim)) return true;
  return false;
}

function firstWordMeets(x: LinkWord[], y: LinkWord[], sim: WordSimilarity): boolean {
  const first = x[0];
  return !!first && y.some((w) => sim.of(first, w) >= AGREE);
}

/** Two written names of one adult: the same words, or the same first name with a second name written for the family name. */
function sameParent(x: LinkWord[], y: LinkWord[], sim: WordSimilarity): boolean {
  const level = compareWords(x, y, sim).level;
  return level >= 2 || (level === 1 && sim.of(x[0]!, y[0]!) >= AGREE);
}

/** Day and month swapped (03-04 written 04-03), or one digit of a year off: the typos of a written date. */
function dateTypo(a: number, b: number): boolean {
  const x = new Date(a * 86_400_000);
  const y = new Date(b * 86_400_000);
  if (x.getUTCFullYear() === y.getUTCFullYear() && x.getUTCMonth() === y.getUTCDate() - 1 && x.getUTCDate() - 1 === y.getUTCMonth()) return true;
  return Math.abs(a - b) <= 31;
}

export function compareDob(a: LinkRecord, b: LinkRecord): number {
  if (Number.isNaN(a.dob) || Number.isNaN(b.dob)) return NULL_LEVEL;
  const d = Math.abs(a.dob - b.dob);
  if (d === 0) return 4;
  if (a.dobExact && b.dobExact && dateTypo(a.dob, b.dob)) return 3;
  if (d <= 400) return 2;
  if (d <= 915) return 1;
  return 0;
}

export function comparePlace(a: LinkRecord, b: LinkRecord): number {
  if (!a.district || !b.district) return NULL_LEVEL;
  if (a.union && a.union === b.union) return 3;
  if (a.upazila && a.upazila === b.upazila) return 2;
  return a.district === b.district ? 1 : 0;
}

/** Parents and phone together: siblings share all three, so counting each as its own evidence would make siblings one child. */
export function compareFamily(a: LinkRecord, b: LinkRecord, sim: WordSimilarity): number {
  let agree = 0;
  let differ = 0;
  for (const [x, y] of [[a.father, b.father], [a.mother, b.mother]] as const) {
    if (!x || !y) continue;
    if (sameParent(x, y, sim)) agree++;
    else differ++;
  }
  if (a.phone && b.phone) {
    if (a.phone === b.phone) agree++;
    else differ++;
  }
  if (!agree && !differ) return NULL_LEVEL;
  if (!agree) return 0;
  if (differ) return 1;
  return agree >= 2 ? 3 : 2;
}

export type Comparison = { pattern: number; levels: number[]; nameAgreed: number[]; nameLevel: number };

/** Every comparison of a pair, and its pattern: the levels as one mixed-radix number (null = 0, level l = l + 1). */
export function compare(a: LinkRecord, b: LinkRecord, sim: WordSimilarity): Comparison {
  const name = compareNames(a, b, sim);
  const levels = [
    name.level,
    compareDob(a, b),
    a.sex && b.sex ? (a.sex === b.sex ? 1 : 0) : NULL_LEVEL,
    comparePlace(a, b),
    compareFamily(a, b, sim),
  ];
  return { pattern: patternOf(levels), levels, nameAgreed: name.agreed, nameLevel: name.level };
}

export function patternOf(levels: readonly number[]): number {
  let p = 0;
  for (let c = 0; c < levels.length; c++) p = p * RADIX[c]! + (levels[c]! + 1);
  return p;
}

export function levelsOf(pattern: number): number[] {
  const levels = new Array<number>(RADIX.length);
  for (let c = RADIX.length - 1; c >= 0; c--) {
    levels[c] = (pattern % RADIX[c]!) - 1;
    pattern = Math.floor(pattern / RADIX[c]!);
  }
  return levels;
}
