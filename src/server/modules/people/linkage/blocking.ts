import type { LinkRecord, Vocabulary } from './records.js';

/**
 * Blocking: only records that share a key are compared. Each key is narrow enough that its
 * block stays small at national scale (a million records), and together they keep the true
 * matches:
 *   -  a name word, the upazila and the birth year (an estimated year also gives the years
 *      either side: a stated age is often a year off),
 *   -  two name words together, the district and the birth year (a child registered in another
 *      upazila: an institution's, a school's),
 *   -  two name words together and the birth year, anywhere (a child registered in another
 *      district; a smaller block: common names make large ones),
 *   -  a name word and the union (a birth date missing or far off),
 *   -  the phone number,
 *   -  a name word and the exact birth date (a child registered far from home under one name).
 * A key shared by more than `maxBlock` records ("Akter" born in 2012 in one upazila) is
 * dropped: those records still meet through their rarer keys. A pair sharing several keys is
 * compared once, in the block of the first key the two share.
 */
export const BLOCKING_RULES = [
  'a name word, the upazila and the birth year (an estimated year also the years either side)',
  'two name words, the district and the birth year (an estimated year also the years either side)',
  'two name words and the birth year, anywhere (an estimated year also the years either side)',
  'a name word and the union',
  'the phone number',
  'a name word and the exact birth date',
] as const;

export type Blocks = {
  /** For each active block, its records (indices into the records array): members[offsets[k]..offsets[k+1]). */
  offsets: Int32Array;
  members: Int32Array;
  /** Each record's active blocks, ascending: keys[keyOffsets[i]..keyOffsets[i+1]). */
  keyOffsets: Int32Array;
  keys: Int32Array;
  /** Keys shared by more than maxBlock records, left out (a new record skips them too). */
  dropped: string[];
};

/**
 * The blocking keys of one record as text (the same strings the database keeps in
 * `persons.link_keys`, so one new record finds its candidates through an index):
 * `word@upazila~year`, `word+word@district~year`, `word+word~year`, `word@union`, `#phone`, `word=date`.
 */
export function keysOf(r: LinkRecord, vocab: Vocabulary): string[] {
  const out = new Set<string>();
  const year = Number.isNaN(r.dob) ? null : new Date(r.dob * 86_400_000).getUTCFullYear();
  const years = year === null ? [] : r.dobExact ? [year] : [year - 1, year, year + 1];
  for (const name of r.names) {
    const words = name.map((w) => w.fold.map((f) => vocab.words[f]!));
    for (let a = 0; a < words.length; a++) {
      for (const w of words[a]!) {
        if (r.upazila) for (const y of years) out.add(`${w}@${r.upazila}~${y}`);
        if (r.union) out.add(`${w}@${r.union}`);
        if (r.dobExact) out.add(`${w}=${r.dob}`);
        for (let b = a + 1; b < words.length; b++) {
          for (const v of words[b]!) {
            const pair = w < v ? `${w}+${v}` : `${v}+${w}`;
            for (const y of years) {
              out.add(`${pair}~${y}`);
              if (r.district) out.add(`${pair}@${r.district}~${y}`);
            }
          }
        }
      }
    }
  }
  if (r.phone) out.add(`#${r.phone}`);
  return [...out];
}

/**
 * How many records a key's block may hold before it is dropped: `maxBlock`, less for the keys
 * that span the whole country (two name words anywhere) and for phones (a number shared by
 * dozens of records is an office's or a placeholder, not a family's).
 */
export function capOf(key: string, maxBlock: number): number {
  if (key.startsWith('#')) return Math.ceil(maxBlock / 5);
  if (key.includes('+') && !key.includes('@')) return Math.ceil(maxBlock / 3);
  return maxBlock;
}

export function buildBlocks(records: readonly LinkRecord[], vocab: Vocabulary, maxBlock: number): Blocks {
  const blockOf = new Map<string, number>();
  const sizes: number[] = [];
  const caps: number[] = [];
  const recordKeys: Int32Array[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const ks = keysOf(records[i]!, vocab);
    const ids = new Int32Array(ks.length);
    for (let k = 0; k < ks.length; k++) {
      let b = blockOf.get(ks[k]!);
      if (b === undefined) {
        b = sizes.length;
        blockOf.set(ks[k]!, b);
        sizes.push(0);
        caps.push(capOf(ks[k]!, maxBlock));
      }
      sizes[b]!++;
      ids[k] = b;
    }
    recordKeys[i] = ids;
  }
  // Active blocks renumbered 0..n-1 in order of first appearance.
  const active = new Int32Array(sizes.length).fill(-1);
  let n = 0;
  const big = new Set<number>();
  for (let b = 0; b < sizes.length; b++) {
    if (sizes[b]! >= 2 && sizes[b]! <= caps[b]!) active[b] = n++;
    else if (sizes[b]! > caps[b]!) big.add(b);
  }
  const dropped: string[] = [];
  if (big.size) for (const [key, b] of blockOf) if (big.has(b)) dropped.push(key);
  const offsets = new Int32Array(n + 1);
  const keyOffsets = new Int32Array(records.length + 1);
  let totalKeys = 0;
  for (let i = 0; i < records.length; i++) {
    for (const b of recordKeys[i]!) if (active[b]! >= 0) {
      offsets[active[b]! + 1]!++;
      totalKeys++;
    }
    keyOffsets[i + 1] = totalKeys;
  }
  for (let k = 0; k < n; k++) offsets[k + 1]! += offsets[k]!;
  const members = new Int32Array(totalKeys);
  const fill = offsets.slice(0, n);
  const keys = new Int32Array(totalKeys);
  for (let i = 0; i < records.length; i++) {
    let at = keyOffsets[i]!;
    const mine: number[] = [];
    for (const b of recordKeys[i]!) if (active[b]! >= 0) mine.push(active[b]!);
    mine.sort((x, y) => x - y);
    for (const k of mine) {
      keys[at++] = k;
      members[fill[k]!++] = i;
    }
  }
  return { offsets, members, keyOffsets, keys, dropped };
}

/** The first block two records share (their key lists are ascending). */
function firstShared(bl: Blocks, i: number, j: number): number {
  let x = bl.keyOffsets[i]!;
  let y = bl.keyOffsets[j]!;
  const xe = bl.keyOffsets[i + 1]!;
  const ye = bl.keyOffsets[j + 1]!;
  while (x < xe && y < ye) {
    const a = bl.keys[x]!;
    const b = bl.keys[y]!;
    if (a === b) return a;
    if (a < b) x++;
    else y++;
  }
  return -1;
}

/** Calls `pair(i, j)` (i < j) once for every pair of records that share an active block; answers how many. */
export function forEachCandidate(bl: Blocks, pair: (i: number, j: number) => void, blockFrom = 0, blockTo = bl.offsets.length - 1): number {
  let count = 0;
  for (let k = blockFrom; k < blockTo; k++) {
    const start = bl.offsets[k]!;
    const end = bl.offsets[k + 1]!;
    for (let x = start; x < end; x++) {
      const i = bl.members[x]!;
      for (let y = x + 1; y < end; y++) {
        const j = bl.members[y]!;
        if (firstShared(bl, i, j) !== k) continue;
        if (i < j) pair(i, j);
        else pair(j, i);
        count++;
      }
    }
  }
  return count;
}
