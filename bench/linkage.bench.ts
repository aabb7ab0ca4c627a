// Record linkage at national scale: a labelled synthetic population (1,000,000 source records
// by default: the same children in several sources, with each source's noise) written to a
// CSV file and loaded with the people importer, as `ncpp import people` does (neither counted);
// then a full run as `ncpp link run` does it (load, blocking, comparison, estimation,
// clustering, write-back), pairwise F1 against the truth, and one new record matched against
// all of them as the registration form asks, one request at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { cliActor } from '../src/server/platform/access/permissions.js';
import { SYSTEM_CONTEXT } from '../src/server/platform/audit/audit.js';
import { csvRow, syntheticPeople, type SyntheticPlace, type SyntheticRecord } from '../src/server/seed/linkage-synthetic.js';
import { PEOPLE_COLUMNS } from '../src/server/modules/people/import.js';
import { emit, startApp } from './lib.js';

const total = Number(process.env.NCPP_LINKAGE_RECORDS ?? 1_000_000);
const MATCHES = 200;
const app = await startApp();
const { services } = app;
const db = app.dbKind;
const scale = `linkage-${total}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-linkage-'));
const file = path.join(dir, 'people.csv');
try {
  const places: SyntheticPlace[] = [];
  for (const upazila of await services.geo.unitsAt(3)) {
    for (const union of await services.geo.unitsAt(4, upazila.code)) places.push({ union: union.code, upazila: upazila.code, district: upazila.adm2_code! });
  }
  // Each source as its own file would come; here one list per source, imported one by one.
  const bySource = new Map<string, SyntheticRecord[]>();
  const truth: Array<{ source: string; source_id: string; entity: string }> = [];
  for (const r of syntheticPeople({ records: total, places, seed: 2026 })) {
    const list = bySource.get(r.source);
    if (list) list.push(r);
    else bySource.set(r.source, [r]);
    truth.push({ source: r.source, source_id: r.sourceId, entity: r.entity });
  }
  let importSeconds = 0;
  for (const [source, records] of bySource) {
    const out = fs.createWriteStream(file);
    out.write(`${PEOPLE_COLUMNS.join(',')}\n`);
    for (let i = 0; i < records.length; i += 10_000) {
      if (!out.write(records.slice(i, i + 10_000).map((r) => `${csvRow(r)}\n`).join(''))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const t0 = performance.now();
    const result = await services.peopleImporter.importFile(cliActor(), { source, fileName: `${source}.csv`, content: fs.readFileSync(file) }, SYSTEM_CONTEXT);
    importSeconds += (performance.now() - t0) / 1000;
    if (result.status !== 'done') throw new Error(`import of ${source}: ${JSON.stringify(result.issues.slice(0, 5))}`);
  }
  emit({ name: 'linkage_import_seconds', value: importSeconds, unit: 's', db, scale });
  await app.maintain(['persons', 'family_members']);

  const stats = await services.linkage.run(SYSTEM_CONTEXT);
  emit({ name: 'linkage_1m_seconds', value: stats.totalSeconds, unit: 's', db, scale });
  emit({ name: 'linkage_engine_seconds', value: stats.seconds, unit: 's', db, scale });
  emit({ name: 'linkage_write_seconds', value: stats.writeSeconds, unit: 's', db, scale });
  emit({ name: 'linkage_candidate_pairs', value: stats.candidatePairs, unit: 'pairs', db, scale });
  emit({ name: 'linkage_review_pairs', value: stats.reviewPairs, unit: 'pairs', db, scale });
  const quality = await services.linkage.evaluate(truth);
  emit({ name: 'linkage_f1', value: quality.f1, unit: 'ratio', db, scale });
  emit({ name: 'linkage_precision', value: quality.precision, unit: 'ratio', db, scale });
  emit({ name: 'linkage_recall', value: quality.recall, unit: 'ratio', db, scale });

  // One new record at a time, as a caseworker's registration form asks: other children of the
  // same population (another seed), through the API, by a national reader (who sees every record).
  const session = await app.session('national');
  const times: number[] = [];
  let found = 0;
  for (const r of syntheticPeople({ records: MATCHES, places, seed: 7 })) {
    const query = new URLSearchParams({ name: r.names[0]!, sex: r.sex === 'unknown' ? 'female' : r.sex, ...(r.birthDate ? { dateOfBirth: r.birthDate } : { ageYears: String(Math.min(25, r.ageYears ?? 10)) }), geoCode: r.unionCode ?? r.upazilaCode ?? '' });
    const t0 = performance.now();
    const res = await fetch(`${app.url}/api/v1/people/matches?${query}`, { headers: session });
    const body = (await res.json()) as { items?: unknown[] };
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`matches: ${res.status} ${JSON.stringify(body)}`);
    if (body.items?.length) found++;
  }
  times.sort((a, b) => a - b);
  emit({ name: 'linkage_match_one_p95_ms', value: times[Math.ceil(0.95 * times.length) - 1]!, unit: 'ms', db, scale });
  emit({ name: 'linkage_match_one_p50_ms', value: times[Math.ceil(0.5 * times.length) - 1]!, unit: 'ms', db, scale });
  emit({ name: 'linkage_match_one_found_share', value: found / MATCHES, unit: 'ratio', db, scale });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await app.close();
}
