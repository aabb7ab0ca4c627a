import { describe, expect, it } from 'vitest';
import { GeoUnit, type CountryConfig } from '../../../shared/geo.js';
import { presentUnit } from './presenter.js';

const country = { levels: [{ level: 1, key: 'division' }, { level: 2, key: 'district' }, { level: 3, key: 'upazila' }, { level: 4, key: 'union' }] } as unknown as CountryConfig;
const row = { code: '554952', level: 3, parent_code: '5549', name_en: 'Kurigram Sadar', name_local: 'কুড়িগ্রাম সদর', kind: 'upazila', code_source: 'official' as const, flags: ['char'],
  adm1_code: '55', adm2_code: '5549', adm3_code: '554952' };

describe('geo presenter', () => {
  it('names the level as the country configuration does, with both names', () => {
    const unit = presentUnit(row, country);
    expect(GeoUnit.strict().parse(unit)).toEqual(unit);
    expect(unit).toMatchObject({ levelKey: 'upazila', name: { en: 'Kurigram Sadar', local: 'কুড়িগ্রাম সদর' } });
    expect('hasChildren' in unit).toBe(false);
    expect(presentUnit({ ...row, has_children: true }, country).hasChildren).toBe(true);
  });
});
