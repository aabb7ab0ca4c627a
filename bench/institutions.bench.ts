// Institutions at national scale (4,186 NGO orphanages, 116,666 grant children, 100,000 children
// who have lived in the DSS facilities): generating every orphanage's capitation claim for one
// month through the API (grants_monthly_claims_s), the national seats map's aggregate
// (institutions_seats_map_p95_ms), and 20 facility managers admitting referred children at once
// (institutions_admit_p95_ms: each admitting a child a second; and flat out, the ceiling).
import { cliActor } from '../src/server/platform/access/permissions.js';
import { SYSTEM_CONTEXT } from '../src/server/platform/audit/audit.js';
import { sql } from '../src/server/platform/db/sql.js';
import { DEMO_PASSWORD } from '../src/server/seed/demo.js';
import { seededRandom } from '../src/server/seed/random.js';
import { childNames } from '../src/server/modules/cases/seed/national-seed.js';
import { occupancyByArea } from '../src/server/modules/institutions/queries.js';
import { UserCreateInput } from '../src/shared/admin.js';
import { emit, load, startApp } from './lib.js';

const counts = {
  orphanages: Number(process.env.NCPP_NATIONAL_ORPHANAGES ?? 4_186),
  grant_children: Number(process.env.NCPP_NATIONAL_GRANT_CHILDREN ?? 116_666),
  state_residents: Number(process.env.NCPP_NATIONAL_STATE_RESIDENTS ?? 100_000),
};
const MANAGERS = 20;
/** Each manager's admissions: the first at one a second (people admitting children), the rest back to back (the ceiling). */
const PACED = 10;
const FLAT = 20;
const ADMISSIONS_EACH = PACED + FLAT;
const app = await startApp({ counts });
const db = app.dbKind;
const scale = `national-${counts.orphanages}-orphanages-${counts.grant_children}-grant-children-${counts.state_residents}-residents`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const { services } = app;
const post = async (headers: Record<string, string>, path: string, body: unknown) => {
  const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};
try {
  await app.maintain(['persons', 'placements', 'facilities', 'grant_enrolments']);

  // Every orphanage's claim for last month, as the national grant officer generates it.
  const national = await app.session('national');
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const started = performance.now();
  const generated = await post(national, '/api/v1/grants/claims/generate', { month });
  const seconds = (performance.now() - started) / 1000;
  if (Number(generated.claims) < counts.orphanages) throw new Error(`generated ${String(generated.claims)} claims for ${counts.orphanages} orphanages`);
  emit({ name: 'grants_monthly_claims_s', value: seconds, unit: 's', db, scale: `${scale}/${String(generated.lines)}-lines` });

  // The national seats map: all facilities, and by type.
  const map = await load({
    url: app.url, headers: national, duration,
    requests: ['', '?type=shishu_paribar', '?type=ngo_orphanage', '?type=baby_home'].map((q) => ({ method: 'GET' as const, path: `/api/v1/facilities/occupancy${q}` })),
  });
  if (map.non2xx || map.errors) throw new Error(`seats map: ${map.non2xx} non-2xx, ${map.errors} errors`);
  emit({ name: 'institutions_seats_map_p95_ms', value: map.p95, unit: 'ms', db, scale });
  // What the aggregate costs when it is not cached (the first read after an admission): the median of five.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await occupancyByArea(services.db, 2, undefined);
    times.push(performance.now() - t0);
  }
  emit({ name: 'institutions_seats_map_uncached_ms', value: times.sort((a, b) => a - b)[2]!, unit: 'ms', db, scale });

  // 20 orphanages' managers, each admitting children of cases referred to their orphanage.
  const facilities = await services.db.query<{ id: string; organisation_id: string }>(sql`
    SELECT DISTINCT ON (adm2_code) id, organisation_id FROM facilities WHERE type = 'ngo_orphanage' ORDER BY adm2_code, name_en LIMIT ${MANAGERS}`);
  // Room for the bench's children: the admissions measured are the ordinary ones, not overrides.
  await services.db.query(sql`UPDATE facilities SET seats = seats + ${ADMISSIONS_EACH * 2} WHERE id = ANY(${facilities.map((f) => f.id)}::uuid[])`);
  const caseworker = await app.session('kurigram.caseworker');
  const caseworkerId = (await services.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'kurigram.caseworker'`)).id;
  const rnd = seededRandom(11);
  const clients = [];
  for (const [i, f] of facilities.entries()) {
    const username = `bench.manager${i + 1}`;
    await services.admin.createUser(cliActor(), UserCreateInput.parse({ username, fullName: `Bench Manager ${i + 1}`, organisationId: f.organisation_id, lang: 'en', password: DEMO_PASSWORD,
      roles: [{ role: 'institution_manager', scopeLevel: 0, scopeCode: null }] }), SYSTEM_CONTEXT);
    const service = await services.db.one<{ id: string }>(sql`INSERT INTO services (name_en, category, provider_organisation_id) VALUES (${`Residential care ${i + 1}`}, 'shelter', ${f.organisation_id}) RETURNING id`);
    const requests = [];
    for (let k = 0; k < ADMISSIONS_EACH; k++) {
      const child = childNames(rnd);
      const created = await post(caseworker, '/api/v1/cases', { child: { ...child, ageYears: rnd.int(6, 15), geoCode: '554952-N4117' }, concerns: ['family.separation'], riskLevel: 'medium', source: 'outreach', reportedOn: month });
      const referral = await services.db.one<{ id: string }>(sql`INSERT INTO referrals (case_id, service_id, provider_organisation_id, status, reason, shared, created_by, adm1_code, adm2_code, adm3_code)
        VALUES (${String(created.id)}, ${service.id}, ${f.organisation_id}, 'accepted', 'No family able to care for the child', '{}'::jsonb, ${caseworkerId}, '55', '5549', '554952') RETURNING id`);
      requests.push({ method: 'POST' as const, path: '/api/v1/placements', body: JSON.stringify({ facilityId: f.id, referralId: referral.id, basis: 'case', admittedOn: month }) });
    }
    const headers = { ...(await app.session(username)), 'content-type': 'application/json' };
    clients.push({ connections: 1, headers, requests });
  }
  // 20 managers at once, each admitting a child a second (far above any real facility's day).
  const admit = await load({ url: app.url, clients: clients.map((c) => ({ ...c, requests: c.requests.slice(0, PACED), amount: PACED, connectionRate: 1 })) });
  if (admit.non2xx || admit.errors) throw new Error(`admissions: ${admit.non2xx} non-2xx, ${admit.errors} errors`);
  emit({ name: 'institutions_admit_p95_ms', value: admit.p95, unit: 'ms', db, scale: `${scale}/${MANAGERS}-managers` });
  // And the ceiling: the 20 admitting back to back with no pause at all.
  const flat = await load({ url: app.url, clients: clients.map((c) => ({ ...c, requests: c.requests.slice(PACED), amount: FLAT })) });
  if (flat.non2xx || flat.errors) throw new Error(`admissions (flat out): ${flat.non2xx} non-2xx, ${flat.errors} errors`);
  emit({ name: 'institutions_admit_flat_out_p95_ms', value: flat.p95, unit: 'ms', db, scale: `${scale}/${MANAGERS}-managers` });
  emit({ name: 'institutions_admit_flat_out_rps', value: flat.rps, unit: 'req/s', db, scale: `${scale}/${MANAGERS}-managers` });
} finally {
  await app.close();
}
