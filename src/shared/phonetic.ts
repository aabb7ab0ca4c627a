/**
 * Script-independent phonetic keys for names in Bangla and Latin script.
 *
 * A Bangla name and its many Latin spellings ("মোহাম্মদ রফিক", "Mohammad Rafiq", "Md Rafik",
 * "Muhammad Rofiq") differ mostly in vowels, aspiration and a few letter swaps. Both scripts
 * are first mapped to a rough Latin transliteration, then folded:
 *   - aspirates lose their h (kh>k, gh>g, chh/ch>c, jh>j, th>t, dh>d, ph>f, bh>b, sh>s)
 *   - look-alike consonants merge (q>k, z>j, v>b, x>ks, ck>k, w and y act as vowels)
 *   - an h after the first letter is dropped (Rahman / রহমান / Rahaman)
 *   - ng before k or g becomes n (দীপংকর / Dipankar)
 *   - doubled letters collapse
 * The *skeleton* keeps a word's consonants only (an initial vowel becomes `a`): it is what
 * the trigram index searches. The *folded* key keeps vowels as `a` and ranks close matches.
 * Common name words with many forms (Md, Mohammad, মোঃ...) are replaced by one token first.
 */

// Independent vowels and vowel signs (kar) map to a vowel; consonants to Latin letters.
const BN_VOWELS: Record<string, string> = {
  'অ': 'o', 'আ': 'a', 'ই': 'i', 'ঈ': 'i', 'উ': 'u', 'ঊ': 'u', 'ঋ': 'ri', 'এ': 'e', 'ঐ': 'oi', 'ও': 'o', 'ঔ': 'ou',
};
const BN_KARS: Record<string, string> = {
  'া': 'a', 'ি': 'i', 'ী': 'i', 'ু': 'u', 'ূ': 'u', 'ৃ': 'ri', 'ে': 'e', 'ৈ': 'oi', 'ো': 'o', 'ৌ': 'ou',
};
const BN_CONSONANTS: Record<string, string> = {
  'ক': 'k', 'খ': 'kh', 'গ': 'g', 'ঘ': 'gh', 'ঙ': 'ng', 'চ': 'ch', 'ছ': 'chh', 'জ': 'j', 'ঝ': 'jh', 'ঞ': 'n',
  'ট': 't', 'ঠ': 'th', 'ড': 'd', 'ঢ': 'dh', 'ণ': 'n', 'ত': 't', 'থ': 'th', 'দ': 'd', 'ধ': 'dh', 'ন': 'n',
  'প': 'p', 'ফ': 'f', 'ব': 'b', 'ভ': 'bh', 'ম': 'm', 'য': 'j', 'র': 'r', 'ল': 'l', 'শ': 'sh', 'ষ': 'sh',
  'স': 's', 'হ': 'h', '\u09dc': 'r', '\u09dd': 'rh', '\u09df': 'y', 'ৎ': 't',
};
const BN_SIGNS: Record<string, string> = { 'ং': 'ng', 'ঃ': '', 'ঁ': '' };
const HASANTA = '্';
const NUKTA = '়';
const BN_DIGITS = '০১২৩৪৫৬৭৮৯';

/** Name words with many spellings, mapped to one token before keying. */
const ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/^(md|mohd|muhd|mohammad|mohammed|mohamad|mohamed|muhammad|muhammed|mohammod|mohamod|muhammod|মোঃ|মো|মোহাম্মদ|মোহাম্মাদ|মুহাম্মদ|মুহাম্মাদ|মোহামমদ|মহাম্মদ)$/, 'md'],
  [/^(mst|mosst|most|mosammat|mosammot|mossammat|musammat|মোসাঃ|মোছাঃ|মোসা|মোছা|মোসাম্মৎ|মোছাম্মৎ|মুসাম্মৎ)$/, 'mst'],
  [/^(sk|shk|sheikh|shaikh|sheik|শেখ)$/, 'sk'],
];

/** Bangla script to a rough Latin spelling, applying the inherent vowel between consonants. */
export function transliterateBangla(text: string, inherentVowel = true): string {
  // NFC leaves ড় ঢ় য় decomposed (consonant + nukta); compose them to their own letters.
  const composed = text
    .normalize('NFC')
    .replace(/\u09a1\u09bc/g, '\u09dc')
    .replace(/\u09a2\u09bc/g, '\u09dd')
    .replace(/\u09af\u09bc/g, '\u09df');
  const chars = [...composed];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    if (ch in BN_CONSONANTS) {
      out += BN_CONSONANTS[ch];
      // A consonant followed by another consonant (no vowel sign, no hasanta) carries the
      // inherent vowel; at the end of a word it is usually silent in names.
      if (inherentVowel && next !== undefined && next in BN_CONSONANTS) out += 'o';
    } else if (ch in BN_KARS) out += BN_KARS[ch];
    else if (ch in BN_VOWELS) out += BN_VOWELS[ch];
    else if (ch in BN_SIGNS) out += BN_SIGNS[ch];
    else if (ch === HASANTA || ch === NUKTA || ch === '\u200c' || ch === '\u200d') continue;
    else if (BN_DIGITS.includes(ch)) out += String(BN_DIGITS.indexOf(ch));
    else out += ch;
  }
  return out;
}

const VOWEL = /[aeiouwy]/;

function foldLatin(word: string): string {
  let w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  w = w
    .replace(/chh|ch/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/jh/g, 'j')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/bh/g, 'b')
    .replace(/sh/g, 's')
    .replace(/rh/g, 'r')
    .replace(/q/g, 'k')
    .replace(/z/g, 'j')
    .replace(/v/g, 'b')
    .replace(/x/g, 'ks')
    // Anusvara before k/g is written "n" in Latin: দীপংকর = Dipankar, বাংলা keeps its "ng".
    .replace(/ng(?=[kg])/g, 'n');
  // An h after the first letter is mostly a vowel lengthener in romanised Bangla names.
  if (w.length > 1) w = (w[0] as string) + w.slice(1).replace(/h/g, '');
  return w;
}

function aliasOf(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/[.:]/g, '');
  for (const [pattern, token] of ALIASES) if (pattern.test(lower) || pattern.test(word)) return token;
  return undefined;
}

/** Splits a name into words, whatever the script and punctuation. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s,;/()\-_"'`]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

function isBangla(word: string): boolean {
  return /[\u0980-\u09ff]/.test(word);
}

export const foldVowels = (latin: string) => latin.replace(/[aeiouwy]+/g, 'a').replace(/([^a])\1+/g, '$1');

/**
 * Per word: the skeleton, the folded key, and for Bangla the folded key without inherent
 * vowels too (Latin spellings both keep and drop them: ইসলাম = Islam, রহমান = Rahaman or Rahman).
 */
export const wordKeys = memoised(computeWordKeys);

function computeWordKeys(word: string): { skeleton: string; folded: string; foldedBare: string } {
  const alias = aliasOf(word) ?? aliasOf(word.replace(/[ঃ:.]+$/, ''));
  if (alias) return { skeleton: alias, folded: alias, foldedBare: alias };
  const bangla = isBangla(word);
  const latin = foldLatin(bangla ? transliterateBangla(word) : word);
  if (!latin) return { skeleton: '', folded: '', foldedBare: '' };
  // folded: vowel runs become one 'a', doubled consonants collapse.
  const folded = foldVowels(latin);
  const foldedBare = bangla ? foldVowels(foldLatin(transliterateBangla(word, false))) : folded;
  // skeleton: consonants only; an initial vowel is kept as 'a' so "Akter" != "Kter".
  const first = VOWEL.test(latin[0] as string) ? 'a' : '';
  const skeleton = (first + latin.replace(/[aeiouwy]/g, '')).replace(/(.)\1+/g, '$1');
  return { skeleton: skeleton || 'a', folded, foldedBare };
}

/** The skeleton key of a whole name: space-separated word skeletons (indexed with pg_trgm). */
export function nameKey(text: string): string {
  return words(text)
    .map((w) => wordKeys(w).skeleton)
    .filter(Boolean)
    .join(' ');
}

/** The folded key of a whole name (ranking). */
export function foldedKey(text: string): string {
  return words(text)
    .map((w) => wordKeys(w).folded)
    .filter(Boolean)
    .join(' ');
}

/** Folded keys of a whole name: with and, for Bangla, without inherent vowels (distinct). */
export function foldedKeys(text: string): string[] {
  const keys = words(text).map((w) => wordKeys(w));
  const full = keys.map((k) => k.folded).filter(Boolean).join(' ');
  const bare = keys.map((k) => k.foldedBare).filter(Boolean).join(' ');
  return [...new Set([full, bare].filter(Boolean))];
}

/** Name words every second person carries (Md, Mst, Sk): record linkage compares the rest. */
export const NAME_PREFIXES: ReadonlySet<string> = new Set(ALIASES.map(([, token]) => token));

/**
 * The words of a name as record linkage compares them: each word's Latin spellings with
 * consonants folded and vowels kept (one; for a Bangla word two, with and without inherent
 * vowels, joined by `/`), prefixes (Md, Mst, Sk) left out. "মোছাঃ সুমি আক্তার" and
 * "Sumi Akhter" both give `sumi aktar`/`sumi akter`, whose vowel-folded forms agree.
 */
export function linkName(text: string): string {
  return words(text).map(linkWord).filter(Boolean).join(' ');
}

const linkWord = memoised((w: string): string => {
  if (aliasOf(w) ?? aliasOf(w.replace(/[ঃ:.]+$/, ''))) return '';
  if (!isBangla(w)) return foldLatin(w);
  const full = foldLatin(transliterateBangla(w));
  const bare = foldLatin(transliterateBangla(w, false));
  return full === bare || !bare ? full : `${full}/${bare}`;
});

/**
 * A word function remembered by word: names repeat (a district's children share a few hundred
 * given and family names), and a word's keys cost tens of microseconds to work out, which a
 * 117,000-row import paid twice per word (8.8 s). Bounded: emptied when full.
 */
function memoised<T>(fn: (word: string) => T, max = 50_000): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      value = fn(word);
      known.set(word, value);
    }
    return value;
  };
}
