import type { DemoSeedStep, SeedRandom, Services } from '../../platform/module.js';
import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import type { NewPersonRow } from '../people/service.js';
import { personKeys } from '../people/service.js';
import { childNames, uuid } from '../cases/seed/national-seed.js';
import type { GeoService } from '../geo/service.js';
import { seedDemoLeavers } from './seed-leavers.js';
import { seedDemoPhases } from './seed-phases.js';
import { seedDemoInspections } from './inspections/seed.js';
import { loadCareStandards } from './inspections/service.js';
import { DAY_MS, YEAR_MS, isoDay } from '../../seed/dates.js';

type Programme = { type: string; count: number; seats: number; ages: [number, number]; sex: 'any' | 'female' | 'male' | 'alternate'; en: string; bn: string; districts?: string[] };

/**
 * The DSS programmes at their real sizes (../shared/design/domain.md): how many facilities,
 * how many seats in all, which ages. Districts where the programme is known to sit; the rest
 * spread over the country. Safe homes have no published size: six of 50 seats.
 */
export const DSS_PROGRAMMES: readonly Programme[] = [
  { type: 'baby_home', count: 6, seats: 600, ages: [0, 6], sex: 'any', en: 'Chotomoni Nibash', bn: 'ছোটমণি নিবাস', districts: ['3026', '2015', '5081', '4047', '6091', '1006'] },
  { type: 'shishu_paribar', count: 85, seats: 10_300, ages: [7, 17], sex: 'alternate', en: 'Sarkari Shishu Paribar', bn: 'সরকারি শিশু পরিবার' },
  { type: 'rehabilitation_centre', count: 17, seats: 3_400, ages: [0, 17], sex: 'any', en: 'Integrated Child Rehabilitation Centre', bn: 'সমন্বিত শিশু পুনর্বাসন কেন্দ্র', districts: ['3033'] },
  { type: 'destitute_training_centre', count: 3, seats: 750, ages: [14, 17], sex: 'male', en: 'Destitute Children Training Centre', bn: 'দুস্থ শিশু প্রশিক্ষণ কেন্দ্র' },
  { type: 'development_centre', count: 3, seats: 600, ages: [9, 17], sex: 'alternate', en: 'Child Development Centre', bn: 'শিশু উন্নয়ন কেন্দ্র', districts: ['3033', '3033', '4041'] },
  { type: 'vocational_centre', count: 6, seats: 600, ages: [14, 24], sex: 'any', en: 'Vocational Training Centre', bn: 'বৃত্তিমূলক প্রশিক্ষণ কেন্দ্র' },
  { type: 'safe_home', count: 6, seats: 300, ages: [0, 17], sex: 'female', en: 'Safe Home', bn: 'সেফ হোম' },
];

/** Facilities the demo's fixed logins run (their organisations come from the admin step). */
const NAMED: Record<string, { type: string; district: string }> = {
  'BH-RAJSHAHI': { type: 'baby_home', district: '5081' },
  'SP-KURIGRAM': { type: 'shishu_paribar', district: '5549' },
  'ICRC-TONGI': { type: 'rehabilitation_centre', district: '3033' },
};

type Unit = Awaited<ReturnType<GeoService['unitsAt']>>[number];

/** A district's seat of a facility: its Sadar upazila (or the first city thana). */
async function seatOf(geo: GeoService, district: string): Promise<Unit> {
  const units = await geo.unitsAt(3, district);
  const sadar = units.find((u) => /sadar|boalia|lalbagh|chandgaon/i.test(u.name_en)) ?? units[0];
  if (!sadar) throw new Error(`Seed: no upazila in district ${district}`);
  return sadar;
}

type NewFacility = { id: string; type: string; nameEn: string; nameLocal: string; orgId: string; operatorId: string; unit: Unit; sex: string; ages: [number, number]; seats: number; licence: string; expires: string | null };

async function insertFacilities(tx: Queryable, rows: NewFacility[]) {
  const json = JSON.stringify(rows.map((f) => ({ id: f.id, type: f.type, name_en: f.nameEn, name_local: f.nameLocal, organisation_id: f.orgId, operator_id: f.operatorId, geo_code: f.unit.code,
    adm1: f.unit.adm1_code, adm2: f.unit.adm2_code, adm3: f.unit.adm3_code, sex: f.sex, age_min: f.ages[0], age_max: f.ages[1], seats: f.seats, licence: f.licence, expires: f.expires })));
  await tx.query(sql`INSERT INTO facilities (id, type, name_en, name_local, organisation_id, operator_id, geo_code, adm1_code, adm2_code, adm3_code, sex_served, age_min, age_max, seats, licence_status, licence_expires_on)
    SELECT id, type, name_en, name_local, organisation_id, operator_id, geo_code, adm1, adm2, adm3, sex, age_min, age_max, seats, licence, expires
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, type text, name_en text, name_local text, organisation_id uuid, operator_id uuid, geo_code text, adm1 text, adm2 text, adm3 text,
      sex text, age_min int, age_max int, seats int, licence text, expires date)`);
}


/**
 * Residents for a facility: a realistic share of its seats (70-97%), children of its ages and
 * sex, each a person of the registry (source: institution register) with an open placement
 * admitted in the last years; a few close to the facility's upper age, so the deadlines show.
 */
function residentsFor(f: NewFacility, rnd: SeedRandom, admittedBy: string, now: number, homes: readonly Unit[]) {
  const persons: NewPersonRow[] = [];
  const placements: Array<Record<string, unknown>> = [];
  const count = Math.round(f.seats * (0.7 + rnd.next() * 0.27));
  for (let i = 0; i < count; i++) {
    let { names, sex } = childNames(rnd);
    while (f.sex !== 'any' && sex !== f.sex) ({ names, sex } = childNames(rnd));
    const age = i < count * 0.04 ? f.ages[1] + 0.6 + rnd.next() * 0.35 : f.ages[0] + rnd.next() * (f.ages[1] + 1 - f.ages[0]);
    const born = now - age * YEAR_MS;
    const admitted = Math.max(born + 30 * DAY_MS, now - rnd.next() * Math.min(4, age) * YEAR_MS);
    const keys = personKeys(names);
    const id = uuid(rnd);
    // The child's home upazila: children come to a facility from across its division.
    const home = rnd.pick(homes);
    persons.push({ id, names, display_name: names[0]!.text, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: isoDay(born), dob_estimated: rnd.next() < 0.3,
      geo_code: home.code, adm1_code: home.adm1_code, adm2_code: home.adm2_code, adm3_code: home.code, source: 'institution_register', source_id: `${f.id.slice(0, 8)}-${i + 1}` });
    placements.push({ facility_id: f.id, person_id: id, organisation_id: f.orgId, adm1: f.unit.adm1_code, adm2: f.unit.adm2_code, adm3: f.unit.adm3_code,
      basis: rnd.pick(['court_order', 'police_order', 'emergency', 'emergency']), order_reference: null, admitted_on: isoDay(admitted), admitted_by: admittedBy });
  }
  return { persons, placements };
}

async function insertPlacements(tx: Queryable, rows: Array<Record<string, unknown>>) {
  await tx.query(sql`INSERT INTO placements (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, basis, order_reference, admitted_on, admitted_by)
    SELECT facility_id, person_id, organisation_id, adm1, adm2, adm3, basis, order_reference, admitted_on, admitted_by
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(facility_id uuid, person_id uuid, organisation_id uuid, adm1 text, adm2 text, adm3 text, basis text, order_reference text, admitted_on date, admitted_by uuid)`);
}

/**
 * The demo's facilities: every DSS programme at its real size across the country, and NGO
 * orphanages in the demo districts, each with residents; then the deadline sweep's alerts.
 */
export const seedDemoFacilities: DemoSeedStep = async (tx, { services, rnd, shared, progress }) => {
  const { geo, admin, people, institutions } = services;
  const orgIds = shared.get('orgIds') as Map<string, string> | undefined;
  const users = shared.get('users') as Map<string, { id: string }> | undefined;
  if (!orgIds || !users) throw new Error('Seed: the facilities step needs the organisations and users of the admin step');
  const dss = orgIds.get('DSS-HQ')!;
  const registrar = users.get('national')!.id;
  const districts = (await geo.unitsAt(2)).map((d) => d.code);
  const named = new Map(Object.entries(NAMED).map(([ref, n]) => [`${n.type}|${n.district}`, ref]));

  const facilities: NewFacility[] = [];
  const newOrgs: Array<{ f: NewFacility; district: string }> = [];
  for (const p of DSS_PROGRAMMES) {
    const perFacility = Math.floor(p.seats / p.count);
    for (let i = 0; i < p.count; i++) {
      // Programmes with one facility per district (Shishu Paribar) cover every district first.
      const district = p.districts?.[i] ?? districts[p.count >= districts.length ? i % districts.length : (i * 7 + p.type.length) % districts.length]!;
      const unit = await seatOf(geo, district);
      const d = await geo.find(district);
      const ref = named.get(`${p.type}|${district}`);
      if (ref) named.delete(`${p.type}|${district}`);
      // The demo's named Shishu Paribar is the boys' one; otherwise boys' and girls' alternate.
      const sex = p.sex === 'alternate' ? (ref || i % 2 === 0 ? 'male' : 'female') : p.sex;
      const sexEn = sex === 'male' ? ' (Boys)' : sex === 'female' && p.sex === 'alternate' ? ' (Girls)' : '';
      const sexBn = sex === 'male' ? ' (বালক)' : sex === 'female' && p.sex === 'alternate' ? ' (বালিকা)' : '';
      const f: NewFacility = {
        id: uuid(rnd), type: p.type, nameEn: `${p.en}${sexEn}, ${d!.name_en}${i >= 64 ? ' II' : ''}`, nameLocal: `${p.bn}${sexBn}, ${d!.name_local}${i >= 64 ? ' ২' : ''}`,
        orgId: ref ? orgIds.get(ref)! : '', operatorId: dss, unit, sex, ages: p.ages,
        // The last facility takes the remainder, so the programme's seats add up exactly.
        seats: i === p.count - 1 ? p.seats - perFacility * (p.count - 1) : perFacility, licence: 'government', expires: null,
      };
      facilities.push(f);
      if (!ref) newOrgs.push({ f, district });
    }
  }
  // NGO orphanages on capitation grants, in the demo districts (Kurigram, Sunamganj).
  for (const district of ['5549', '6090']) {
    for (const unit of await geo.unitsAt(3, district)) {
      for (let i = 0; i < 3; i++) {
        const sex = rnd.pick(['male', 'female', 'any']);
        const expired = rnd.next() < 0.1;
        const f: NewFacility = {
          id: uuid(rnd), type: 'ngo_orphanage', nameEn: `${unit.name_en} ${['Darul Ihsan', 'Al-Amin', 'Shishu Sadan'][i]} Orphanage`, nameLocal: `${unit.name_local} ${['দারুল ইহসান', 'আল-আমিন', 'শিশু সদন'][i]} এতিমখানা`,
          orgId: '', operatorId: '', unit, sex, ages: [5, 17], seats: rnd.int(20, 60), licence: expired ? 'licensed' : rnd.pick(['licensed', 'licensed', 'licensed', 'provisional']),
          expires: expired ? isoDay(Date.now() - rnd.int(10, 300) * DAY_MS) : isoDay(Date.now() + rnd.int(60, 900) * DAY_MS),
        };
        // The demo's orphanage manager runs the first orphanage of Ulipur (the admin step made its organisation).
        const own = i === 0 ? orgIds.get(`ORPH-${unit.name_en.toUpperCase()}`) : undefined;
        facilities.push(own ? { ...f, orgId: own, operatorId: own } : f);
        if (!own) newOrgs.push({ f, district });
      }
    }
  }
  const ids = await admin.seedOrganisations(tx, newOrgs.map(({ f }) => ({ nameEn: f.nameEn, nameLocal: f.nameLocal, type: f.type === 'ngo_orphanage' ? 'local_ngo' : 'institution', geo: f.unit })));
  newOrgs.forEach(({ f }, i) => { f.orgId = ids[i]!; if (f.type === 'ngo_orphanage') f.operatorId = ids[i]!; });
  await insertFacilities(tx, facilities);
  progress('facilities');

  const now = Date.now();
  const upazilas = (await geo.unitsAt(3)).filter((u) => u.kind === 'upazila');
  const homesIn = new Map<string, Unit[]>();
  for (const u of upazilas) homesIn.set(u.adm1_code!, [...(homesIn.get(u.adm1_code!) ?? []), u]);
  let residents = 0;
  for (let start = 0; start < facilities.length; start += 20) {
    const persons: NewPersonRow[] = [];
    const placements: Array<Record<string, unknown>> = [];
    for (const f of facilities.slice(start, start + 20)) {
      const r = residentsFor(f, rnd, registrar, now, homesIn.get(f.unit.adm1_code!) ?? upazilas);
      persons.push(...r.persons);
      placements.push(...r.placements);
    }
    await people.insertMany(tx, persons);
    await insertPlacements(tx, placements);
    residents += persons.length;
  }
  if (named.size) throw new Error(`Seed: no facility for ${[...named.values()].join(', ')}`);
  progress('residents');
  for (const t of geo.country.institutionTypes) await seedDemoPhases(tx, t.key, (t.phases ?? []).map((p) => p.key), registrar, new Date(now).toISOString().slice(0, 10));
  const claims = await seedDemoGrants(tx, registrar, services.grants);
  const leavers = await seedDemoLeavers(tx, rnd, registrar, geo.country.reintegrationFollowUpMonths, now);
  const officer = users.get('kurigram.officer')?.id ?? registrar;
  const inspections = await seedDemoInspections(tx, rnd, loadCareStandards(services.config.referenceDataDir), officer, now);
  await institutions.raiseDueAlertsIn(tx);
  await services.inspections.sweepIn(tx);
  return { facilities: facilities.length, residents, claims, leavers, inspections };
};

const firstOfMonth = (d: Date, back: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);

/**
 * The demo's capitation grants: the rate (2,000 BDT from July 2020), nine in ten orphanage
 * residents enrolled, and what the claims must catch: three children on two orphanages'
 * lists, two children gone home last month still on the list; then last month's claims.
 */
async function seedDemoGrants(tx: Queryable, registrar: string, grants: Services['grants']): Promise<number> {
  const now = new Date();
  const lastMonth = firstOfMonth(now, 1);
  await tx.query(sql`INSERT INTO grant_rates (amount, effective_from, note, set_by) VALUES (2000, '2020-07-01', 'Capitation grant, DSS', ${registrar})`);
  await tx.query(sql`INSERT INTO grant_enrolments (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, enrolled_on, enrolled_by)
    SELECT p.facility_id, p.person_id, p.organisation_id, p.adm1_code, p.adm2_code, p.adm3_code, p.admitted_on, ${registrar}
    FROM placements p JOIN facilities f ON f.id = p.facility_id WHERE f.type = 'ngo_orphanage' AND p.ended_on IS NULL AND abs(hashtext(p.id::text)) % 10 <> 0`);
  // Three children of one Kurigram orphanage also on the list of the next one.
  await tx.query(sql`WITH o AS (SELECT id, row_number() OVER (ORDER BY name_en) AS n FROM facilities WHERE type = 'ngo_orphanage' AND adm2_code = '5549'),
    three AS (SELECT e.person_id FROM grant_enrolments e JOIN o ON o.id = e.facility_id AND o.n = 1 ORDER BY e.person_id LIMIT 3)
    INSERT INTO grant_enrolments (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, enrolled_on, enrolled_by)
    SELECT f.id, three.person_id, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code, ${firstOfMonth(now, 6)}, ${registrar}
    FROM three CROSS JOIN facilities f JOIN o ON o.id = f.id AND o.n = 2`);
  // Two children went home in the middle of last month; their orphanage kept them on the list.
  await tx.query(sql`UPDATE placements SET ended_on = ${lastMonth}::date + 14, end_reason = 'family_reunification', ended_by = ${registrar}
    WHERE id IN (SELECT p.id FROM placements p JOIN grant_enrolments e ON e.person_id = p.person_id AND e.facility_id = p.facility_id
      JOIN facilities f ON f.id = p.facility_id WHERE f.type = 'ngo_orphanage' AND f.adm2_code = '6090' AND p.admitted_on < ${lastMonth}::date AND p.ended_on IS NULL ORDER BY p.id LIMIT 2)`);
  return grants.generateIn(tx, lastMonth);
}
