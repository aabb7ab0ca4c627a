import type { NationalSeedStep } from '../../platform/module.js';
import { sql } from '../../platform/db/sql.js';
import { personKeys, type NewPersonRow } from '../people/service.js';
import { childNames, uuid } from '../cases/seed/national-seed.js';
import { DAY_MS, YEAR_MS, isoDay } from '../../seed/dates.js';


/**
 * National scale for institutions (budgets.md): `counts.orphanages` NGO orphanages across every
 * upazila (4,186), each with its own organisation; `counts.grant_children` children living in
 * them and enrolled for the capitation grant (116,666); `counts.state_residents` children who
 * have lived in the DSS facilities the demo made (100,000: those who fit the seats now, the
 * rest discharged over the last five years). Bulk inserts in batches of their own transaction.
 */
export const seedNationalInstitutions: NationalSeedStep = async ({ services, rnd, counts, progress }) => {
  const { db, geo, admin, people } = services;
  const orphanages = counts.orphanages ?? 0;
  const grantChildren = counts.grant_children ?? 0;
  const stateResidents = counts.state_residents ?? 0;
  if (!orphanages && !stateResidents) return;
  const upazilas = (await geo.unitsAt(3)).filter((u) => u.kind === 'upazila');
  const registrar = (await db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'national'`)).id;
  const now = Date.now();

  // Orphanages: an organisation and a facility each.
  const made: Array<{ id: string; org: string; unit: (typeof upazilas)[number]; seats: number }> = [];
  for (let start = 0; start < orphanages; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, orphanages - start) }, (_, i) => ({ n: start + i + 1, unit: upazilas[(start + i) % upazilas.length]! }));
    await db.tx(async (tx) => {
      const orgs = await admin.seedOrganisations(tx, batch.map((b) => ({ nameEn: `${b.unit.name_en} Orphanage No. ${b.n}`, nameLocal: `${b.unit.name_local ?? b.unit.name_en} এতিমখানা নং ${b.n}`, type: 'local_ngo', geo: b.unit })));
      const rows = batch.map((b, i) => ({ id: uuid(rnd), org: orgs[i]!, unit: b.unit, seats: rnd.int(15, 45), n: b.n }));
      made.push(...rows);
      const json = JSON.stringify(rows.map((f) => ({ id: f.id, org: f.org, name_en: `${f.unit.name_en} Orphanage No. ${f.n}`, name_local: `${f.unit.name_local ?? f.unit.name_en} এতিমখানা নং ${f.n}`,
        geo: f.unit.code, adm1: f.unit.adm1_code, adm2: f.unit.adm2_code, adm3: f.unit.code, seats: f.seats, expires: isoDay(now + rnd.int(-200, 900) * DAY_MS) })));
      await tx.query(sql`INSERT INTO facilities (id, type, name_en, name_local, organisation_id, operator_id, geo_code, adm1_code, adm2_code, adm3_code, sex_served, age_min, age_max, seats, licence_status, licence_expires_on)
        SELECT id, 'ngo_orphanage', name_en, name_local, org, org, geo, adm1, adm2, adm3, 'any', 5, 17, seats, 'licensed', expires
        FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, org uuid, name_en text, name_local text, geo text, adm1 text, adm2 text, adm3 text, seats int, expires date)`);
    });
    progress('national orphanages', Math.min(orphanages, start + 1000), orphanages);
  }

  // Grant children: a person, an open placement and an enrolment each, spread over the orphanages.
  const batchSize = 5000;
  for (let start = 0; start < grantChildren && made.length; start += batchSize) {
    const persons: NewPersonRow[] = [];
    const rows: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(grantChildren, start + batchSize); i++) {
      const f = made[i % made.length]!;
      const { names, sex } = childNames(rnd);
      const keys = personKeys(names);
      const born = now - (5 + rnd.next() * 12.9) * YEAR_MS;
      const admitted = Math.max(born + 4 * YEAR_MS, now - rnd.next() * 5 * YEAR_MS);
      const id = uuid(rnd);
      persons.push({ id, names, display_name: names[0]!.text, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: isoDay(born), dob_estimated: rnd.next() < 0.4,
        geo_code: f.unit.code, adm1_code: f.unit.adm1_code, adm2_code: f.unit.adm2_code, adm3_code: f.unit.code, source: 'grant_enrolment', source_id: `G-${i + 1}` });
      rows.push({ facility_id: f.id, person_id: id, org: f.org, adm1: f.unit.adm1_code, adm2: f.unit.adm2_code, adm3: f.unit.code, on: isoDay(admitted) });
    }
    await db.tx(async (tx) => {
      await people.insertMany(tx, persons);
      const json = JSON.stringify(rows);
      await tx.query(sql`INSERT INTO placements (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, basis, admitted_on, admitted_by)
        SELECT facility_id, person_id, org, adm1, adm2, adm3, 'emergency', "on", ${registrar} FROM jsonb_to_recordset(${json}::jsonb) AS x(facility_id uuid, person_id uuid, org uuid, adm1 text, adm2 text, adm3 text, "on" date)`);
      await tx.query(sql`INSERT INTO grant_enrolments (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, enrolled_on, enrolled_by)
        SELECT facility_id, person_id, org, adm1, adm2, adm3, "on", ${registrar} FROM jsonb_to_recordset(${json}::jsonb) AS x(facility_id uuid, person_id uuid, org uuid, adm1 text, adm2 text, adm3 text, "on" date)`);
    });
    progress('national grant children', Math.min(grantChildren, start + batchSize), grantChildren);
  }

  // Children of the DSS facilities: as many as fit the free seats live there now, the rest left over five years.
  const dss = await db.query<{ id: string; organisation_id: string; adm1_code: string; adm2_code: string; adm3_code: string; geo_code: string; age_min: number; age_max: number; sex_served: string; free: number }>(sql`
    SELECT f.id, f.organisation_id, f.adm1_code, f.adm2_code, f.adm3_code, f.geo_code, f.age_min, f.age_max, f.sex_served,
      greatest(0, (f.seats * 0.95)::int - (SELECT count(*)::int FROM placements p WHERE p.facility_id = f.id AND p.ended_on IS NULL)) AS free
    FROM facilities f WHERE f.type <> 'ngo_orphanage' ORDER BY f.name_en`);
  if (!dss.length) return;
  const free = new Map(dss.map((f) => [f.id, f.free]));
  const reasons = ['family_reunification', 'family_reunification', 'aged_out', 'job_placement', 'transfer', 'kinship_care', 'foster_care', 'absconded'];
  for (let start = 0; start < stateResidents; start += batchSize) {
    const persons: NewPersonRow[] = [];
    const rows: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(stateResidents, start + batchSize); i++) {
      const f = dss[i % dss.length]!;
      let { names, sex } = childNames(rnd);
      while (f.sex_served !== 'any' && sex !== f.sex_served) ({ names, sex } = childNames(rnd));
      const keys = personKeys(names);
      const stays = (free.get(f.id) ?? 0) > 0;
      if (stays) free.set(f.id, free.get(f.id)! - 1);
      const endMs = stays ? null : now - rnd.next() * 5 * YEAR_MS;
      const ageThen = f.age_min + rnd.next() * (f.age_max + 0.9 - f.age_min);
      const at = endMs ?? now;
      const born = at - ageThen * YEAR_MS;
      const admitted = Math.max(born + 30 * DAY_MS, at - rnd.next() * 3 * YEAR_MS);
      const id = uuid(rnd);
      persons.push({ id, names, display_name: names[0]!.text, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: isoDay(born), dob_estimated: rnd.next() < 0.3,
        geo_code: f.geo_code, adm1_code: f.adm1_code, adm2_code: f.adm2_code, adm3_code: f.adm3_code, source: 'institution_register', source_id: `S-${i + 1}` });
      rows.push({ facility_id: f.id, person_id: id, org: f.organisation_id, adm1: f.adm1_code, adm2: f.adm2_code, adm3: f.adm3_code, on: isoDay(admitted),
        ended: endMs === null ? null : isoDay(Math.max(endMs, admitted)), reason: endMs === null ? null : rnd.pick(reasons) });
    }
    await db.tx(async (tx) => {
      await people.insertMany(tx, persons);
      await tx.query(sql`INSERT INTO placements (facility_id, person_id, organisation_id, adm1_code, adm2_code, adm3_code, basis, admitted_on, admitted_by, ended_on, end_reason, ended_by)
        SELECT facility_id, person_id, org, adm1, adm2, adm3, 'court_order', "on", ${registrar}, ended, reason, CASE WHEN ended IS NULL THEN NULL ELSE ${registrar}::uuid END
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(facility_id uuid, person_id uuid, org uuid, adm1 text, adm2 text, adm3 text, "on" date, ended date, reason text)`);
    });
    progress('national state residents', Math.min(stateResidents, start + batchSize), stateResidents);
  }
  await people.analyze(db);
  return { orphanages, grant_children: grantChildren, state_residents: stateResidents };
};
