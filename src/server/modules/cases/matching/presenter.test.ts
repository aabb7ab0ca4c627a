import { describe, expect, it } from 'vitest';
import { initials, presentMatch } from './presenter.js';

const row = { id: '00000000-0000-4000-8000-000000000001', case_number: 'BD-5549-2026-000001', status: 'open', sensitive: false, mine: false, child_display: 'Sumi Akter', child_sex: 'female', child_age: 13,
  place_name: 'Ulipur', place_name_local: 'উলিপুর', reported_on: '2026-08-14', score: 1.654, by_name: true, by_phone: false, same_upazila: true, same_district: true, age_close: true };

describe('presentMatch', () => {
  it('gives who and where with the reasons it matched, the place in the reader\'s language', () => {
    expect(presentMatch(row, 'bn')).toMatchObject({ childName: 'Sumi Akter', placeName: 'উলিপুর', score: 1.65, reasons: ['name', 'upazila', 'age'] });
    expect(presentMatch({ ...row, same_upazila: false }, 'en').reasons).toEqual(['name', 'district', 'age']);
  });
  it('names the child of a sensitive case by initials, unless the reader is on the case', () => {
    expect(presentMatch({ ...row, sensitive: true }, 'en').childName).toBe('S. A.');
    expect(presentMatch({ ...row, sensitive: true, mine: true }, 'en').childName).toBe('Sumi Akter');
    expect(initials('মোছাঃ সুমি আক্তার')).toBe('ম. স. আ.');
  });
});
