import type { Database } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { personKeys } from '../people/service.js';
import { initialAssessmentDue } from './policy.js';

type Rnd = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };

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
function uuid(rnd: Rnd): string {
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

export type NationalProgress = (done: number, total: number) => void;

/**
 * National scale for case management: `count` cases across every upazila of the country, each
 * with a child named in Bangla and Latin script, assigned to a caseworker of that upazila's
 * DSS office (a team per upazila, about `users` accounts in all, is created for it). Bulk
 * inserts in batches, each batch one transaction.
 */
export async function seedNationalCases(db: Database, rnd: Rnd, count: number, passwordHash: string, progress: NationalProgress = () => undefined, users = 15_000): Promise<number> {
  const upazilas = await db.query<{ code: string; name_en: string; adm1_code: string; adm2_code: string }>(sql`
    SELECT code, name_en, adm1_code, adm2_code FROM geo_units WHERE level = 3 AND kind = 'upazila' ORDER BY code`);
  const offices = new Map((await db.query<{ adm2_code: string; id: string }>(sql`
    SELECT adm2_code, id FROM organisations WHERE type = 'dss_office' AND name_en LIKE 'District Social Services Office,%'`)).map((o) => [o.adm2_code, o.id]));
  const unionsByUpazila = new Map<string, string[]>();
  for (const u of await db.query<{ parent_code: string; code: string }>(sql`SELECT parent_code, code FROM geo_units WHERE level = 4`)) {
    unionsByUpazila.set(u.parent_code, [...(unionsByUpazila.get(u.parent_code) ?? []), u.code]);
  }
  // A team per upazila in the district's DSS office: one supervisor and enough caseworkers for
  // about `users` people nationwide (budgets.md: 15,000 workers, supervisors and officials).
  const perUpazila = Math.max(1, Math.round(users / Math.max(1, upazilas.length)) - 1);
  const staff = new Map<string, { workers: string[]; supervisor: string; org: string }>();
  const accounts: Array<{ username: string; full_name: string; organisation_id: string; role: string; scope: string }> = [];
  for (const u of upazilas) {
    const org = offices.get(u.adm2_code);
    if (!org) continue;
    const slug = u.name_en.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const name = (prefix: string) => `${prefix}.${u.code}.${slug}`.slice(0, 60);
    accounts.push({ username: name('sv'), full_name: `Supervisor, ${u.name_en}`, organisation_id: org, role: 'case_supervisor', scope: u.code });
    for (let i = 1; i <= perUpazila; i++) {
      accounts.push({ username: name(`cw${String(i).padStart(2, '0')}`), full_name: `Caseworker ${i}, ${u.name_en}`, organisation_id: org, role: 'caseworker', scope: u.code });
    }
  }
  const ids = new Map<string, string>();
  for (let start = 0; start < accounts.length; start += 2000) {
    const chunk = accounts.slice(start, start + 2000);
    await db.tx(async (tx) => {
      await tx.query(sql`INSERT INTO users (username, full_name, organisation_id, password_hash, password_changed_at, lang, is_demo)
        SELECT x.username, x.full_name, x.organisation_id, ${passwordHash}, now(), 'bn', true
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(username text, full_name text, organisation_id uuid)
        ON CONFLICT (username) DO NOTHING`);
      await tx.query(sql`INSERT INTO user_roles (user_id, role_key, scope_level, scope_code)
        SELECT u.id, x.role, 3, x.scope FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(username text, role text, scope text)
        JOIN users u ON u.username = x.username ON CONFLICT DO NOTHING`);
      for (const r of await tx.query<{ id: string; username: string }>(sql`SELECT id, username FROM users WHERE username = ANY(${chunk.map((c) => c.username)})`)) ids.set(r.username, r.id);
    });
  }
  for (const a of accounts) {
    const team = staff.get(a.scope) ?? { workers: [], supervisor: '', org: a.organisation_id };
    if (a.role === 'case_supervisor') team.supervisor = ids.get(a.username)!;
    else team.workers.push(ids.get(a.username)!);
    staff.set(a.scope, team);
  }
  const placed = upazilas.filter((u) => staff.has(u.code));
  const counters = new Map<string, number>();
  const existing = await db.query<{ adm2_code: string; year: number; last: number }>(sql`SELECT adm2_code, year, last FROM case_counters`);
  for (const c of existing) counters.set(`${c.adm2_code}|${c.year}`, c.last);
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const persons: Record<string, unknown>[] = [];
    const cases: Record<string, unknown>[] = [];
    const assignments: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const u = rnd.pick(placed);
      const s = staff.get(u.code)!;
      const worker = rnd.pick(s.workers);
      const unions = unionsByUpazila.get(u.code);
      const geo = unions?.length ? rnd.pick(unions) : u.code;
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
        geo_code: geo, adm1_code: u.adm1_code, adm2_code: u.adm2_code, adm3_code: u.code });
      cases.push({ id: caseId, case_number: `BD-${u.adm2_code}-${year}-${String(seq).padStart(6, '0')}`, child_id: personId, status: step === 'closure' && rnd.next() < 0.7 ? 'closed' : 'open', step,
        risk_level: risk, concerns: [concern], source: rnd.pick(SOURCES), sensitive: SENSITIVE.has(concern), reported_on: reg.toISOString().slice(0, 10), registered_at: reg.toISOString(),
        initial_assessment_due: initialAssessmentDue(risk as 'high' | 'medium' | 'low', reg).toISOString(), organisation_id: s.org, caseworker_id: worker, supervisor_id: s.supervisor,
        geo_code: geo, adm1_code: u.adm1_code, adm2_code: u.adm2_code, adm3_code: u.code, created_by: worker, child_name_key: keys.nameKey, child_name_folded: keys.nameFolded });
      assignments.push({ case_id: caseId, user_id: worker, role: 'caseworker' }, { case_id: caseId, user_id: s.supervisor, role: 'supervisor' });
    }
    await db.tx(async (tx) => {
      await tx.query(sql`INSERT INTO persons (id, names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, geo_code, adm1_code, adm2_code, adm3_code)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(persons)}::jsonb) AS x(id uuid, names jsonb, display_name text, name_key text, name_folded text, sex text,
          date_of_birth date, dob_estimated boolean, geo_code text, adm1_code text, adm2_code text, adm3_code text)`);
      await tx.query(sql`INSERT INTO cases (id, case_number, child_id, status, step, risk_level, concerns, source, sensitive, reported_on, registered_at, initial_assessment_due,
          organisation_id, caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS x(id uuid, case_number text, child_id uuid, status text, step text, risk_level text, concerns text[],
          source text, sensitive boolean, reported_on date, registered_at timestamptz, initial_assessment_due timestamptz, organisation_id uuid, caseworker_id uuid,
          supervisor_id uuid, geo_code text, adm1_code text, adm2_code text, adm3_code text, created_by uuid, child_name_key text, child_name_folded text)`);
      await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) SELECT * FROM jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) AS x(case_id uuid, user_id uuid, role text)`);
    });
    progress(Math.min(count, start + batch), count);
  }
  await db.tx(async (tx) => {
    for (const [key, last] of counters) {
      const [adm2, year] = key.split('|');
      await tx.query(sql`INSERT INTO case_counters (adm2_code, year, last) VALUES (${adm2}, ${Number(year)}, ${last})
        ON CONFLICT (adm2_code, year) DO UPDATE SET last = GREATEST(case_counters.last, EXCLUDED.last)`);
    }
  });
  await db.exec('ANALYZE persons; ANALYZE cases; ANALYZE case_assignments;');
  return count;
}
