// Case create (20 concurrent caseworkers, with access check, audit row and case number) and
// name search inside a district scope, on national-scale data (117,000 cases by default).
import fs from 'node:fs';
import { CONCERNS, childNames } from '../src/server/modules/cases/seed/national-seed.js';
import { seededRandom } from '../src/server/seed/random.js';
import { emit, load, startApp } from './lib.js';

const cases = Number(process.env.NCPP_NATIONAL_CASES ?? 117_000);
const app = await startApp({ nationalCases: cases });
const db = app.dbKind;
const scale = `national-${cases}`;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
try {
  // Search first, on the national dataset as seeded: the create run below adds thousands of
  // cases to one district in seconds, which no real district sees.
  // A district officer searching Kurigram's cases by names in both scripts, with typos.
  const officer = await app.session('kurigram.officer');
  const names = ['Rafiq Islam', 'মোঃ রফিক', 'Sumi Akhter', 'সুমি আক্তার', 'Nusrat Jahan', 'Habib Rahman', 'Fatima Khatoon', 'Tanvir Hossain', 'জান্নাতুল বেগম', 'Sakib Chowdhury'];
  const search = await load({
    url: app.url,
    headers: officer,
    requests: names.map((n) => ({ method: 'GET' as const, path: `/api/v1/cases?q=${encodeURIComponent(n)}&limit=20` })),
    duration,
  });
  if (search.non2xx || search.errors) throw new Error(`search: ${search.non2xx} non-2xx, ${search.errors} errors`);
  emit({ name: 'case_search_p95_ms', value: search.p95, unit: 'ms', db, scale });
  emit({ name: 'case_search_rps', value: search.rps, unit: 'req/s', db, scale });

  // 20 caseworkers registering different children (names, ages, concerns, risk levels).
  const worker = await app.session('kurigram.caseworker');
  const rnd = seededRandom(2026);
  const bodies = Array.from({ length: 400 }, () => {
    const child = childNames(rnd);
    return JSON.stringify({
      child: { ...child, ageYears: rnd.int(1, 17), geoCode: '554952-N4117' },
      concerns: [rnd.pick(CONCERNS)], riskLevel: rnd.pick(['high', 'medium', 'medium', 'low'] as const), source: 'outreach', reportedOn: '2026-11-20',
    });
  });
  const create = await load({
    url: app.url,
    headers: { ...worker, 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ method: 'POST' as const, path: '/api/v1/cases', body })),
    duration,
  });
  if (create.non2xx || create.errors) throw new Error(`create: ${create.non2xx} non-2xx, ${create.errors} errors`);
  emit({ name: 'case_create_p95_ms', value: create.p95, unit: 'ms', db, scale });
  emit({ name: 'case_create_rps', value: create.rps, unit: 'req/s', db, scale });

  // The older system's 117,000 cases in one file, imported by the national manager through
  // the web API and written by the job; meanwhile a caseworker keeps opening their case list.
  const importRows = Number(process.env.NCPP_BENCH_IMPORT_ROWS ?? 117_000);
  const upazilas = (JSON.parse(fs.readFileSync('data/geo/bd/units.json', 'utf8')) as Array<{ code: string; level: number; kind: string | null }>)
    .filter((u) => u.level === 3 && u.kind === 'upazila').map((u) => u.code);
  const irnd = seededRandom(117);
  const csv = ['child_name,child_name_bn,sex,age_years,upazila_code,concern,risk_level,source,reported_on,legacy_id', ...Array.from({ length: importRows }, (_, i) => {
    const { names, sex } = childNames(irnd);
    const month = String(irnd.int(1, 12)).padStart(2, '0');
    return [names[1]!.text, names[0]!.text, sex, irnd.int(0, 17), irnd.pick(upazilas), irnd.pick(CONCERNS), irnd.pick(['high', 'medium', 'low']), 'helpline', `2024-${month}-1${irnd.int(0, 9)}`, `OLD-${i}`].join(',');
  })].join('\n');
  const manager = await app.session('national');
  const t0 = performance.now();
  const started = await fetch(`${app.url}/api/v1/cases/imports?filename=legacy-117k.csv`, { method: 'POST', headers: { ...manager, 'content-type': 'text/csv' }, body: csv });
  if (started.status !== 202) throw new Error(`import: ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  let slowest = 0;
  for (;;) {
    const r0 = performance.now();
    const list = await fetch(`${app.url}/api/v1/cases?limit=20`, { headers: worker });
    if (!list.ok) throw new Error(`case list during import: ${list.status}`);
    await list.arrayBuffer();
    slowest = Math.max(slowest, performance.now() - r0);
    const state = (await (await fetch(`${app.url}/api/v1/cases/imports/${id}`, { headers: manager })).json()) as { status: string; rowsDone: number; issueCount: number };
    if (state.status === 'done') break;
    if (!['queued', 'checking', 'writing'].includes(state.status)) throw new Error(`import ended ${state.status} (${state.issueCount} problems)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (performance.now() - t0) / 1000;
  emit({ name: 'cases_import_rows_per_s', value: importRows / seconds, unit: 'rows/s', db, scale: `${scale}+import-${importRows}` });
  emit({ name: 'cases_import_seconds', value: seconds, unit: 's', db, scale: `${scale}+import-${importRows}` });
  emit({ name: 'cases_import_other_request_max_ms', value: slowest, unit: 'ms', db, scale: `${scale}+import-${importRows}` });
} finally {
  await app.close();
}
