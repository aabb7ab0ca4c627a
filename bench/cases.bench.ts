// Case create (20 concurrent caseworkers, with access check, audit row and case number) and
// name search inside a district scope, on national-scale data (117,000 cases by default).
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
} finally {
  await app.close();
}
