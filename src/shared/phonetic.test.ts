import { describe, expect, it } from 'vitest';
import { nameKey, foldedKey, foldVowels, linkName, transliterateBangla } from './phonetic.js';
import { NAME_PAIRS } from '../server/testing/name-pairs.js';

// Real-world spellings of the same name: each pair must share one skeleton key.
const SAME: Array<[string, string]> = [
  ['মোহাম্মদ রফিক', 'Mohammad Rafiq'],
  ['মোহাম্মদ রফিক', 'Md Rafik'],
  ['মোহাম্মদ রফিক', 'Muhammad Rofiq'],
  ['মোঃ রফিক', 'Mohammad Rafiq'],
  ['আক্তার', 'Akter'],
  ['আক্তার', 'Akhter'],
  ['আক্তার', 'Aktar'],
  ['বেগম', 'Begum'],
  ['বেগম', 'Begom'],
  ['খাতুন', 'Khatun'],
  ['খাতুন', 'Khatoon'],
  ['চৌধুরী', 'Chowdhury'],
  ['চৌধুরী', 'Chaudhuri'],
  ['রহমান', 'Rahman'],
  ['সুলতানা', 'Sultana'],
  ['কুড়িগ্রাম', 'Kurigram'],
  ['উলিপুর', 'Ulipur'],
  ['ইয়াসমিন', 'Yasmin'],
  ['মোছাঃ ফাতেমা', 'Mst Fatema'],
  ['শেখ হাসান', 'Sheikh Hasan'],
  ['নাসরিন', 'Nasreen'],
  ['হোসেন', 'Hossain'],
];

describe('phonetic name keys', () => {
  it.each(SAME)('%s and %s share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each(NAME_PAIRS)('real-world pair %s / %s shares a key', (bn, latin) => {
    expect(nameKey(latin)).toBe(nameKey(bn));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Rafiq')).not.toBe(nameKey('Shafiq'));
    expect(nameKey('Karim')).not.toBe(nameKey('Rahim'));
  });

  it('applies the inherent vowel only between consonants', () => {
    expect(transliterateBangla('রহমান')).toBe('rohoman');
    expect(transliterateBangla('আক্তার')).toBe('aktar');
  });

  it('folds vowels for ranking', () => {
    expect(foldedKey('Muhammad Rofiq')).toBe(foldedKey('মোহাম্মদ রফিক'));
  });
});

describe('linkName (the words record linkage compares)', () => {
  const folded = (text: string) => linkName(text).split(' ').map((w) => w.split('/').map(foldVowels));
  it('drops the Md / Mst prefixes in either script', () => {
    expect(linkName('মোছাঃ সুমি আক্তার')).not.toMatch(/ms|mo/);
    expect(linkName('Mst. Sumi Akter')).toBe('sumi akter');
    expect(linkName('Md Rafiqul Islam')).toBe('rafikul islam');
  });
  it('gives a Bangla name and its Latin spellings the same vowel-folded words', () => {
    for (const [bn, en] of NAME_PAIRS) {
      const a = folded(bn);
      const b = folded(en);
      // Every Latin word meets one spelling of the Bangla word in the same place.
      const shared = b.filter((spellings, i) => spellings.some((s) => a[i]?.includes(s)));
      expect(shared.length, `${bn} / ${en}`).toBeGreaterThanOrEqual(b.length - 1);
    }
  });
  it('keeps a Bangla word with and without its inherent vowels', () => {
    expect(linkName('ইসলাম')).toBe('isolam/islam');
  });
});
