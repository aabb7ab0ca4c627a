import { daysOf } from '../modules/people/linkage/records.js';
import { seededRandom } from './random.js';
import { FAMILY_FEMALE, FAMILY_MALE, GIVEN_FEMALE, GIVEN_MALE, PREFIX_FEMALE, PREFIX_MALE, PREFIX_SPELLINGS, type NamePair } from './linkage-names.js';

/**
 * A labelled synthetic population for record linkage: households of children, each child
 * written into one or more sources (case registration, helpline, institution register, NGO
 * list, grant enrolment) with the noise each source really has: Bangla or Latin script,
 * spelling variants, dropped prefixes and family names, typos, stated ages a year off,
 * missing fields, an institution's own address instead of the child's. Siblings share
 * parents, phone and place; namesakes of the same age live in the same district. Every
 * record carries its child (`entity`): the truth `ncpp link evaluate` scores against.
 */
export type SyntheticRecord = {
  source: string; sourceId: string; entity: string;
  /** One or more names (`|` joins them in the CSV). */
  names: string[];
  sex: 'female' | 'male' | 'unknown';
  birthDate: string | null;
  ageYears: number | null; asOf: string | null;
  fatherName: string | null; motherName: string | null; phone: string | null;
  unionCode: string | null; upazilaCode: string | null;
};
export type SyntheticPlace = { union: string; upazila: string; district: string };

type Rnd = ReturnType<typeof seededRandom>;
type Person = { given: NamePair; second: NamePair | null; family: NamePair | null; sex: 'female' | 'male' };
type Child = Person & { id: string; dob: string; household: Household };
type Household = { father: Person; mother: Person; phone: string | null; place: SyntheticPlace };

const SOURCES = {
  case: { share: 0.3, bangla: 0.7, both: 0.3, exactDob: 0.5, father: 0.8, mother: 0.7, phone: 0.7, union: 0.9, dropFamily: 0.05, away: 0 },
  helpline: { share: 0.25, bangla: 0.5, both: 0, exactDob: 0, father: 0.3, mother: 0.2, phone: 0.7, union: 0.6, dropFamily: 0.15, away: 0.1 },
  institution: { share: 0.15, bangla: 0.4, both: 0.2, exactDob: 0.6, father: 0.7, mother: 0.5, phone: 0.3, union: 0.8, dropFamily: 0.1, away: 0.7 },
  ngo_list: { share: 0.2, bangla: 0.3, both: 0, exactDob: 0.2, father: 0.6, mother: 0.4, phone: 0.5, union: 0.8, dropFamily: 0.15, away: 0 },
  grant: { share: 0.1, bangla: 0.8, both: 0.3, exactDob: 0.9, father: 0.9, mother: 0.9, phone: 0.8, union: 0.9, dropFamily: 0.02, away: 0.5 },
} as const;
export type SyntheticSource = keyof typeof SOURCES;

/** Draws from a list ordered common-first with a power law (a few names are very common). */
function zipf<T>(rnd: Rnd, items: readonly T[], s = 0.5): T {
  const u = rnd.next();
  const i = Math.floor(items.length * u ** (1 + s));
  return items[Math.min(items.length - 1, i)]!;
}

/** Other ways families write a Latin name: vowel and consonant swaps seen on real documents. */
const VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/a(?=[^aeiou]*$)/, 'o'], [/o/, 'a'], [/i$/, 'y'], [/i/, 'ee'], [/u/, 'oo'], [/sh/, 's'], [/(?<=[^s]|^)s(?!h)/, 'sh'], [/z/, 'j'], [/j/, 'z'],
  [/q/, 'k'], [/k(?!h)/, 'kh'], [/f/, 'ph'], [/([bdlmnprst])(?=[aeiou])/, '$1$1'], [/ah?$/, 'ah'], [/v/, 'bh'], [/w/, 'o'], [/e/, 'a'],
];

function variant(rnd: Rnd, latin: string): string {
  let w = latin.toLowerCase();
  const tries = rnd.int(1, 2);
  for (let t = 0; t < tries; t++) {
    const [re, to] = rnd.pick(VARIANTS);
    w = w.replace(re, to);
  }
  return w[0]!.toUpperCase() + w.slice(1);
}

const LETTERS = 'abdeghiklmnoprstu';
/** One keyboard slip: a letter replaced, dropped, doubled or two swapped (never the first). */
function typo(rnd: Rnd, word: string): string {
  if (word.length < 4) return word;
  const i = rnd.int(1, word.length - 2);
  switch (rnd.int(0, 3)) {
    case 0: return word.slice(0, i) + rnd.pick([...LETTERS]) + word.slice(i + 1);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + word[i] + word.slice(i);
    default: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

/** Long and short vowel signs written for each other, as handwritten registers do. */
function banglaVariant(rnd: Rnd, word: string): string {
  if (rnd.next() > 0.2) return word;
  return word.replace(/[িীুূ]/, (c) => ({ 'ি': 'ী', 'ী': 'ি', 'ু': 'ূ', 'ূ': 'ু' })[c]!);
}

function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function ageOn(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** A person's name as one source wrote it. */
function writeName(rnd: Rnd, p: Person, bangla: boolean, dropFamily: number): string {
  const prefix = rnd.next() < 0.35 ? (p.sex === 'female' ? PREFIX_FEMALE : PREFIX_MALE) : null;
  const parts: NamePair[] = [p.given];
  if (p.second && rnd.next() >= 0.2) parts.push(p.second);
  if (p.family && rnd.next() >= dropFamily) parts.push(p.family);
  if (parts.length >= 2 && rnd.next() < 0.03) parts.reverse();
  if (bangla) return [prefix?.[0], ...parts.map((x) => banglaVariant(rnd, x[0]))].filter(Boolean).join(' ');
  const latin = parts.map((x) => {
    let w = rnd.next() < 0.5 ? variant(rnd, x[1]) : x[1];
    if (rnd.next() < 0.05) w = typo(rnd, w);
    return w;
  });
  return [prefix ? rnd.pick(PREFIX_SPELLINGS[prefix[1]]!) : null, ...latin].filter(Boolean).join(' ');
}

function writePhone(rnd: Rnd, phone: string): string {
  const forms = [`0${phone}`, `+880${phone}`, `880 ${phone.slice(0, 4)}-${phone.slice(4)}`, `০${phone.replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!)}`];
  return rnd.pick(forms);
}

export type SyntheticOptions = { records: number; seed?: number; places: readonly SyntheticPlace[]; today?: string };

/**
 * About `records` source records (a whole household's children are written, so a few more),
 * in a stable order for a given seed.
 */
export function* syntheticPeople(opts: SyntheticOptions): Generator<SyntheticRecord> {
  const rnd = seededRandom(opts.seed ?? 1098);
  const today = daysOf(opts.today ?? '2026-06-30');
  const byDistrict = new Map<string, SyntheticPlace[]>();
  for (const p of opts.places) byDistrict.set(p.district, [...(byDistrict.get(p.district) ?? []), p]);
  const sourceNames = Object.keys(SOURCES) as SyntheticSource[];
  const counters = new Map<string, number>(sourceNames.map((s) => [s, 0]));
  const recent: Child[] = [];
  let written = 0;
  let childNo = 0;
  const person = (sex: 'female' | 'male'): Person => ({
    sex,
    given: zipf(rnd, sex === 'female' ? GIVEN_FEMALE : GIVEN_MALE),
    // Many children carry two given names ("Nusrat Jahan Mim"); papers often keep only one.
    second: rnd.next() < 0.5 ? zipf(rnd, sex === 'female' ? GIVEN_FEMALE : GIVEN_MALE, 0.2) : null,
    family: zipf(rnd, sex === 'female' ? FAMILY_FEMALE : FAMILY_MALE, 0.6),
  });
  while (written < opts.records) {
    const place = rnd.pick(opts.places);
    const household: Household = {
      father: person('male'), mother: person('female'),
      phone: rnd.next() < 0.7 ? `1${rnd.int(3, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : null,
      place,
    };
    const size = rnd.next() < 0.55 ? 1 : rnd.next() < 0.6 ? 2 : rnd.int(3, 4);
    let age = rnd.int(0, 17) * 365 + rnd.int(0, 364);
    const children: Child[] = [];
    for (let k = 0; k < size && age >= 0; k++) {
      const sex = rnd.next() < 0.5 ? 'female' : 'male';
      const own = person(sex);
      // Sons often carry the father's family name; daughters mostly a name of their own.
      const family = sex === 'male' && rnd.next() < 0.6 ? household.father.family : own.family;
      children.push({ ...own, family, id: `c${++childNo}`, dob: isoDate(today - age), household });
      age -= rnd.int(550, 1500);
    }
    // A namesake: another family's child of the same name and age in the same district.
    if (recent.length && rnd.next() < 0.015) {
      const twin = rnd.pick(recent);
      const near = byDistrict.get(twin.household.place.district)!;
      const other: Household = { father: person('male'), mother: person('female'), phone: rnd.next() < 0.7 ? `17${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : null, place: rnd.pick(near) };
      children.push({ ...twin, id: `c${++childNo}`, dob: isoDate(daysOf(twin.dob) + rnd.int(-120, 120)), household: other });
    }
    for (const child of children) {
      if (recent.length < 500) recent.push(child);
      else recent[rnd.int(0, 499)] = child;
      const copies = rnd.next() < 0.45 ? 1 : rnd.next() < 0.55 ? 2 : rnd.next() < 0.7 ? 3 : 4;
      for (let c = 0; c < copies; c++) {
        const source = pickSource(rnd, sourceNames);
        const id = counters.get(source)! + 1;
        counters.set(source, id);
        written++;
        yield writeRecord(rnd, child, source, `${source.slice(0, 3).toUpperCase()}-${id}`, today, byDistrict, opts.places);
      }
    }
  }
}

function pickSource(rnd: Rnd, names: SyntheticSource[]): SyntheticSource {
  let u = rnd.next();
  for (const s of names) {
    u -= SOURCES[s].share;
    if (u < 0) return s;
  }
  return names[0]!;
}

function writeRecord(rnd: Rnd, child: Child, source: SyntheticSource, sourceId: string, today: number,
  byDistrict: Map<string, SyntheticPlace[]>, places: readonly SyntheticPlace[]): SyntheticRecord {
  const s = SOURCES[source];
  const h = child.household;
  const bangla = rnd.next() < s.bangla;
  const names = [writeName(rnd, child, bangla, s.dropFamily)];
  if (rnd.next() < s.both) names.push(writeName(rnd, child, !bangla, s.dropFamily));
  const exact = rnd.next() < s.exactDob;
  const asOf = isoDate(today - rnd.int(0, 1400));
  let ageYears: number | null = null;
  if (!exact) {
    ageYears = Math.max(0, ageOn(child.dob, asOf) + (rnd.next() < 0.3 ? rnd.pick([-1, 1]) : 0));
    if (daysOf(asOf) < daysOf(child.dob)) ageYears = 0;
  }
  // An institution (or a grant's school) writes its own address for a share of its children.
  let place = h.place;
  if (rnd.next() < s.away) {
    place = rnd.next() < 0.7 ? rnd.pick(byDistrict.get(h.place.district)!) : rnd.pick(places);
  }
  const parentName = (p: Person) => writeName(rnd, p, rnd.next() < 0.5, 0.1);
  return {
    source, sourceId, entity: child.id, names,
    sex: rnd.next() < 0.02 ? 'unknown' : child.sex,
    birthDate: exact ? (rnd.next() < 0.02 ? typoDate(rnd, child.dob) : child.dob) : null,
    ageYears: exact ? null : ageYears,
    asOf: exact ? null : asOf,
    fatherName: rnd.next() < s.father ? parentName(h.father) : null,
    motherName: rnd.next() < s.mother ? parentName(h.mother) : null,
    phone: h.phone && rnd.next() < s.phone ? writePhone(rnd, h.phone) : null,
    unionCode: rnd.next() < s.union ? place.union : null,
    upazilaCode: place.upazila,
  };
}

/** Day and month written for each other, or a day off. */
function typoDate(rnd: Rnd, iso: string): string {
  const [y, m, d] = iso.split('-');
  if (Number(d) <= 12 && rnd.next() < 0.5) return `${y}-${d}-${m}`;
  return isoDate(daysOf(iso) + rnd.pick([-1, 1]));
}

/** The record as a row of the `ncpp import people` CSV, its cells in the order of PEOPLE_COLUMNS (modules/people/import.ts). */
export function csvRow(r: SyntheticRecord): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [r.sourceId, r.names.join(' | '), r.sex, r.birthDate, r.ageYears, r.asOf, r.fatherName, r.motherName, r.phone, r.upazilaCode, r.unionCode].map(cell).join(',');
}
