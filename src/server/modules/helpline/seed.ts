import type { Tx } from '../../platform/db/database.js';
import type { DemoSeedStep, SeedRandom, Services } from '../../platform/module.js';
import { addDays, lastCompleteWeek } from './analytics/service.js';
import { sql } from '../../platform/db/sql.js';

const CHILDREN: ReadonlyArray<[string, 'female' | 'male']> = [
  ['সুমি', 'female'], ['রাকিব', 'male'], ['মিম', 'female'], ['শাকিল', 'male'], ['তানিয়া', 'female'], ['জাহিদ', 'male'], ['নুসরাত', 'female'],
  ['আরিফ', 'male'], ['সাদিয়া', 'female'], ['হৃদয়', 'male'], ['লাবণী', 'female'], ['রুবেল', 'male'], ['ফাতেমা', 'female'], ['সজীব', 'male'],
];
const CHANNELS = ['voice', 'voice', 'voice', 'voice', 'sms', 'web_chat', 'walk_in', 'social_media'];
const OTHER_TYPES = ['information', 'silent', 'hang_up', 'abusive', 'thanks'];
const URGENCIES = ['immediate', 'high', 'medium', 'medium', 'low'];

/** Inserts completed contacts, a batch in one statement (the demo and the national seed). */
export async function insertContacts(tx: Tx, rows: ReadonlyArray<Record<string, unknown>>) {
  await tx.query(sql`
    INSERT INTO helpline_contacts (client_id, agent_id, organisation_id, status, received_at, channel, call_type, urgency, child, geo_code, adm1_code, adm2_code, adm3_code,
      categories, summary, completed_at, created_at, updated_at)
    SELECT gen_random_uuid(), r.agent_id, r.organisation_id, 'completed', r.received_at, r.channel, r.call_type, r.urgency, r.child, r.geo_code, r.adm1_code, r.adm2_code, r.adm3_code,
      ARRAY(SELECT jsonb_array_elements_text(r.categories)), '', r.received_at + interval '6 minutes', r.received_at, r.received_at + interval '6 minutes'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(agent_id uuid, organisation_id uuid, received_at timestamptz, channel text, call_type text,
      urgency text, child jsonb, geo_code text, adm1_code text, adm2_code text, adm3_code text, categories jsonb)`);
}

/**
 * How much more often a category is reported in a month (1 = usual): child marriage after the
 * monsoon floods (August to October), child labour after the school exams (December, January),
 * separation from family in the cyclone months (May, October, November).
 */
export function seasonalWeight(category: string, month: number): number {
  if (category === 'violence.child_marriage') return [8, 9, 10].includes(month) ? 2.5 : 1;
  if (category === 'violence.child_labour' || category === 'violence.domestic_work') return [12, 1].includes(month) ? 2 : 1;
  if (category === 'missing.separated_disaster') return [5, 10, 11].includes(month) ? 3 : 0.3;
  return 1;
}

const COMMON = ['violence.child_marriage', 'violence.child_labour', 'violence.domestic_work', 'violence.physical', 'violence.neglect', 'violence.sexual_harassment',
  'violence.online_sexual_abuse', 'missing.runaway', 'missing.trafficking', 'missing.separated_disaster', 'mental_health.anxiety', 'family.general',
  'services.education', 'street.street_living', 'education_occupation.school_dropout'];

/**
 * The demo's helpline history: 3,000 completed contacts over the last two years, taken by the
 * demo agents, placed across every district's unions, with the seasons above, so the contact
 * lists and (later) the analytics have something real to show. Deterministic.
 */
export const seedDemoContacts: DemoSeedStep = async (tx, { services, rnd, shared, progress }) => {
  const users = shared.get('users') as Map<string, { id: string; organisationId: string }> | undefined;
  if (!users) throw new Error('Seed: the demo helpline step needs the accounts of the admin step');
  const agents = ['helpline.agent', 'helpline.supervisor'].map((u) => users.get(u)).filter((u) => u !== undefined);
  const { helpline } = services;
  // The finest places the country's form takes (unions in Bangladesh, tehsils in Khyber Pakhtunkhwa).
  const unions = await services.geo.unitsAt(helpline.form.placeLevel);
  if (unions.length === 0 || agents.length === 0) return { helpline_contacts: 0 };
  const total = 3000;
  const now = Date.now();
  const rows: Array<Record<string, unknown>> = [];
  while (rows.length < total) {
    const receivedAt = new Date(now - rnd.int(0, 730 * 24) * 3600_000);
    const aboutChild = rnd.next() < 0.62;
    const category = rnd.pick(COMMON);
    // Thinning by season keeps the total while making the rises real in the counts.
    if (aboutChild && rnd.next() > seasonalWeight(category, receivedAt.getUTCMonth() + 1) / 3) continue;
    const unit = rnd.pick(unions);
    const agent = rnd.pick(agents);
    const [name, sex] = rnd.pick(CHILDREN);
    if (aboutChild && !helpline.form.subcategory(category)) throw new Error(`Seed: unknown helpline category ${category}`);
    rows.push({
      agent_id: agent.id, organisation_id: agent.organisationId, received_at: receivedAt.toISOString(), channel: rnd.pick(CHANNELS),
      call_type: aboutChild ? rnd.pick(['child_self', 'adult_about_child', 'adult_about_child', 'emergency']) : rnd.pick(OTHER_TYPES),
      urgency: aboutChild ? rnd.pick(URGENCIES) : null,
      child: aboutChild ? { anonymous: false, name, sex, ageYears: rnd.int(5, 17), ageEstimated: rnd.next() < 0.4 } : { anonymous: true, name: '', sex: null, ageYears: null, ageEstimated: false },
      geo_code: aboutChild ? unit.code : null, adm1_code: aboutChild ? unit.adm1_code : null, adm2_code: aboutChild ? unit.adm2_code : null, adm3_code: aboutChild ? unit.adm3_code : null,
      categories: aboutChild ? [category] : [],
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await insertContacts(tx, rows.slice(i, i + 1000));
    progress('helpline contacts', Math.min(i + 1000, rows.length), rows.length);
  }
  const outbreak = await plantDemoOutbreak(tx, services, rnd, agents[0]!, progress);
  return { helpline_contacts: rows.length + outbreak };
};

const KURIGRAM = '5549';

/**
 * A child-marriage rise in Kurigram over the last three complete weeks (as after a flood), so
 * the analytics page has a spike to show and the district officer an alert in the bell. The
 * detector then judges the demo's two years: the weeks before without notifying anyone, the
 * last week as the Monday job would.
 */
async function plantDemoOutbreak(tx: Tx, services: Services, rnd: SeedRandom, agent: { id: string; organisationId: string }, progress: (label: string) => void): Promise<number> {
  const { helplineAnalytics: analytics } = services;
  const lastWeek = lastCompleteWeek(new Date(), services.country.timezone);
  const firstWeek = addDays(lastWeek, -14);
  const unions = (await services.geo.unitsAt(services.helpline.form.placeLevel)).filter((u) => u.adm2_code === KURIGRAM);
  const perWeek = [7, 9, 12];
  const rows = perWeek.flatMap((n, w) => Array.from({ length: n }, () => {
    const unit = rnd.pick(unions);
    const [name, sex] = rnd.pick(CHILDREN.filter(([, s]) => s === 'female'));
    // Noon, Dhaka time, on a weekday of that week.
    const receivedAt = `${addDays(firstWeek, 7 * w + rnd.int(0, 4))}T06:00:00Z`;
    return { agent_id: agent.id, organisation_id: agent.organisationId, received_at: receivedAt, channel: 'voice', call_type: rnd.pick(['child_self', 'adult_about_child']), urgency: 'high',
      child: { anonymous: false, name, sex, ageYears: rnd.int(12, 16), ageEstimated: false }, geo_code: unit.code, adm1_code: unit.adm1_code, adm2_code: unit.adm2_code, adm3_code: unit.adm3_code,
      categories: ['violence.child_marriage'] };
  }));
  if (unions.length) await insertContacts(tx, rows);
  await analytics.plantOutbreaks(tx, unions.length ? [{ area_code: KURIGRAM, category: 'violence.child_marriage', first_week: firstWeek, weeks: 3, extra: 9 }] : []);
  await analytics.rebuildCounts(tx);
  progress('helpline spike detector');
  // The backfill judges every week (it is the run the detector's backtest is scored on); the
  // last week is then judged again as the Monday job would, alerting the district's officer.
  await analytics.detect({ firstWeek: addDays(lastWeek, -7 * 104), lastWeek, notify: false }, tx);
  await analytics.detect({ firstWeek: lastWeek, lastWeek, notify: true }, tx);
  return rows.length;
}
