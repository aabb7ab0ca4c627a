import type { LinkRecord } from './records.js';

/** Exact birth dates further apart than this are two children, not a typo. */
const EXACT_DOB_SLACK = 31;
/** One child's records never spread their birth dates (exact or estimated) wider than this. */
const DOB_SPAN = 1100;

/**
 * Clusters linked pairs into persons, strongest link first, refusing any union that would
 * put two clearly different children together through a third: two exact birth dates that
 * disagree, both sexes, birth dates spread over three years, or a pair a reviewer rejected.
 * Reviewer-accepted pairs are joined first and unconditionally.
 */
export class Clusters {
  private readonly parent: Int32Array;
  private readonly members: Array<number[] | undefined>;
  private readonly exactDobs: Array<number[] | undefined>;
  private readonly sex: Uint8Array;
  private readonly dobMin: Float64Array;
  private readonly dobMax: Float64Array;
  /** Rejected pairs, both ways round. */
  private readonly cannot = new Map<number, number[]>();

  /**
   * `contradicts(i, j)` says why two records cannot be one child (names or families that
   * disagree outright), checked for every pair across two clusters about to join.
   */
  constructor(private readonly records: readonly LinkRecord[], private readonly contradicts: (i: number, j: number) => string | null = () => null) {
    const n = records.length;
    this.parent = new Int32Array(n);
    this.members = new Array(n);
    this.exactDobs = new Array(n);
    this.sex = new Uint8Array(n);
    this.dobMin = new Float64Array(n);
    this.dobMax = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      this.parent[i] = i;
      this.sex[i] = r.sex;
      this.dobMin[i] = Number.isNaN(r.dob) ? Infinity : r.dob;
      this.dobMax[i] = Number.isNaN(r.dob) ? -Infinity : r.dob;
    }
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  private membersOf(root: number): number[] {
    return this.members[root] ?? [root];
  }

  private exactOf(root: number): number[] {
    const own = this.exactDobs[root];
    if (own) return own;
    const r = this.records[root]!;
    return r.dobExact && !Number.isNaN(r.dob) ? [r.dob] : [];
  }

  cannotLink(i: number, j: number): void {
    this.cannot.set(i, [...(this.cannot.get(i) ?? []), j]);
    this.cannot.set(j, [...(this.cannot.get(j) ?? []), i]);
  }

  /** Why the two clusters cannot be one child, or null when they can. */
  conflict(a: number, b: number): string | null {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return null;
    if (this.sex[ra] && this.sex[rb] && this.sex[ra] !== this.sex[rb]) return 'sex';
    const lo = Math.min(this.dobMin[ra]!, this.dobMin[rb]!);
    const hi = Math.max(this.dobMax[ra]!, this.dobMax[rb]!);
    if (hi - lo > DOB_SPAN) return 'birth_dates_spread';
    const ea = this.exactOf(ra);
    const eb = this.exactOf(rb);
    for (const x of ea) for (const y of eb) if (Math.abs(x - y) > EXACT_DOB_SLACK) return 'exact_birth_dates';
    if (this.cannot.size) {
      const [small, other] = this.membersOf(ra).length <= this.membersOf(rb).length ? [ra, rb] : [rb, ra];
      for (const m of this.membersOf(small)) for (const x of this.cannot.get(m) ?? []) if (this.find(x) === other) return 'rejected';
    }
    for (const x of this.membersOf(ra)) {
      for (const y of this.membersOf(rb)) {
        const why = this.contradicts(x, y);
        if (why) return why;
      }
    }
    return null;
  }

  /** Joins the two clusters; `force` skips the checks (a reviewer said they are one child). */
  union(a: number, b: number, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!force && this.conflict(ra, rb)) return false;
    const [big, small] = this.membersOf(ra).length >= this.membersOf(rb).length ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    this.members[big] = [...this.membersOf(big), ...this.membersOf(small)];
    this.members[small] = undefined;
    this.exactDobs[big] = [...new Set([...this.exactOf(big), ...this.exactOf(small)])];
    this.exactDobs[small] = undefined;
    if (!this.sex[big]) this.sex[big] = this.sex[small]!;
    this.dobMin[big] = Math.min(this.dobMin[big]!, this.dobMin[small]!);
    this.dobMax[big] = Math.max(this.dobMax[big]!, this.dobMax[small]!);
    return true;
  }

  /** Each record's cluster, as the index of its root record. */
  labels(): Int32Array {
    const out = new Int32Array(this.parent.length);
    for (let i = 0; i < out.length; i++) out[i] = this.find(i);
    return out;
  }
}
