import type { NationalSeedStep, SeedRandom } from '../../../platform/module.js';
import type { NationalTeam } from '../../admin/national-seed.js';
import { personKeys, type NewPersonRow } from '../../people/service.js';
import * as q from '../core/queries.js';
import { initialAssessmentDue } from '../policy.js';

type Rnd = SeedRandom;

// Given names and family names as written in Bangla, with the Latin spellings families use.
const GIVEN_M: ReadonlyArray<[string, string[]]> = [
  ['রফিক', ['Rafiq', 'Rafik', 'Rofiq']], ['করিম', ['Karim', 'Korim']], ['রহিম', ['Rahim', 'Rohim']], ['জাহিদ', ['Jahid', 'Zahid']], ['শাকিল', ['Shakil', 'Sakil']],
  ['রাকিব', ['Rakib', 'Rakeeb']], ['সোহেল', ['Sohel', 'Shohel']], ['আরিফ', ['Arif', 'Arief']], ['হাবিব', ['Habib', 'Hobib']], ['মামুন', ['Mamun', 'Mamoon']],
  ['সাকিব', ['Sakib', 'Shakib']], ['রুবেল', ['Rubel', 'Rubbel']], ['সজীব', ['Sojib', 'Sajib']], ['তানভীর', ['Tanvir', 'Tanveer']], ['ইমরান', ['Imran', 'Emran']],
  ['নাঈম', ['Naim', 'Nayeem']], ['হৃদয়', ['Hridoy', 'Ridoy']], ['আলমগীর', ['Alamgir', 'Alomgir']], ['জুয়েল', ['Jewel', 'Juwel']], ['মাসুদ', ['Masud', 'Masood']],
];
const GIVEN_F: ReadonlyArray<[string, string[]]> = [
  ['সুমি', ['Sumi', 'Shumi']], ['মিম', ['Mim', 'Meem']], ['তানিয়া', ['Tania', 'Taniya']], ['নুসরাত', ['Nusrat', 'Nushrat']], ['সাদিয়া', ['Sadia', 'Sadiya']],
  ['ফাতেমা', ['Fatema', 'Fatima']], ['মরিয়ম', ['Moriom', 'Mariam']], ['শারমিন', ['Sharmin', 'Sarmin']], ['লাবণী', ['Laboni', 'Labony']], ['রুমানা', ['Rumana', 'Rumena']],
  ['জান্নাতুল', ['Jannatul', 'Zannatul']], ['তাসলিমা', ['Taslima', 'Tasleema']], ['রেহানা', ['Rehana', 'Rehena']], ['শিরিন', ['Shirin', 'Sirin']], ['আয়েশা', ['Ayesha', 'Aisha']],
  ['মৌসুমী', ['Mousumi', 'Moushumi']], ['পপি', ['Popy', 'Poppy']], ['রিয়া', ['Riya', 'Ria']], ['সুমাইয়া', ['Sumaiya', 'Sumaya']], ['খাদিজা', ['Khadija', 'Khadiza']],
];
const FAMILY_M: ReadonlyArray<[string, string[]]> = [
  ['ইসলাম', ['Islam']], ['রহমান', ['Rahman', 'Rahaman']], ['হোসেন', ['Hossain', 'Hosen', 'Hussain']], ['আহমেদ', ['Ahmed', 'Ahmad']], ['মিয়া', ['Mia', 'Miah']],
  ['উদ্দিন', ['Uddin', 'Uddeen']], ['চৌধুরী', ['Chowdhury', 'Chaudhuri']], ['সরকার', ['Sarkar', 'Sorkar']], ['দাস', ['Das']], ['শেখ', ['Sheikh', 'Sk']],
];
const FAMILY_F: ReadonlyArray<[string, string[]]> = [
  ['আক্তার', ['Akter', 'Akhter', 'Aktar']], ['খাতুন', ['Khatun', 'Khatoon']], ['বেগম', ['Begum', 'Begom']], ['ইসলাম', ['Islam']], ['সুলতানা', ['Sultana']], ['জাহান', ['Jahan']],
];
const MD: [string, string[]] = ['মোঃ', ['Md', 'Mohammad', 'Muhammad', 'Md.']];
const MST: [string, string[]] = ['মোছাঃ', ['Mst', 'Most', 'Mosammat']];

export const CONCERNS = ['violence.child_marriage', 'violence.child_labour', 'violence.physical', 'violence.neglect', 'family.separation', 'education_occupation.school_dropout',
  'street.street_living', 'violence.domestic_work', 'missing.runaway', 'justice.conflict_with_law', 'violence.psychological', 'services.allowances', 'missing.trafficking', 'violence.sexual'];
const SENSITIVE = new Set(['missing.trafficking', 'violence.sexual']);
const SOURCES = ['helpline', 'outreach', 'community_committee', 'ngo', 'police', 'self', 'institution', 'court'];
const STEPS = ['registration', 'initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval', 'implementation', 'follow_up', 'closure'];

/** A v4-shaped UUID from the seeded generator, so the national dataset is the same every run. */
export function uuid(rnd: Rnd): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A child's names in Bangla and one of the Latin spellings families use (also used by the benchmarks). */
export function childNames(rnd: Rnd) {
  const female = rnd.next() < 0.5;
  const given = rnd.pick(female ? GIVEN_F : GIVEN_M);
  const family = rnd.pick(female ? FAMILY_F : FAMILY_M);
  const prefix = rnd.next() < 0.35 ? (female ? MST : MD) : null;
  const bn = [prefix?.[0], given[0], family[0]].filter(Boolean).join(' ');
  const en = [prefix ? rnd.pick(prefix[1]) : null, rnd.pick(given[1]), rnd.pick(family[1])].filter(Boolean).join(' ');
  return { names: [{ text: bn, kind: 'full' }, { text: en, kind: 'full' }], sex: female ? 'female' : 'male' };
}

/**
 * National scale for case management: `counts.cases` cases across every upazila of the
 * country, each with a child named in Bangla and Latin script, assigned to a caseworker of
 * that upazila's team (made by the admin module's national step, shared as `teams`). Bulk
 * inserts in batches, each batch one transaction.
 */
export const seedNationalCases: NationalSeedStep = async ({ services, rnd, shared, counts, progress }) => {
  const { db, people, geo, country } = services;
  const count = counts.cases ?? 0;
  const teams = shared.get('teams') as Map<string, NationalTeam> | undefined;
  if (!teams) throw new Error('Seed: the national case step needs the teams of the admin step');
  const upazilas = (await geo.unitsAt(3)).filter((u) => u.kind === 'upazila' && teams.has(u.code));
  const unionsByUpazila = new Map<string, string[]>();
  for (const u of await geo.unitsAt(4)) unionsByUpazila.set(u.parent_code!, [...(unionsByUpazila.get(u.parent_code!) ?? []), u.code]);
  const counters = new Map<string, number>();
  for (const c of await q.caseCounters(db)) counters.set(`${c.adm2_code}|${c.year}`, c.last);
  const prefix = country.code.toUpperCase();
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const persons: NewPersonRow[] = [];
    const cases: Record<string, unknown>[] = [];
    const assignments: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const u = rnd.pick(upazilas);
      const s = teams.get(u.code)!;
      const worker = rnd.pick(s.workers);
      const unions = unionsByUpazila.get(u.code);
      const geoCode = unions?.length ? rnd.pick(unions) : u.code;
      const { names, sex } = childNames(rnd);
      const keys = personKeys(names);
      const registered = new Date(Date.UTC(2021 + rnd.int(0, 5), rnd.int(0, 11), rnd.int(1, 28), rnd.int(0, 23)));
      const reg = registered.getTime() > Date.now() ? new Date(Date.now() - rnd.int(1, 300) * 86400_000) : registered;
      const year = reg.getUTCFullYear();
      const key = `${u.adm2_code}|${year}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      const personId = uuid(rnd);
      const caseId = uuid(rnd);
      const concern = rnd.pick(CONCERNS);
      const risk = rnd.pick(['high', 'medium', 'medium', 'low', 'low']);
      const step = rnd.pick(STEPS);
      const dob = new Date(reg.getTime() - rnd.int(3, 17) * 365.25 * 86400_000 - rnd.int(0, 364) * 86400_000).toISOString().slice(0, 10);
      persons.push({ id: personId, names, display_name: names[0]!.text, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: dob, dob_estimated: rnd.next() < 0.4,
        geo_code: geoCode, adm1_code: u.adm1_code, adm2_code: u.adm2_code, adm3_code: u.code });
      cases.push({ id: caseId, case_number: `${prefix}-${u.adm2_code}-${year}-${String(seq).padStart(6, '0')}`, child_id: personId, status: step === 'closure' && rnd.next() < 0.7 ? 'closed' : 'open', step,
        risk_level: risk, concerns: [concern], source: rnd.pick(SOURCES), sensitive: SENSITIVE.has(concern), reported_on: reg.toISOString().slice(0, 10), registered_at: reg.toISOString(),
        initial_assessment_due: initialAssessmentDue(risk as 'high' | 'medium' | 'low', reg).toISOString(), organisation_id: s.org, caseworker_id: worker, supervisor_id: s.supervisor,
        geo_code: geoCode, adm1_code: u.adm1_code, adm2_code: u.adm2_code, adm3_code: u.code, created_by: worker, child_name_key: keys.nameKey, child_name_folded: keys.nameFolded });
      assignments.push({ case_id: caseId, user_id: worker, role: 'caseworker' }, { case_id: caseId, user_id: s.supervisor, role: 'supervisor' });
    }
    await db.tx(async (tx) => {
      await people.insertMany(tx, persons);
      await q.insertCasesBulk(tx, cases, assignments);
    });
    progress('national cases', Math.min(count, start + batch), count);
  }
  await db.tx((tx) => q.raiseCounters(tx, counters));
  await people.analyze(db);
  await q.analyzeCases(db);
  return { cases: count };
};
