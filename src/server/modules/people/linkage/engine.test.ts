import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkName } from '../../../../shared/phonetic.js';
import { syntheticPeople, type SyntheticPlace, type SyntheticRecord } from '../../../seed/linkage-synthetic.js';
import { estimatedDob } from '../service.js';
import { linkAll, matchOne, type LinkageResult } from './engine.js';
import { evaluatePairs } from './evaluate.js';
import type { LinkSource } from './records.js';

const units = JSON.parse(readFileSync(new URL('../../../../../data/geo/bd/units.json', import.meta.url), 'utf8')) as Array<{ code: string; level: number; parent: string }>;
const parentOf = new Map(units.map((u) => [u.code, u.parent]));
const places: SyntheticPlace[] = units.filter((u) => u.level === 4).map((u) => ({ union: u.code, upazila: u.parent, district: parentOf.get(u.parent)! }));

function source(id: string, r: Omit<SyntheticRecord, 'source' | 'sourceId' | 'entity'>): LinkSource {
  return {
    id, linkName: r.names.map(linkName).join(' | '),
    dob: r.birthDate ?? (r.ageYears !== null ? estimatedDob(r.ageYears, new Date(`${r.asOf}T00:00:00Z`)) : null),
    dobEstimated: !r.birthDate, sex: r.sex, union: r.unionCode, upazila: r.upazilaCode, district: r.upazilaCode ? parentOf.get(r.upazilaCode)! : null,
    linkFather: r.fatherName ? linkName(r.fatherName) : null, linkMother: r.motherName ? linkName(r.motherName) : null, phone: r.phone,
  };
}

const KURIGRAM_UNION = places.find((p) => p.district === '5549')!;
const blank = { sex: 'female' as const, birthDate: null, ageYears: null, asOf: null, fatherName: null, motherName: null, phone: null, unionCode: KURIGRAM_UNION.union, upazilaCode: KURIGRAM_UNION.upazila };
/** The cases the issue names, planted among a synthetic population so the model is estimated from real-looking data. */
const planted: Record<string, LinkSource> = {
  sumiBangla: source('sumi-bn', { ...blank, names: ['মোছাঃ সুমি আক্তার'], ageYears: 13, asOf: '2025-05-10', phone: '01712345678' }),
  sumiLatin: source('sumi-en', { ...blank, names: ['Sumi Akhter'], birthDate: '2012-03-04', fatherName: 'Md Rafiqul Islam', phone: '+8801712345678' }),
  sumiNgo: source('sumi-ngo', { ...blank, names: ['Sumi Aktar'], ageYears: 14, asOf: '2026-04-01', fatherName: 'মোঃ রফিকুল ইসলাম' }),
  sisterA: source('sister-a', { ...blank, names: ['Mithila Khatun'], birthDate: '2011-02-10', fatherName: 'Abdul Karim Sheikh', motherName: 'Rahima Begum', phone: '01998877665' }),
  sisterB: source('sister-b', { ...blank, names: ['Tamanna Khatun'], birthDate: '2014-09-01', fatherName: 'Abdul Karim Sheikh', motherName: 'Rahima Begum', phone: '01998877665' }),
  namesakeA: source('namesake-a', { ...blank, sex: 'male', names: ['Md Sabbir Hossain'], birthDate: '2013-06-15', fatherName: 'Jamal Hossain' }),
  namesakeB: source('namesake-b', { ...blank, sex: 'male', names: ['মোঃ সাব্বির হোসেন'], birthDate: '2013-01-20', fatherName: 'Nurul Amin Talukder' }),
};

describe('record linkage engine', () => {
  let run: LinkageResult;
  let synthetic: SyntheticRecord[];
  beforeAll(() => {
    synthetic = [...syntheticPeople({ records: 30_000, places, seed: 7 })];
    run = linkAll([...synthetic.map((r, k) => source(String(k), r)), ...Object.values(planted)]);
  }, 60_000);
  const person = (id: string) => run.labels[run.records.findIndex((r) => r.id === id)];

  it('links one child written in Bangla with a stated age and in Latin script', () => {
    expect(person('sumi-bn')).toBe(person('sumi-en'));
    expect(person('sumi-ngo')).toBe(person('sumi-en'));
  });

  it('keeps apart two sisters who share parents and phone', () => {
    expect(person('sister-a')).not.toBe(person('sister-b'));
  });

  it('keeps apart two namesakes of one age with different fathers', () => {
    expect(person('namesake-a')).not.toBe(person('namesake-b'));
  });

  it('estimates weights from the data: agreement weighs for a match, disagreement against', () => {
    for (const c of run.model.comparisons) {
      const levels = c.comparison_levels.filter((l) => !l.is_null_level);
      expect(levels[0]!.match_weight!, c.output_column_name).toBeLessThan(0);
      expect(levels.at(-1)!.match_weight!, c.output_column_name).toBeGreaterThan(0.5);
    }
    expect(run.model.probability_two_random_records_match).toBeGreaterThan(0);
    expect(run.model.probability_two_random_records_match).toBeLessThan(0.001);
  });

  it('finds most of the true pairs and few false ones', () => {
    const truth = evaluatePairs(synthetic.map((r, k) => ({ predicted: String(run.labels[k]), truth: r.entity })));
    expect(truth.precision).toBeGreaterThan(0.9);
    expect(truth.recall).toBeGreaterThan(0.7);
  });

  it('matches one new record against candidates with the saved model, best first', () => {
    const found = matchOne(planted.sumiLatin!, [planted.namesakeA!, planted.sumiBangla!, planted.sisterA!], run.model, () => undefined);
    expect(found[0]!.id).toBe('sumi-bn');
    expect(found[0]!.band).toBe('link');
    expect(found.at(-1)!.band).toBe('none');
  });

  it('saves a model document that survives JSON', () => {
    const copy = JSON.parse(JSON.stringify(run.model));
    expect(copy).toEqual(run.model);
    expect(copy.comparisons.map((c: { output_column_name: string }) => c.output_column_name)).toEqual(['name', 'birth_date', 'sex', 'place', 'family']);
  });
});
