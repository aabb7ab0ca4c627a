import { usersHolding } from '../../../platform/access/holders.js';
import type { DemoSeedStep } from '../../../platform/module.js';
import { CASE_PERMISSIONS } from '../../../../shared/cases.js';
import { sql } from '../../../platform/db/sql.js';
import { placeOf } from '../../../platform/access/scope.js';
import { peopleService } from '../../people/service.js';
import { initialAssessmentDue } from '../policy.js';
import { nextCaseNumber } from '../core/queries.js';

/** Children's names as families give them: Bangla with the Latin spelling used in documents. */
export const CHILD_NAMES: ReadonlyArray<[string, string, 'male' | 'female']> = [
  ['মোহাম্মদ রফিক মিয়া', 'Mohammad Rafiq Mia', 'male'], ['সুমি আক্তার', 'Sumi Akter', 'female'], ['রাকিব হাসান', 'Rakib Hasan', 'male'],
  ['মিম খাতুন', 'Mim Khatun', 'female'], ['শাকিল আহমেদ', 'Shakil Ahmed', 'male'], ['তানিয়া বেগম', 'Tania Begum', 'female'],
  ['জাহিদ হোসেন', 'Jahid Hossain', 'male'], ['নুসরাত জাহান', 'Nusrat Jahan', 'female'], ['আরিফ রহমান', 'Arif Rahman', 'male'],
  ['সাদিয়া ইসলাম', 'Sadia Islam', 'female'], ['হৃদয় চৌধুরী', 'Hridoy Chowdhury', 'male'], ['লাবণী সরকার', 'Laboni Sarkar', 'female'],
  ['রুবেল মিয়া', 'Rubel Mia', 'male'], ['ফাতেমা খাতুন', 'Fatema Khatun', 'female'], ['সজীব দাস', 'Sojib Das', 'male'],
  ['মরিয়ম আক্তার', 'Moriom Akter', 'female'], ['মোঃ সোহেল রানা', 'Md Sohel Rana', 'male'], ['শারমিন সুলতানা', 'Sharmin Sultana', 'female'],
];

const CONCERNS = ['violence.child_marriage', 'violence.child_labour', 'violence.physical', 'violence.neglect', 'family.separation', 'education_occupation.school_dropout',
  'street.street_living', 'violence.domestic_work', 'missing.runaway', 'justice.conflict_with_law', 'missing.trafficking', 'violence.sexual'];
const SENSITIVE = new Set(['missing.trafficking', 'violence.sexual']);
const SOURCES = ['helpline', 'outreach', 'community_committee', 'ngo', 'police', 'self'] as const;
const STEPS = ['registration', 'initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval', 'implementation', 'follow_up'] as const;
const RISKS = ['high', 'medium', 'low'] as const;

/** The demo caseworkers who get cases (their usernames come from the admin module's demo step). */
const DEMO_CASEWORKERS = ['kurigram.caseworker', 'ngo.caseworker', 'sunamganj.caseworker', 'ulipur.caseworker'];
const PER_WORKER = 12;

/**
 * Demo cases for the fixed demo caseworkers: every risk level, several SOP steps, some
 * overdue (registered days ago, still waiting for the initial assessment), a few sensitive.
 */
export const seedDemoCases: DemoSeedStep = async (tx, { services, rnd, shared, progress }) => {
  const users = shared.get('users') as Map<string, { id: string; organisationId: string; scopeCode: string | null }> | undefined;
  if (!users) throw new Error('Seed: the demo case step needs the accounts of the admin step');
  const workers = DEMO_CASEWORKERS.map((u) => users.get(u)).filter((u) => u !== undefined).map((u) => ({ userId: u.id, organisationId: u.organisationId, upazila: u.scopeCode! }));
  const country = services.country.code;
  let n = 0;
  for (const w of workers) {
    const unions = await services.geo.unitsAt(4, w.upazila);
    const [supervisorId] = await usersHolding(tx, { permission: CASE_PERMISSIONS.approve, at: { level: 3, code: w.upazila }, organisationId: w.organisationId, limit: 1 });
    const supervisor = supervisorId ? { id: supervisorId } : undefined;
    for (let i = 0; i < PER_WORKER; i++) {
      const unit = unions.length ? rnd.pick(unions) : await services.geo.find(w.upazila);
      if (!unit) throw new Error(`Seed: no upazila ${w.upazila}`);
      const place = { code: unit.code, adm1_code: unit.adm1_code!, adm2_code: unit.adm2_code!, adm3_code: unit.adm3_code! };
      const [bn, en, sex] = rnd.pick(CHILD_NAMES);
      const concern = rnd.pick(CONCERNS);
      const risk = rnd.pick(RISKS);
      const daysAgo = rnd.int(0, 40);
      const registered = new Date(Date.now() - daysAgo * 86400_000 - rnd.int(0, 20) * 3600_000);
      const step = daysAgo < 2 ? 'registration' : rnd.next() < 0.3 ? 'registration' : rnd.pick(STEPS);
      const child = await peopleService.create(tx, {
        names: [{ text: bn, kind: 'full' }, { text: en, kind: 'full' }], sex, ageYears: rnd.int(4, 17), disabilities: rnd.next() < 0.12 ? ['physical'] : [],
        vulnerableGroups: concern === 'street.street_living' ? ['street'] : [], geoCode: place.code,
      }, { code: place.code, ...placeOf(place) }, registered);
      const number = await nextCaseNumber(tx, country, place.adm2_code, registered.getUTCFullYear());
      const row = await tx.one<{ id: string }>(sql`
        INSERT INTO cases (case_number, child_id, step, risk_level, concerns, source, sensitive, reported_on, registered_at, initial_assessment_due,
                           organisation_id, caseworker_id, supervisor_id, geo_code, adm1_code, adm2_code, adm3_code, created_by, child_name_key, child_name_folded)
        VALUES (${number}, ${child.id}, ${step}, ${risk}, ${[concern]}, ${rnd.pick(SOURCES)}, ${SENSITIVE.has(concern)}, ${registered.toISOString().slice(0, 10)}, ${registered},
                ${initialAssessmentDue(risk, registered)}, ${w.organisationId}, ${w.userId}, ${supervisor?.id ?? null}, ${place.code}, ${place.adm1_code}, ${place.adm2_code}, ${place.adm3_code}, ${w.userId},
                ${child.nameKey}, ${child.nameFolded})
        RETURNING id`);
      await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${row.id}, ${w.userId}, 'caseworker')`);
      if (supervisor) await tx.query(sql`INSERT INTO case_assignments (case_id, user_id, role) VALUES (${row.id}, ${supervisor.id}, 'supervisor')`);
      await tx.query(sql`INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES (${row.id}, ${registered}, ${w.userId}, 'registered', ${JSON.stringify({ riskLevel: risk, concerns: [concern] })}::jsonb)`);
      n++;
    }
  }
  progress('cases');
  return { cases: n };
};
