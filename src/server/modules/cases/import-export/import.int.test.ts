import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { signIn, startHarness, type Harness } from '../../../testing/harness.js';

const HEADER = 'child_name,child_name_bn,sex,age_years,upazila_code,concern,risk_level,source,reported_on,legacy_id';
const GOOD = [
  'Sumi Akter,সুমি আক্তার,F,14,554952,Child marriage,high,helpline,2025-08-14,CMS-1',
  'Rakib Hasan,,male,11,554994,violence.child_labour,medium,outreach,2025-09-02,CMS-2',
  'Mim Khatun,,মেয়ে,9,554994,শিশু পাচার,high,police,2025-10-11,CMS-3',
];

describe('legacy case import (CSV, all or nothing)', () => {
  let h: Harness;
  let officer: Record<string, string>;
  const count = async () => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`)).n;
  const upload = (csv: string, headers = officer) =>
    h.app.inject({ method: 'POST', url: '/api/v1/cases/import?filename=legacy.csv', payload: csv, headers: { ...headers, 'content-type': 'text/csv' } });

  beforeAll(async () => {
    h = await startHarness();
    officer = (await signIn(h.app, 'kurigram.officer')).headers;
  });
  afterAll(() => h?.close());

  it('imports nothing when one row is bad, and names the line', async () => {
    const before = await count();
    const bad = [HEADER, GOOD[0], 'Rubel Mia,,male,12,554994,flying carpets,low,outreach,2025-09-03,CMS-9', GOOD[1]].join('\n');
    const res = await upload(bad);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details).toHaveLength(1);
    expect(body.error.details[0]).toMatchObject({ path: 'rows.3.concern', code: 'row_unknown_concern' });
    expect(body.error.details[0].message).toContain('৩'); // the officer works in Bangla: Bangla digits
    expect(await count()).toBe(before);
  });

  it('reports missing and unknown columns before reading rows', async () => {
    const res = await upload(['child_name,sex,agee', 'X,F,3'].join('\n'));
    expect(res.statusCode).toBe(422);
    const codes = res.json().error.details.map((d: { code: string }) => d.code);
    expect(codes).toContain('missing_column');
    expect(codes).toContain('unknown_column');
  });

  it('refuses rows outside the importer\'s area', async () => {
    const res = await upload([HEADER, 'Dipu Das,,male,10,609089,violence.neglect,low,self,2025-01-01,X'].join('\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].code).toBe('row_outside_your_area');
  });

  it('imports a clean file: registration step, the upazila team, sensitive by concern, audited', async () => {
    const before = await count();
    const res = await upload([HEADER, ...GOOD].join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 3);
    const mim = await h.db.one<{ step: string; sensitive: boolean; caseworker: string | null; org: string }>(sql`
      SELECT c.step, c.sensitive, u.username AS caseworker, o.name_en AS org FROM cases c JOIN persons p ON p.id = c.child_id
      LEFT JOIN users u ON u.id = c.caseworker_id JOIN organisations o ON o.id = c.organisation_id WHERE p.display_name = 'Mim Khatun' AND c.reported_on = '2025-10-11'`);
    expect(mim).toMatchObject({ step: 'registration', sensitive: true, caseworker: 'ulipur.caseworker', org: 'Upazila Social Services Office, Ulipur' });
    const audits = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.import' AND diff->'file'->>'after' = 'legacy.csv'`);
    expect(audits.n).toBe(3);
    // The Bangla spelling from the file makes the child findable in either script.
    const found = (await h.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('সুমি আক্তার')}`, headers: officer })).json();
    expect(found.items.some((i: { child: { names: string[] } }) => i.child.names.includes('Sumi Akter'))).toBe(true);
  });

  it('is refused to users without the import permission', async () => {
    const worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    expect((await upload([HEADER, GOOD[0]].join('\n'), worker)).statusCode).toBe(403);
  });
});
