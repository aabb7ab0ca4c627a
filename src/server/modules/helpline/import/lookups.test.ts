import { describe, expect, it } from 'vitest';
import { buildLookups, fold, timeMasks, unicodeForms } from './lookups.js';

const form = {
  channels: ['voice', 'sms'] as const,
  callTypes: ['child_self', 'silent'] as const,
  categories: [
    { code: 'violence', label: { en: 'Violence', bn: 'সহিংসতা' }, subcategories: [
      { code: 'violence.child_marriage', label: { en: 'Child marriage', bn: 'বাল্যবিবাহ' }, concern: null, priority: true },
      { code: 'violence.other', label: { en: 'Other', bn: 'অন্যান্য' }, concern: null, priority: false },
    ] },
    { code: 'street', label: { en: 'Street children', bn: 'পথশিশু' }, subcategories: [
      { code: 'street.other', label: { en: 'Other', bn: 'অন্যান্য' }, concern: null, priority: false },
    ] },
  ],
};

const find = (l: ReturnType<typeof buildLookups>, kind: string, text: string) => l.find((x) => x.kind === kind && x.key === fold(text))?.code;

describe('buildLookups', () => {
  const l = buildLookups(form as never, [{ code: '554977', adm1_code: '55', adm2_code: '5549', adm3_code: '554977' }], []);

  it('reads categories by code, by English or Bangla label, and as "Category > Subcategory"', () => {
    expect(find(l, 'category', 'violence.child_marriage')).toBe('violence.child_marriage');
    expect(find(l, 'category', '  CHILD MARRIAGE ')).toBe('violence.child_marriage');
    expect(find(l, 'category', 'বাল্যবিবাহ')).toBe('violence.child_marriage');
    expect(find(l, 'category', 'Violence > Child marriage')).toBe('violence.child_marriage');
  });

  it('takes a top-level category alone as its "other" subcategory, and marks a shared label ambiguous', () => {
    expect(find(l, 'category', 'violence')).toBe('violence.other');
    expect(find(l, 'category', 'পথশিশু')).toBe('street.other');
    expect(find(l, 'category', 'Other')).toBe('');
    expect(find(l, 'category', 'Violence > Other')).toBe('violence.other');
  });

  it('reads channels, call types and urgency by code or label in either language, and sexes in both scripts', () => {
    expect(find(l, 'channel', 'SMS')).toBe('sms');
    expect(find(l, 'channel', 'এসএমএস')).toBe('sms');
    expect(find(l, 'call_type', 'Child about self')).toBe('child_self');
    expect(find(l, 'urgency', 'Immediate danger')).toBe('immediate');
    expect(find(l, 'sex', 'মেয়ে')).toBe('female');
    expect(find(l, 'sex', 'M')).toBe('male');
  });

  it('places an upazila in its district and division', () => {
    expect(l.find((x) => x.kind === 'upazila' && x.key === '554977')).toMatchObject({ adm1: '55', adm2: '5549', adm3: '554977' });
  });
});

describe('timeMasks', () => {
  const masks = new Map(timeMasks().map((m) => [m.key, m]));
  const mask = (t: string) => masks.get(t.replace(/[0-9]/g, '9').toUpperCase());
  it('reads a date, a time with or without seconds and decimals, and an offset after a time', () => {
    expect(mask('2024-08-14')).toMatchObject({ code: 'local' });
    expect(mask('2024-08-14 10:30')).toMatchObject({ code: 'local' });
    expect(mask('2024-08-14T10:30:05.123Z')).toMatchObject({ code: 'utc' });
    expect(mask('2024-08-14t10:30z')).toMatchObject({ code: 'utc' });
    const off = mask('2024-08-14 10:30:05 +06:00')!;
    expect(off.code).toBe('offset');
    expect('2024-08-14 10:30:05 +06:00'[off.n! - 1]).toBe('+');
    expect('2024-08-14T10:30-0530'[mask('2024-08-14T10:30-0530')!.n! - 1]).toBe('-');
  });
  it('refuses other shapes: an offset after a bare date, a day first, a missing minute', () => {
    for (const t of ['2024-08-14+06', '14-08-2024', '2024-08-14 10', '2024/08/14', '2024-08-14 10:30:05.1234567']) expect(mask(t), t).toBeUndefined();
  });
});

describe('unicodeForms', () => {
  it('holds a Bangla spelling with the nukta letter precomposed and decomposed', () => {
    const forms = unicodeForms('কুড়িগ্রাম');
    expect(forms).toContain('কু\u09A1\u09BCিগ্রাম');
    expect(forms).toContain('কু\u09DCিগ্রাম');
  });
});
