import { translate } from '../../../../shared/i18n/index.js';
import { HELPLINE_URGENCIES } from '../../../../shared/helpline.js';
import type { IntakeForm } from '../../../../shared/helpline.js';

/** One spelling a file may use and what it stands for; code '' marks a spelling that names more than one thing. */
export type Lookup = { kind: 'channel' | 'call_type' | 'urgency' | 'category' | 'sex' | 'upazila' | 'union' | 'time_mask'; key: string; code: string; n?: number; adm1?: string | null; adm2?: string | null; adm3?: string | null };
export type PlaceUnit = { code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null };

/** How a value is compared: trimmed and lower case, as the SQL folds it (`lower(btrim(v))`). */
export const fold = (text: string) => text.trim().toLowerCase();

/** Bangla letters with a nukta that text carries either as one code point or as letter + nukta (NFC takes the second). */
const NUKTA: ReadonlyArray<[string, string]> = [['\u09DC', '\u09A1\u09BC'], ['\u09DD', '\u09A2\u09BC'], ['\u09DF', '\u09AF\u09BC']];

/**
 * Every Unicode form a file may hold a spelling in (NFC, NFD, and with the nukta letters
 * precomposed, as many Bangla keyboards type them): each is a key, so SQL compares plain text.
 */
export function unicodeForms(text: string): string[] {
  const nfc = text.normalize('NFC');
  const precomposed = NUKTA.reduce((t, [one, two]) => t.split(two).join(one), nfc);
  return [...new Set([nfc, text.normalize('NFD'), precomposed, text])];
}

const SEXES: Record<string, string> = {
  f: 'female', female: 'female', girl: 'female', 'মেয়ে': 'female', 'মহিলা': 'female', 'নারী': 'female',
  m: 'male', male: 'male', boy: 'male', 'ছেলে': 'male', 'পুরুষ': 'male',
  other: 'other', 'অন্যান্য': 'other', unknown: 'unknown', u: 'unknown', 'অজানা': 'unknown',
};

/**
 * Every spelling a historical file may use for the coded columns: the code itself, its English
 * and Bangla labels; a category also as "Category > Subcategory", and a top-level category alone
 * as its "other" subcategory. A label two things share ("Other") is marked ambiguous rather than
 * guessed. Upazilas and unions by their codes, with the area they lie in.
 */
export function buildLookups(form: Pick<IntakeForm, 'channels' | 'callTypes' | 'categories'>, upazilas: readonly PlaceUnit[], unions: readonly PlaceUnit[]): Lookup[] {
  const out = new Map<string, Lookup>();
  const exact = new Set<string>();
  const add = (kind: Lookup['kind'], spelling: string, code: string, place?: PlaceUnit, isCode = false) => {
    // Place codes are matched as written (with Bangla digits made ASCII, in SQL).
    if (kind === 'upazila' || kind === 'union') return addKey(kind, spelling, code, place, isCode);
    for (const form of unicodeForms(fold(spelling))) addKey(kind, form, code, place, isCode);
  };
  const addKey = (kind: Lookup['kind'], key: string, code: string, place: PlaceUnit | undefined, isCode: boolean) => {
    if (!key) return;
    const id = `${kind}|${key}`;
    if (exact.has(id)) return;
    if (isCode) exact.add(id);
    const seen = out.get(id);
    if (seen && seen.code !== code) seen.code = '';
    else if (!seen) out.set(id, { kind, key, code, ...(place ? { adm1: place.adm1_code, adm2: place.adm2_code, adm3: place.adm3_code } : {}) });
  };
  const labels = (path: string) => ['en', 'bn'].map((lang) => translate(lang as 'en' | 'bn', path)).filter((l) => l !== path);
  for (const c of form.channels) { add('channel', c, c, undefined, true); for (const s of labels(`web.helpline.channels.${c}`)) add('channel', s, c); }
  for (const c of form.callTypes) { add('call_type', c, c, undefined, true); for (const s of labels(`web.helpline.callTypes.${c}`)) add('call_type', s, c); }
  for (const u of HELPLINE_URGENCIES) { add('urgency', u, u, undefined, true); for (const s of labels(`web.helpline.urgencies.${u}`)) add('urgency', s, u); }
  for (const [s, code] of Object.entries(SEXES)) add('sex', s, code);
  // Exact codes first, so a label can never take a code's place.
  for (const cat of form.categories) {
    for (const sub of cat.subcategories) add('category', sub.code, sub.code, undefined, true);
    const other = cat.subcategories.find((s) => s.code.endsWith('.other'));
    if (other) add('category', cat.code, other.code, undefined, true);
  }
  for (const cat of form.categories) {
    const other = cat.subcategories.find((s) => s.code.endsWith('.other'));
    for (const sub of cat.subcategories) {
      for (const lang of Object.keys(sub.label)) {
        add('category', sub.label[lang]!, sub.code);
        if (cat.label[lang]) add('category', `${cat.label[lang]} > ${sub.label[lang]}`, sub.code);
      }
    }
    if (other) for (const label of Object.values(cat.label)) add('category', label, other.code);
  }
  for (const u of upazilas) add('upazila', u.code, u.code, u);
  for (const u of unions) add('union', u.code, u.code, u);
  return [...out.values(), ...timeMasks()];
}

/**
 * The shapes of `received_at` the import reads, as digit masks (every digit a 9, upper case):
 * a date, optionally a time (T or a space; minutes, seconds, up to six decimals) and, after a
 * time, an offset (Z, +06, +0600, +06:00, perhaps after a space). `code` says how the time is
 * read: 'local' (the country's zone), 'utc' or 'offset' (`n`: where its sign is).
 */
export function timeMasks(): Lookup[] {
  const date = '9999-99-99';
  const times = ['T', ' '].flatMap((sep) => [`${sep}99:99`, `${sep}99:99:99`, ...[1, 2, 3, 4, 5, 6].map((k) => `${sep}99:99:99.${'9'.repeat(k)}`)]);
  const zones = ['', ' '].flatMap((gap) => ['Z', '+99', '+9999', '+99:99', '-99', '-9999', '-99:99'].map((z) => gap + z));
  const out: Lookup[] = [{ kind: 'time_mask', key: date, code: 'local' }];
  for (const t of times) {
    out.push({ kind: 'time_mask', key: date + t, code: 'local' });
    for (const z of zones) {
      const key = date + t + z;
      out.push(z.trim() === 'Z' ? { kind: 'time_mask', key, code: 'utc' } : { kind: 'time_mask', key, code: 'offset', n: key.length - z.trim().length + 1 });
    }
  }
  return out;
}
