import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { translate } from '../../../../shared/i18n/index.js';
import { registerCase, signIn, startHarness, type Harness } from '../../../testing/harness.js';

describe('case exports and the printable case file', () => {
  let h: Harness;
  let officer: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness();
    officer = (await signIn(h.app, 'kurigram.officer')).headers;
  });
  afterAll(() => h?.close());

  const exportAs = (headers: Record<string, string>, body: Record<string, unknown>) => h.app.inject({ method: 'POST', url: '/api/v1/cases/export', headers, payload: body });

  it('exports what the officer may see as XLSX, with the purpose in the audit trail', async () => {
    const visible = (await h.app.inject({ url: '/api/v1/cases?limit=1&status=open', headers: officer })).json().total;
    const res = await exportAs(officer, { format: 'xlsx', purpose: 'Monthly district case review meeting', filters: { status: 'open' } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(visible);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('কেস নম্বর'); // the officer works in Bangla
    const audit = await h.db.one<{ diff: { _meta: { purpose: string; rows: number } } }>(sql`SELECT diff FROM audit_log WHERE action = 'export.cases' ORDER BY seq DESC LIMIT 1`);
    expect(audit.diff._meta).toMatchObject({ purpose: 'Monthly district case review meeting', rows: visible });
  });

  it('exports CSV with a BOM, only inside scope', async () => {
    const res = await exportAs(officer, { format: 'csv', purpose: 'Check of the Kurigram caseload' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = res.body.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('BD-5549-'))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula (a name imported from an old system)', async () => {
    const csv = ['child_name,sex,age_years,upazila_code,concern,risk_level,source,reported_on', '"=HYPERLINK(""http://evil.example"",""x"")",F,9,554994,violence.neglect,low,outreach,2025-02-03', '@SUM(A1),M,8,554994,violence.neglect,low,outreach,2025-02-03'].join('\n');
    const started = await h.app.inject({ method: 'POST', url: '/api/v1/cases/imports?filename=formula.csv', payload: csv, headers: { ...officer, 'content-type': 'text/csv' } });
    await h.services.caseImporter.run(started.json().id);
    const res = await exportAs(officer, { format: 'csv', purpose: 'Check of the Kurigram caseload' });
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(res.body).toContain(`'@SUM(A1)`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(res.body).not.toMatch(/(^|,)"?@SUM/m);
  });

  it('refuses an export without a purpose, or without the permission', async () => {
    expect((await exportAs(officer, { format: 'csv', purpose: 'x' })).statusCode).toBe(422);
    const worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    expect((await exportAs(worker, { format: 'csv', purpose: 'I would like all the cases' })).statusCode).toBe(403);
  });

  it('prints a case file in the reader\'s language, audited as a read', async () => {
    const id = (await h.app.inject({ url: '/api/v1/cases?limit=1', headers: officer })).json().items[0].id;
    const res = await h.app.inject({ url: `/api/v1/cases/${id}/print`, headers: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('গোপনীয়');
    expect(res.body).toMatch(/BD-5549-\d{4}-\d{6}/);
    expect(res.body).not.toContain('<script');
    const reads = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.read' AND entity_id = ${id}`);
    expect(reads.n).toBeGreaterThan(0);
  });
  it('prints the whole file: every saved form as a readable record, family, consent, referrals and notes', async () => {
    const worker = (await signIn(h.app, 'kurigram.caseworker')).headers;
    const id = await registerCase(h.app, worker, { names: ['মিম আক্তার', 'Mim Akter'], sex: 'female', ageYears: 14, concerns: ['violence.child_labour'] });
    const post = (url: string, payload: Record<string, unknown>) => h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}${url}`, headers: worker, payload });
    expect((await post('/steps/initial_assessment', { data: { immediateSafety: 'at_risk', findings: 'Works <b>twelve</b> hours in a garment shop.', riskLevel: 'high' } })).statusCode).toBe(200);
    expect((await post('/steps/comprehensive_assessment', { data: { safety: 'Long hours, locked in', needs: ['Leave the shop', 'Return to class 7'] } })).statusCode).toBe(200);
    expect((await post('/family', { name: 'Rahima Begum', relationship: 'mother', isCaregiver: true, livesWithChild: true })).statusCode).toBe(201);
    expect((await post('/consents', { purpose: 'referral', givenBy: 'parent', giverName: 'Rahima Begum', childAssent: true, givenOn: '2026-11-02' })).statusCode).toBe(201);
    const service = await h.db.one<{ id: string; name_en: string }>(sql`SELECT id, name_en FROM services ORDER BY name_en LIMIT 1`);
    expect((await post('/referrals', { serviceId: service.id, reason: 'Needs a school place near home' })).statusCode).toBe(201);
    expect((await post('/notes', { body: 'Met the shop owner with the labour inspector.' })).statusCode).toBe(201);

    // The caseworker works in Bangla: labels and choices in Bangla, what was written as written.
    const page = (await h.app.inject({ url: `/api/v1/cases/${id}/print`, headers: worker })).body;
    const bn = (key: string) => translate('bn', key);
    for (const shown of [bn('web.sop.fields.immediateSafety'), bn('web.sop.safety.at_risk'), 'Works &lt;b&gt;twelve&lt;/b&gt; hours in a garment shop.', bn('web.sop.fields.needsRead'),
      'Leave the shop<br>Return to class 7', bn('web.family.title'), 'Rahima Begum', bn('web.family.relationships.mother'), bn('web.consent.purposes.referral'), bn('web.consent.assent'),
      bn('web.referrals.title'), 'Needs a school place near home', bn('web.notes.title'), 'Met the shop owner with the labour inspector.']) expect(page, shown).toContain(shown);
    // Readable records, not the stored JSON.
    expect(page).not.toContain('immediateSafety');
    expect(page).not.toContain('{&quot;');
  });
});
