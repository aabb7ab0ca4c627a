import { foldVowels } from '../../../../shared/phonetic.js';

/**
 * A person record as the linkage engine holds it: every string interned to a number once, so
 * comparing millions of pairs compares integers. A word keeps its spellings (`fine`: consonants
 * folded, vowels kept) and their vowel-folded forms (`fold`).
 */
/** `key`: the word's own number (one object per distinct spelling in a run), for memoised comparisons. */
export type LinkWord = { key: number; fine: number[]; fold: number[] };
export type LinkRecord = {
  /** persons.id */
  id: string;
  /** Each name the record carries (aliases, scripts), as its words. */
  names: LinkWord[][];
  /** Days since 1970-01-01, or NaN when unknown. */
  dob: number;
  dobExact: boolean;
  /** 0 unknown, 1 female, 2 male. */
  sex: 0 | 1 | 2;
  union: string | null;
  upazila: string | null;
  district: string | null;
  father: LinkWord[] | null;
  mother: LinkWord[] | null;
  /** The ten digits after the country prefix, or null. */
  phone: string | null;
};

/** What the database (or a form) gives for one record; names in `linkName` form, several joined by ` | `. */
export type LinkSource = {
  id: string; linkName: string; dob: string | null; dobEstimated: boolean; sex: string | null;
  union: string | null; upazila: string | null; district: string | null;
  linkFather: string | null; linkMother: string | null; phone: string | null;
};

/** Interned strings: the same spelling anywhere in the run is one number. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Each distinct written word once (names repeat a great deal: "akter" is one object). */
  readonly linkWords = new Map<string, LinkWord>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(s, id);
      this.words.push(s);
    }
    return id;
  }
}

const DAY = 86_400_000;
export const daysOf = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY);

/** A phone number's national digits (Bangla digits read, +880 / 880 / 0 dropped); null when too short to mean anything. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/[০-৯]/g, (c) => String('০১২৩৪৫৬৭৮৯'.indexOf(c))).replace(/\D/g, '');
  const national = d.replace(/^(?:00)?880/, '').replace(/^0+/, '');
  return national.length >= 7 ? national : null;
}

export function parseWords(text: string, vocab: Vocabulary): LinkWord[] {
  const out: LinkWord[] = [];
  for (const w of text.split(' ')) {
    if (!w) continue;
    let word = vocab.linkWords.get(w);
    if (!word) {
      const spellings = w.split('/');
      const fine = spellings.map((s) => vocab.id(s));
      const fold = [...new Set(spellings.map((s) => vocab.id(foldVowels(s))))];
      word = { key: vocab.linkWords.size, fine, fold };
      vocab.linkWords.set(w, word);
    }
    out.push(word);
  }
  return out;
}

export function parseRecord(s: LinkSource, vocab: Vocabulary): LinkRecord {
  const names = [...new Set(s.linkName.split(' | '))].map((n) => parseWords(n, vocab)).filter((n) => n.length > 0);
  const parent = (t: string | null) => {
    const words = t ? parseWords(t, vocab) : [];
    return words.length ? words : null;
  };
  return {
    id: s.id,
    names,
    dob: s.dob ? daysOf(s.dob) : NaN,
    dobExact: !!s.dob && !s.dobEstimated,
    sex: s.sex === 'female' ? 1 : s.sex === 'male' ? 2 : 0,
    union: s.union || null,
    upazila: s.upazila || null,
    district: s.district || null,
    father: parent(s.linkFather),
    mother: parent(s.linkMother),
    phone: phoneDigits(s.phone),
  };
}
