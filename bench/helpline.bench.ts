// Helpline at national scale: the five-year history (2.24 million contacts by default, drawn as
// the national seed draws them) written to a CSV file and loaded with the historical importer,
// as `ncpp import helpline-contacts` does; the spike detector over the last two years; then
// the analytics page's counts and spikes for a national and a district caller, and 50 agents
// saving their contacts at once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { cliActor } from '../src/server/platform/access/permissions.js';
import { SYSTEM_CONTEXT } from '../src/server/platform/audit/audit.js';
import { sql } from '../src/server/platform/db/sql.js';
import { DEMO_PASSWORD } from '../src/server/seed/demo.js';
import { seededRandom } from '../src/server/seed/random.js';
import { UserCreateInput } from '../src/shared/admin.js';
import { addDays, lastCompleteWeek } from '../src/server/modules/helpline/analytics/service.js';
import { drawNationalContacts, placesByDistrict } from '../src/server/modules/helpline/national-seed.js';
import { emit, load, startApp } from './lib.js';

const total = Number(process.env.NCPP_NATIONAL_CONTACTS ?? 2_240_000);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const AGENTS = 50;
const app = await startApp();
const { services } = app;
const db = app.dbKind;
const scale = `national-helpline-${total}`;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-helpline-')), 'helpline-contacts.csv');
try {
  // The file: one line per contact, as an earlier system would export it.
  const lastWeek = lastCompleteWeek(new Date(), services.country.timezone);
  const drawn = drawNationalContacts(total, await placesByDistrict(services), lastWeek, seededRandom(1098));
  const out = fs.createWriteStream(file);
  out.write('contact_id,received_at,channel,call_type,category,upazila_code,union_code,child_sex,child_age,urgency\n');
  let n = 0;
  for (const week of drawn.byWeek()) {
    const lines = week.map((c) => `OLD-${++n},${c.received_at},${c.channel},${c.call_type},${c.categories[0] ?? ''},${c.adm3_code ?? ''},${c.geo_code !== c.adm3_code ? (c.geo_code ?? '') : ''},${c.child.sex ?? ''},${c.child.ageYears ?? ''},${c.urgency ?? ''}\n`);
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  const t0 = performance.now();
  const imported = await services.helplineImporter.importFile(cliActor(), { source: fs.createReadStream(file, { highWaterMark: 1 << 20 }), fileName: path.basename(file) }, SYSTEM_CONTEXT);
  const seconds = (performance.now() - t0) / 1000;
  if (imported.status !== 'done') throw new Error(`import ${imported.status}: ${JSON.stringify(imported.issues.slice(0, 5))}`);
  emit({ name: 'helpline_import_rows_per_s', value: imported.rows / seconds, unit: 'rows/s', db, scale });
  emit({ name: 'helpline_import_seconds', value: seconds, unit: 's', db, scale });
  for (const [stage, ms] of Object.entries(imported.millis)) emit({ name: `helpline_import_${stage}_seconds`, value: ms / 1000, unit: 's', db, scale });

  // The import is a one-off load of history: what follows measures the days after it, once the
  // database has vacuumed and analysed the new rows (autovacuum would do it within minutes; here
  // it is done at once, as the owner, so it does not run under the measurements).
  await app.maintain(['helpline_contacts', 'helpline_weekly_counts', 'helpline_monthly_counts']);

  const d0 = performance.now();
  await services.helplineAnalytics.detect({ firstWeek: drawn.weeks[drawn.weeks.length - 104]!, lastWeek, notify: false });
  emit({ name: 'helpline_detect_two_years_seconds', value: (performance.now() - d0) / 1000, unit: 's', db, scale });

  // The analytics page as it opens: the map (districts, a year of weeks), the national or the district series, the spikes.
  const from = addDays(lastWeek, -52 * 7);
  const to = addDays(lastWeek, 6);
  const pages = ['violence.child_marriage', 'violence.child_labour', 'violence.physical', 'missing.trafficking', 'violence'];
  // Ten readers at once (officials opening the page; the server's pool holds ten connections);
  // between two changes of the rollups they are answered from the counts computed first.
  const readers = 10;
  for (const [who, area] of [['national', null], ['kurigram.officer', '5549']] as const) {
    const headers = await app.session(who);
    const caller = area ? 'district' : 'national';
    const countPaths = pages.flatMap((category) => [
      `/api/v1/helpline/analytics/counts?from=${from}&to=${to}&period=week&level=district&by=area&category=${category}`,
      `/api/v1/helpline/analytics/counts?from=${from}&to=${to}&period=week&by=period&category=${category}${area ? `&area=${area}` : ''}`,
    ]);
    // Each count once, one at a time, before any was kept: what a count costs the first time
    // after the rollups change (a contact completed), when it is computed rather than reused.
    const cold: number[] = [];
    for (const p of countPaths) {
      const t = performance.now();
      const res = await fetch(`${app.url}${p}`, { headers });
      if (!res.ok) throw new Error(`counts (${who}, cold): ${res.status}`);
      await res.arrayBuffer();
      cold.push(performance.now() - t);
    }
    emit({ name: 'helpline_counts_cold_max_ms', value: Math.max(...cold), unit: 'ms', db, scale: `${scale}/${caller}` });
    const counts = await load({ url: app.url, headers, duration, connections: readers, requests: countPaths.map((path) => ({ method: 'GET' as const, path })) });
    if (counts.non2xx || counts.errors) throw new Error(`counts (${who}): ${counts.non2xx} non-2xx, ${counts.errors} errors`);
    emit({ name: 'helpline_counts_p95_ms', value: counts.p95, unit: 'ms', db, scale: `${scale}/${caller}` });
    // A wide count: every upazila x month of three years for one subcategory.
    const wide = await load({
      url: app.url, headers, duration, connections: readers,
      requests: pages.filter((c) => c.includes('.')).map((category) => ({ method: 'GET' as const, path: `/api/v1/helpline/analytics/counts?from=${addDays(lastWeek, -3 * 365)}&to=${to}&period=month&level=upazila&by=area,category,period&category=${category}` })),
    });
    // Not a budget: reported with its failures (requests past autocannon's 10 s timeout) rather than stopping the run.
    if (wide.non2xx) throw new Error(`wide counts (${who}): ${wide.non2xx} non-2xx`);
    emit({ name: 'helpline_counts_upazila_months_p95_ms', value: wide.p95, unit: 'ms', db, scale: `${scale}/${caller}` });
    emit({ name: 'helpline_counts_upazila_months_timeouts', value: wide.errors, unit: 'requests', db, scale: `${scale}/${caller}` });
    const spikes = await load({
      url: app.url, headers, duration, connections: readers,
      requests: [{ method: 'GET' as const, path: `/api/v1/helpline/analytics/spikes?from=${addDays(lastWeek, -104 * 7)}&to=${to}&level=district` },
        ...pages.map((category) => ({ method: 'GET' as const, path: `/api/v1/helpline/analytics/spikes?from=${from}&to=${to}&level=district&category=${category}` }))],
    });
    if (spikes.non2xx || spikes.errors) throw new Error(`spikes (${who}): ${spikes.non2xx} non-2xx, ${spikes.errors} errors`);
    emit({ name: 'helpline_spikes_p95_ms', value: spikes.p95, unit: 'ms', db, scale: `${scale}/${caller}` });
  }

  // 50 agents, each on their own account, each saving their contacts as they type (a new
  // draft, then four more saves of it as the form fills, then the next contact).
  const [agent] = await services.db.query<{ organisation_id: string }>(sql`SELECT organisation_id FROM users WHERE username = 'helpline.agent'`);
  const unions = (await services.geo.unitsAt(4, '554994')).map((u) => u.code);
  const clients = [];
  for (let i = 1; i <= AGENTS; i++) {
    const username = i === 1 ? 'helpline.agent' : `bench.agent${i}`;
    if (i > 1) {
      await services.admin.createUser(cliActor(), UserCreateInput.parse({ username, fullName: `Bench Agent ${i}`, organisationId: agent!.organisation_id, lang: 'bn', password: DEMO_PASSWORD,
        roles: [{ role: 'helpline_agent', scopeLevel: 0, scopeCode: null }] }), SYSTEM_CONTEXT);
    }
    const headers = { ...(await app.session(username)), 'content-type': 'application/json' };
    const requests = Array.from({ length: 20 }, () => crypto.randomUUID()).flatMap((clientId, k) => [
      { callType: 'child_self' },
      { callType: 'child_self', child: { sex: 'female', ageYears: 13, ageEstimated: true } },
      { callType: 'child_self', child: { sex: 'female', ageYears: 13, ageEstimated: true }, geoCode: unions[k % unions.length] },
      { callType: 'child_self', child: { sex: 'female', ageYears: 13, ageEstimated: true }, geoCode: unions[k % unions.length], categories: ['violence.child_marriage'], urgency: 'high' },
      { callType: 'child_self', child: { sex: 'female', ageYears: 13, ageEstimated: true }, geoCode: unions[k % unions.length], categories: ['violence.child_marriage'], urgency: 'high', summary: 'Her parents have fixed her wedding for next Friday; she wants to stay in school.' },
    ].map((body) => ({ method: 'PUT' as const, path: `/api/v1/helpline/contacts/${clientId}`, body: JSON.stringify(body), headers })));
    clients.push({ connections: 1, headers, requests });
  }
  // As agents type: the form saves 700 ms after the last keystroke, so an agent sends at most
  // about 1.4 saves a second; each of the 50 sends 2 a second here, a little above that.
  const saves = await load({ url: app.url, duration, clients: clients.map((c) => ({ ...c, connectionRate: 2 })) });
  if (saves.non2xx || saves.errors) throw new Error(`contact saves: ${saves.non2xx} non-2xx, ${saves.errors} errors`);
  emit({ name: 'helpline_contact_save_p95_ms', value: saves.p95, unit: 'ms', db, scale: `${scale}/${AGENTS}-agents` });
  // And the ceiling: the 50 saving back to back, with no pause at all.
  const flat = await load({ url: app.url, duration, clients });
  if (flat.non2xx || flat.errors) throw new Error(`contact saves (flat out): ${flat.non2xx} non-2xx, ${flat.errors} errors`);
  emit({ name: 'helpline_contact_save_flat_out_p95_ms', value: flat.p95, unit: 'ms', db, scale: `${scale}/${AGENTS}-agents` });
  emit({ name: 'helpline_contact_save_flat_out_rps', value: flat.rps, unit: 'req/s', db, scale: `${scale}/${AGENTS}-agents` });
} finally {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await app.close();
}
