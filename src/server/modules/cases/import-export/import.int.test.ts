import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../platform/audit/audit.js';
import { openDatabase } from '../../../platform/db/open.js';
import { sql } from '../../../platform/db/sql.js';
import { signIn, startHarness, type Harness } from '../../../testing/harness.js';

const HEADER = 'child_name,child_name_bn,sex,age_years,upazila_code,concern,risk_level,source,reported_on,legacy_id';
const GOOD = [
  'Sumi Akter,সুমি আক্তার,F,14,554952,Child marriage,high,helpline,2025-08-14,CMS-1',
  'Rakib Hasan,,male,11,554994,violence.child_labour,medium,outreach,2025-09-02,CMS-2',
  'Mim Khatun,,মেয়ে,9,554994,শিশু পাচার,high,police,2025-10-11,CMS-3',
];
/** n clean rows with distinct names (so every file is a different file). */
const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} Child ${i},,F,${i % 17},554994,violence.neglect,low,outreach,2025-03-0${(i % 9) + 1},${tag}-${i}`);

describe('legacy case import (CSV, all or nothing, as a job)', () => {
  let h: Harness;
  let officer: Record<string, string>;
  const count = async () => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).n;
  const upload = (csv: string | Buffer, headers = officer, query = 'filename=legacy.csv') =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/imports?${query}`, payload: csv, headers: { ...headers, 'content-type': 'text/csv' } });
  /** Uploads, runs the job as the worker would, and answers the import as its uploader sees it. */
  const importFile = async (csv: string | Buffer, headers = officer, query?: string) => {
    const res = await upload(csv, headers, query);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    await h.services.caseImporter.run(id);
    return (await h.app.inject({ url: `/api/v1/cases/imports/${id}`, headers })).json();
  };

  beforeAll(async () => {
    h = await startHarness();
    officer = (await signIn(h.app, 'kurigram.officer')).headers;
  });
  afterAll(() => h?.close());

  it('imports nothing when one row is bad, and names the line', async () => {
    const before = await count();
    const job = await importFile([HEADER, GOOD[0], 'Rubel Mia,,male,12,554994,flying carpets,low,outreach,2025-09-03,CMS-9', GOOD[1]].join('\n'));
    expect(job.status).toBe('rejected');
    expect(job.issues).toHaveLength(1);
    expect(job.issues[0]).toMatchObject({ path: 'rows.3.concern', code: 'row_unknown_concern' });
    expect(job.issues[0].message).toContain('৩'); // the officer works in Bangla: Bangla digits
    expect(await count()).toBe(before);
  });

  it('reports the line of the file, after blank lines and a quoted field over several lines', async () => {
    // Line 1 header, 2 a row, 3-4 blank, 5-6 one record, 7 blank, 8 the bad row.
    const csv = [HEADER, GOOD[0], '', '', 'Rubel Mia,,male,12,554994,violence.neglect,low,outreach,2025-09-03,"two', 'lines"', '', 'Dipu,,male,xx,554994,violence.neglect,low,outreach,2025-09-03,X'].join('\r\n');
    const job = await importFile(csv);
    expect(job.status).toBe('rejected');
    expect(job.issues).toEqual([expect.objectContaining({ path: 'rows.8.age_years', code: 'invalid_age' })]);
  });

  it('names a NUL or control character with its line instead of failing in the database', async () => {
    const job = await importFile([HEADER, GOOD[0], `Bad\u0000Name,,F,3,554994,violence.neglect,low,outreach,2025-09-03,X`].join('\n'));
    expect(job.status).toBe('rejected');
    expect(job.issues[0]).toMatchObject({ path: 'rows.3.child_name', code: 'row_unsafe_text' });
  });

  it('applies the API length limits to imported fields', async () => {
    const job = await importFile([HEADER, `${'x'.repeat(121)},,F,3,554994,violence.neglect,low,outreach,2025-09-03,X`].join('\n'));
    expect(job.issues[0]).toMatchObject({ path: 'rows.2.child_name', code: 'row_too_long' });
  });

  it('refuses a file that is not UTF-8 at upload', async () => {
    const latin1 = Buffer.from(`${HEADER}\nJos\xe9 Gonz\xe1lez,,M,3,554994,violence.neglect,low,outreach,2025-09-03,X\n`, 'latin1');
    const res = await upload(latin1);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].code).toBe('not_utf8');
  });

  it('reports missing and unknown columns before reading rows', async () => {
    const job = await importFile(['child_name,sex,agee', 'X,F,3'].join('\n'));
    const codes = job.issues.map((d: { code: string }) => d.code);
    expect(codes).toContain('missing_column');
    expect(codes).toContain('unknown_column');
  });

  it('refuses rows outside the importer\'s area', async () => {
    const job = await importFile([HEADER, 'Dipu Das,,male,10,609089,violence.neglect,low,self,2025-01-01,X'].join('\n'));
    expect(job.issues[0].code).toBe('row_outside_your_area');
  });

  it('imports a clean file: registration step, the upazila team, sensitive by concern, audited, chain intact', async () => {
    const before = await count();
    const job = await importFile([HEADER, ...GOOD].join('\n'));
    expect(job).toMatchObject({ status: 'done', rowsTotal: 3, rowsDone: 3, issueCount: 0 });
    expect(await count()).toBe(before + 3);
    const mim = await h.db.one<{ step: string; sensitive: boolean; caseworker: string | null; org: string; events: number }>(sql`
      SELECT c.step, c.sensitive, u.username AS caseworker, o.name_en AS org, (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.kind = 'imported') AS events
      FROM cases c JOIN persons p ON p.id = c.child_id
      LEFT JOIN users u ON u.id = c.caseworker_id JOIN organisations o ON o.id = c.organisation_id WHERE p.display_name = 'Mim Khatun' AND c.reported_on = '2025-10-11'`);
    expect(mim).toMatchObject({ step: 'registration', sensitive: true, caseworker: 'ulipur.caseworker', org: 'Upazila Social Services Office, Ulipur', events: 1 });
    const audits = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.import' AND diff->'file'->>'after' = 'legacy.csv'`);
    expect(audits.n).toBe(3);
    expect(await verifyAudit(h.db)).toMatchObject({ ok: true });
    // The Bangla spelling from the file makes the child findable in either script.
    const found = (await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('সুমি আক্তার')}`, headers: officer })).json();
    expect(found.items.some((i: { child: { names: string[] } }) => i.child.names.includes('Sumi Akter'))).toBe(true);
    // The officer's caseworkers see it in their list: the case numbers continue the district's sequence.
    const numbers = await h.db.query<{ case_number: string }>(sql`SELECT case_number FROM cases WHERE import_id = ${job.id} ORDER BY case_number`);
    expect(new Set(numbers.map((n) => n.case_number)).size).toBe(3);
  });

  it('warns before the same file is imported twice, and imports it again only when asked', async () => {
    const csv = [HEADER, ...rows(2, 'Twice')].join('\n');
    expect((await importFile(csv)).status).toBe('done');
    const again = await upload(csv);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('legacy.csv');
    expect((await importFile(csv, officer, 'filename=legacy.csv&again=true')).status).toBe('done');
  });

  it('shows an import to its uploader only', async () => {
    const res = await upload([HEADER, ...rows(1, 'Private')].join('\n'));
    const other = (await signIn(h.app, 'national')).headers;
    expect((await h.app.inject({ url: `/api/v1/cases/imports/${res.json().id}`, headers: other })).statusCode).toBe(404);
    await h.services.caseImporter.run(res.json().id);
  });

  /** Test faults are planted as the owner: the app's own role may not create triggers (on a server). */
  const asOwner = async (statements: string) => {
    const owner = h.db.kind === 'postgres' ? await openDatabase(h.services.config, { command: 'test', asOwner: true }) : h.db;
    try {
      await owner.exec(statements);
    } finally {
      if (owner !== h.db) await owner.close();
    }
  };

  it('removes everything a failed import wrote, and audits the removal', async () => {
    // A fault in the second chunk (after 1,000 rows were committed), raised by the database.
    await asOwner(`CREATE FUNCTION test_fail_import() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reported_on = '2024-02-29' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$`);
    await asOwner(`CREATE TRIGGER test_fail_import BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION test_fail_import()`);
    try {
      const before = await count();
      const persons = (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons`)).n;
      const csv = [HEADER, ...rows(1500, 'Chunky'), 'Failing Person,,F,3,554994,violence.neglect,low,outreach,2024-02-29,X'].join('\n');
      const job = await importFile(csv);
      expect(job.status).toBe('failed');
      expect(job.issues[0].code).toBe('import_write_failed');
      expect(await count()).toBe(before);
      expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons`)).n).toBe(persons);
      const removal = await h.db.one<{ removed: number }>(sql`SELECT (diff->'_meta'->>'removed')::int AS removed FROM audit_log WHERE action = 'case_import.rolled_back' AND entity_id = ${job.id}`);
      expect(removal.removed).toBe(1000);
    } finally {
      await asOwner(`DROP TRIGGER test_fail_import ON cases`);
      await asOwner(`DROP FUNCTION test_fail_import()`);
    }
  });

  it('resumes after a lost database at the first chunk not written, without writing a row twice', async () => {
    await asOwner(`CREATE FUNCTION test_lose_db() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reported_on = '2024-02-28' THEN RAISE EXCEPTION 'terminating connection (test)' USING ERRCODE = '57P01'; END IF; RETURN NEW; END $$`);
    await asOwner(`CREATE TRIGGER test_lose_db BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION test_lose_db()`);
    const csv = [HEADER, ...rows(1200, 'Resumed'), 'Lost Person,,F,3,554994,violence.neglect,low,outreach,2024-02-28,X'].join('\n');
    const res = await upload(csv);
    const { id } = res.json();
    await expect(h.services.caseImporter.run(id)).rejects.toThrow(/terminating/);
    const midway = await h.db.one<{ status: string; rows_done: number }>(sql`SELECT status, rows_done FROM case_imports WHERE id = ${id}`);
    expect(midway).toEqual({ status: 'writing', rows_done: 1000 });
    await asOwner(`DROP TRIGGER test_lose_db ON cases`);
    await asOwner(`DROP FUNCTION test_lose_db()`);
    // The job's retry (the same worker, or another once the lease runs out) finishes it.
    await h.services.caseImporter.run(id);
    const done = await h.db.one<{ status: string; n: number; distinct_numbers: number }>(sql`
      SELECT i.status, count(c.id)::int AS n, count(DISTINCT c.case_number)::int AS distinct_numbers FROM case_imports i LEFT JOIN cases c ON c.import_id = i.id WHERE i.id = ${id} GROUP BY i.status`);
    expect(done).toEqual({ status: 'done', n: 1201, distinct_numbers: 1201 });
  });

  it('is refused to users without the import permission', async () => {
    const worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    expect((await upload([HEADER, GOOD[0]].join('\n'), worker)).statusCode).toBe(403);
  });
});
