import poisson from '@stdlib/random-base-poisson';
import { HELPLINE_PERMISSIONS as P } from '../../../shared/helpline.js';
import { usersHolding } from '../../platform/access/holders.js';
import { sql } from '../../platform/db/sql.js';
import type { NationalSeedStep, SeedRandom, Services } from '../../platform/module.js';
import { addDays, lastCompleteWeek } from './analytics/service.js';
import type { PlantedRow } from './analytics/queries.js';
import { insertContacts } from './seed.js';

const YEARS = 5;
/** Share of contacts about a child in need (the rest: information, silent, hang-up, abusive, thanks). */
const ABOUT_A_CHILD = 0.62;
/** Subcategories and their share of the contacts about a child. */
const MIX: ReadonlyArray<[string, number]> = [
  ['violence.child_marriage', 10], ['violence.child_labour', 9], ['violence.domestic_work', 5], ['violence.physical', 12], ['violence.neglect', 8],
  ['violence.sexual_harassment', 5], ['violence.sexual', 3], ['violence.online_sexual_abuse', 3], ['missing.runaway', 4], ['missing.trafficking', 2],
  ['missing.separated_disaster', 2], ['mental_health.anxiety', 5], ['family.general', 8], ['services.education', 6], ['street.street_living', 4],
  ['education_occupation.school_dropout', 6], ['justice.conflict_with_law', 2],
];
/** Districts on the Brahmaputra-Jamuna and Teesta chars and the haor basin, where the floods come every monsoon. */
const RIVER_DISTRICTS = new Set(['5549', '5532', '5539', '3039', '5088', '5552', '5573', '6090', '3089', '1089']);
/** Coastal districts, where cyclones separate children from their families in May and October-November. */
const COASTAL = new Set(['1004', '1006', '1078', '1079', '2015', '2022', '4087', '4047', '2084', '1042']);

/**
 * The seasons the national dataset carries (month 1-12): child marriage after the monsoon floods
 * (strongest in the river districts), child labour after the school exams (December, January),
 * separation in the cyclone months on the coast.
 */
export function nationalSeason(category: string, month: number, district: string): number {
  if (category === 'violence.child_marriage') return [8, 9, 10].includes(month) ? (RIVER_DISTRICTS.has(district) ? 2.6 : 1.4) : 1;
  if (category === 'violence.child_labour' || category === 'violence.domestic_work') return [12, 1].includes(month) ? 1.9 : 1;
  if (category === 'missing.separated_disaster') return [5, 10, 11].includes(month) ? (COASTAL.has(district) ? 4 : 1.5) : 0.6;
  return 1;
}

/** A drawn contact, as the seed inserts it and the import bench writes it to a file. */
export type DrawnContact = { received_at: string; channel: string; call_type: string; urgency: string | null; child: { anonymous: boolean; name: string; sex: 'female' | 'male' | null; ageYears: number | null; ageEstimated: boolean };
  geo_code: string | null; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; categories: string[] };
export type SeedPlace = { code: string; adm1: string; adm3: string };

/**
 * The national helpline history, drawn week by week, district by district and category by
 * category from Poisson counts with the seasons above and a slow rise, with eight planted
 * three-week outbreaks in the last two years (their `extra` filled in as they are drawn):
 * `total` contacts over five years ending with `lastWeek`, in weekly batches.
 */
export function drawNationalContacts(total: number, unitsByDistrict: ReadonlyMap<string, readonly SeedPlace[]>, lastWeek: string, rnd: SeedRandom) {
  const districts = [...unitsByDistrict.keys()].sort();
  const weeks = Array.from({ length: YEARS * 52 }, (_, i) => addDays(lastWeek, -7 * (YEARS * 52 - 1 - i)));
  const mixTotal = MIX.reduce((a, [, w]) => a + w, 0);
  // Contacts about a child per district and week that give `total` in all (the rise and the seasons average out near 1.1).
  const perDistrictWeek = (total * ABOUT_A_CHILD) / (weeks.length * districts.length * 1.1);
  const draw = poisson.factory({ seed: 1098 });
  const planted: PlantedRow[] = Array.from({ length: 8 }, (_, i) => {
    const [category] = MIX[(i * 5) % 8]!;
    const w = weeks.length - 100 + i * 12;
    return { area_code: districts[(i * 17 + 5) % districts.length]!, category, first_week: weeks[w]!, weeks: 3, extra: 0 };
  });
  const at = (week: string) => new Date(Date.parse(`${week}T00:00:00+06:00`) + rnd.int(0, 7 * 24 * 60 - 1) * 60_000).toISOString();
  function* byWeek(): Generator<DrawnContact[]> {
    for (let w = 0; w < weeks.length; w++) {
      const week = weeks[w]!;
      const month = Number(week.slice(5, 7));
      const rise = 0.9 + (0.4 * w) / weeks.length;
      const batch: DrawnContact[] = [];
      for (const district of districts) {
        const units = unitsByDistrict.get(district)!;
        for (const [category, share] of MIX) {
          const mean = perDistrictWeek * (share / mixTotal) * nationalSeason(category, month, district) * rise;
          let n = draw(mean);
          const outbreak = planted.find((p) => p.area_code === district && p.category === category && week >= p.first_week && week <= addDays(p.first_week, 14));
          if (outbreak) {
            const extra = Math.max(8, Math.round(3 * mean));
            outbreak.extra = extra;
            n += extra;
          }
          for (let k = 0; k < n; k++) {
            const unit = rnd.pick(units);
            batch.push({
              channel: 'voice', received_at: at(week),
              call_type: rnd.pick(['child_self', 'adult_about_child', 'adult_about_child', 'emergency']), urgency: rnd.pick(['immediate', 'high', 'medium', 'medium', 'low']),
              child: { anonymous: rnd.next() < 0.2, name: '', sex: rnd.pick(['female', 'male'] as const), ageYears: rnd.int(4, 17), ageEstimated: true },
              geo_code: unit.code, adm1_code: unit.adm1, adm2_code: district, adm3_code: unit.adm3, categories: [category],
            });
          }
        }
      }
      // The calls that are no case: information, silence, hang-ups, pranks, thanks (no place, no category).
      const others = draw((total * (1 - ABOUT_A_CHILD)) / weeks.length);
      for (let k = 0; k < others; k++) {
        batch.push({ channel: 'voice', received_at: at(week), call_type: rnd.pick(['information', 'information', 'silent', 'hang_up', 'abusive', 'thanks']),
          urgency: null, child: { anonymous: true, name: '', sex: null, ageYears: null, ageEstimated: false }, geo_code: null, adm1_code: null, adm2_code: null, adm3_code: null, categories: [] });
      }
      yield batch;
    }
  }
  return { weeks, planted, byWeek };
}

/** The finest places the helpline form takes, by district. */
export async function placesByDistrict(services: Pick<Services, 'geo' | 'helpline'>): Promise<Map<string, SeedPlace[]>> {
  const unitsByDistrict = new Map<string, SeedPlace[]>();
  for (const u of await services.geo.unitsAt(services.helpline.form.placeLevel)) {
    if (!u.adm2_code || !u.adm3_code) continue;
    (unitsByDistrict.get(u.adm2_code) ?? unitsByDistrict.set(u.adm2_code, []).get(u.adm2_code)!).push({ code: u.code, adm1: u.adm1_code!, adm3: u.adm3_code });
  }
  return unitsByDistrict;
}

/**
 * National scale for the helpline: `counts.helpline_contacts` (2.24 million by default)
 * completed contacts over five years (drawNationalContacts), taken by the demo's agents. The
 * rollups are rebuilt and the detector judges the last two years without notifying anyone.
 */
export const seedNationalContacts: NationalSeedStep = async ({ services, rnd, counts, progress }): Promise<Record<string, number>> => {
  const total = counts.helpline_contacts ?? 0;
  const { db, helplineAnalytics: analytics, country } = services;
  if (total === 0) return { helpline_contacts: 0 };
  const agentIds = await usersHolding(db, { permission: P.take });
  const [agent] = agentIds.length ? await db.query<{ organisation_id: string }>(sql`SELECT organisation_id FROM users WHERE id = ${agentIds[0]!}`) : [];
  if (!agent) return { helpline_contacts: 0 };
  const lastWeek = lastCompleteWeek(new Date(), country.timezone);
  const { weeks, planted, byWeek } = drawNationalContacts(total, await placesByDistrict(services), lastWeek, rnd);
  let made = 0;
  let batch: Array<DrawnContact & { agent_id: string; organisation_id: string }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.tx((tx) => insertContacts(tx, rows));
    progress('helpline contacts', made, total);
  };
  for (const week of byWeek()) {
    for (const c of week) {
      batch.push({ ...c, agent_id: agentIds[made % agentIds.length]!, organisation_id: agent.organisation_id });
      made++;
      if (batch.length >= 5000) await flush();
    }
    await flush();
  }
  progress('helpline rollups');
  await db.tx(async (tx) => {
    await analytics.plantOutbreaks(tx, planted);
    await analytics.rebuildCounts(tx);
  });
  await db.query(sql`ANALYZE helpline_contacts`);
  progress('helpline spike detector');
  const run = await analytics.detect({ firstWeek: weeks[weeks.length - 104]!, lastWeek, notify: false });
  return { helpline_contacts: made, helpline_spikes: run.flagged };
};
