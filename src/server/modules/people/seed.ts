import { SYSTEM_CONTEXT } from '../../platform/audit/audit.js';
import type { DemoSeedStep, SeedRandom } from '../../platform/module.js';
import { syntheticPeople, type SyntheticPlace } from '../../seed/linkage-synthetic.js';
import { ageOn, estimatedDob, personKeys } from './service.js';
import * as lq from './linkage/queries.js';
import { randomUUID } from 'node:crypto';
import { insertMany, type NewPersonRow } from './queries.js';

/**
 * The child a demo story starts from: a girl in Kurigram's Shishu Paribar register, written
 * in Bangla only. Registering "Shapla Khatun" in Kurigram Sadar finds her first (e2e).
 */
export const DEMO_REGISTER_CHILD = { bangla: 'মোছাঃ শাপলা খাতুন', latin: 'Shapla Khatun', birthDate: '2013-05-14', father: 'মোঃ আব্দুল করিম', upazila: '554952', sourceId: 'SP-KUR-0042' };

/** Latin spellings another list would use: a vowel swapped, an aspirate written or dropped. */
const RESPELL: ReadonlyArray<[RegExp, string]> = [[/a(?=[^aeiou]*$)/, 'o'], [/i$/, 'y'], [/kh/, 'k'], [/sh/, 's'], [/u/, 'oo'], [/z/, 'j']];

function respell(rnd: SeedRandom, name: string): string {
  const [re, to] = rnd.pick(RESPELL);
  return name.replace(re, to);
}

/**
 * After every module's demo data: the demo's children as other sources also wrote them (an
 * NGO's list in Latin script with a stated age, an institution's register in Bangla with the
 * birth date and the institution's own upazila), strangers on the same lists, one child only
 * the Shishu Paribar register knows, and a full linkage run over all of it, in the demo
 * transaction. The demo opens with linked children, a model and a review queue.
 */
export const seedDemoLinkage: DemoSeedStep = async (tx, { services, rnd }) => {
  const children = (await lq.allForLinkage(tx)).filter((r) => r.names.length > 0);
  const upazilas = [...new Set(children.map((c) => c.adm3_code).filter((c): c is string => !!c))];
  const unions = new Map<string, string[]>();
  for (const u of upazilas) unions.set(u, (await services.geo.unitsAt(4, u)).map((x) => x.code));
  const places: SyntheticPlace[] = upazilas.flatMap((u) => (unions.get(u) ?? []).map((union) => ({ union, upazila: u, district: children.find((c) => c.adm3_code === u)!.adm2_code! })));
  const rows: NewPersonRow[] = [];
  const today = new Date();
  const place = async (code: string | null) => (code ? await services.geo.find(code) : undefined);
  const add = async (source: string, sourceId: string, names: string[], sex: string, dob: string | null, estimated: boolean, geoCode: string | null, father: string | null) => {
    const unit = await place(geoCode);
    const named = names.map((text) => ({ text, kind: 'full' }));
    const keys = personKeys(named);
    rows.push({
      id: randomUUID(), names: named, display_name: names[0]!, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: dob, dob_estimated: estimated,
      geo_code: unit?.code ?? null, adm1_code: unit?.adm1_code ?? null, adm2_code: unit?.adm2_code ?? null, adm3_code: unit?.adm3_code ?? null,
      source, source_id: sourceId, father_name: father, mother_name: null, phone: null, import_id: null,
    });
  };
  let n = 0;
  for (const c of children) {
    const latin = c.names.map((x) => x.text).find((t) => !/[\u0980-\u09ff]/.test(t));
    const bangla = c.names.map((x) => x.text).find((t) => /[\u0980-\u09ff]/.test(t));
    if (latin && rnd.next() < 0.6) {
      const age = ageOn(c.date_of_birth, today);
      await add('ngo_list', `KSOF-${String(++n).padStart(4, '0')}`, [respell(rnd, latin)], c.sex, age === null ? null : estimatedDob(age, today), true, c.adm3_code, null);
    }
    if (bangla && c.date_of_birth && !c.dob_estimated && rnd.next() < 0.5) {
      const elsewhere = upazilas.filter((u) => u !== c.adm3_code && (unions.get(u)?.length ?? 0) > 0);
      await add('institution_register', `SP-${String(++n).padStart(4, '0')}`, [bangla], c.sex, c.date_of_birth, false, elsewhere.length ? rnd.pick(elsewhere) : c.adm3_code, null);
    }
  }
  const d = DEMO_REGISTER_CHILD;
  await add('institution_register', d.sourceId, [d.bangla], 'female', d.birthDate, false, d.upazila, d.father);
  if (places.length) {
    for (const r of syntheticPeople({ records: 150, places, seed: 42 })) {
      const dob = r.birthDate ?? (r.ageYears !== null ? estimatedDob(r.ageYears, new Date(`${r.asOf}T00:00:00Z`)) : null);
      await add('ngo_list', `DEMO-${r.sourceId}`, r.names, r.sex, dob, !r.birthDate, r.unionCode ?? r.upazilaCode, r.fatherName);
    }
  }
  await insertMany(tx, rows);
  const stats = await services.linkage.run(SYSTEM_CONTEXT, () => undefined, tx);
  return { person_records: rows.length, linked_records: stats.moved };
};
