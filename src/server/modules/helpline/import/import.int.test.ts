import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/access/actor.js';
import { cliActor as cli } from '../../../platform/access/permissions.js';
import { loadActor } from '../../../platform/auth/actor-loader.js';
import { SYSTEM_CONTEXT } from '../../../platform/audit/audit.js';
import { sql } from '../../../platform/db/sql.js';
import { signInAll, startHarness, type Harness } from '../../../testing/harness.js';

const HEADER = 'contact_id,received_at,channel,call_type,category,upazila_code,child_sex,child_age';
// Ulipur (Kurigram) and one of its unions.
const ULIPUR = '554994';

describe('helpline historical import: COPY into staging, checked in SQL, all or nothing', () => {
  let h: Harness;
  let union = '';
  beforeAll(async () => {
    h = await startHarness();
    union = (await h.services.geo.unitsAt(4, ULIPUR))[0]!.code;
  });
  afterAll(() => h?.close());

  /** The file in small pieces, as a slow disk or a network stream gives it. */
  const file = (lines: string[], piece = 7) => {
    const bytes = Buffer.from(lines.join('\n'));
    return Readable.from((function* () { for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece); })());
  };
  const run = (lines: string[], actor: Actor = cli()) => h.services.helplineImporter.importFile(actor, { source: file(lines), fileName: 'history.csv' }, SYSTEM_CONTEXT);
  const contacts = async () => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpline_contacts`)).n;

  it('imports a clean file: codes or labels in either language, Bangla digits, several categories, times in the country zone or with an offset', async () => {
    const before = await contacts();
    const weekly = await h.db.one<{ n: number }>(sql`SELECT COALESCE(sum(n), 0)::int AS n FROM helpline_weekly_counts WHERE adm2_code = '5549'`);
    const r = await run([
      `${HEADER},union_code,urgency,summary`,
      `H-1,2024-08-14 10:30,voice,child_self,"Child, early or forced marriage",${ULIPUR},F,14,${union},high,"Her parents fixed a wedding, she said ""please help"""`,
      `H-2,2024-08-15T09:00:00+06:00,এসএমএস,Adult about a child,বাল্যবিবাহ বা জোরপূর্বক বিবাহ|violence.child_labour,${ULIPUR},মেয়ে,১৩,,,`,
      'H-3,2024-08-16 08:00Z,Voice,silent,,,,,,,',
      `H-4,2024-08-17 11:00:00+0600,web_chat,emergency,Violence > Physical violence,${ULIPUR},male,,,immediate,`,
    ]);
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ status: 'done', rows: 4 });
    expect(await contacts()).toBe(before + 4);
    const rows = await h.db.query<{ source_id: string; received_at: Date; channel: string; call_type: string; categories: string[]; geo_code: string | null; adm2_code: string | null; child: { sex: string | null; ageYears: number | null }; agent_id: string | null; status: string; urgency: string | null; summary: string }>(sql`
      SELECT source_id, received_at, channel, call_type, categories, geo_code, adm2_code, child, agent_id, status, urgency, summary FROM helpline_contacts WHERE import_id = ${r.id} ORDER BY source_id`);
    expect(rows.map((x) => x.received_at.toISOString())).toEqual(['2024-08-14T04:30:00.000Z', '2024-08-15T03:00:00.000Z', '2024-08-16T08:00:00.000Z', '2024-08-17T05:00:00.000Z']);
    expect(rows[0]).toMatchObject({ channel: 'voice', call_type: 'child_self', categories: ['violence.child_marriage'], geo_code: union, adm2_code: '5549', child: { sex: 'female', ageYears: 14 }, agent_id: null, status: 'completed', urgency: 'high', summary: 'Her parents fixed a wedding, she said "please help"' });
    expect(rows[1]!.categories.sort()).toEqual(['violence.child_labour', 'violence.child_marriage']);
    expect(rows[1]).toMatchObject({ channel: 'sms', call_type: 'adult_about_child', geo_code: ULIPUR, child: { sex: 'female', ageYears: 13 } });
    expect(rows[2]).toMatchObject({ call_type: 'silent', categories: [], geo_code: null });
    expect(rows[3]).toMatchObject({ call_type: 'emergency', categories: ['violence.physical'], urgency: 'immediate' });
    // The counts were rebuilt with the import: three contacts about a child in Kurigram, four category rows.
    const after = await h.db.one<{ n: number }>(sql`SELECT COALESCE(sum(n), 0)::int AS n FROM helpline_weekly_counts WHERE adm2_code = '5549'`);
    expect(after.n - weekly.n).toBe(4);
    const audit = await h.db.one<{ meta: { contacts: number; sha256: string } }>(sql`SELECT diff->'_meta' AS meta FROM audit_log WHERE action = 'helpline.import.done' AND entity_id = ${r.id}`);
    expect(audit.meta.contacts).toBe(4);
    expect(audit.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpline_import_rows`)).n).toBe(0);
    // A supervisor reads an imported contact through the API: no agent, the file's values.
    const as = await signInAll(h.app, ['helpline.supervisor']);
    const [one] = await h.db.query<{ id: string }>(sql`SELECT id FROM helpline_contacts WHERE source_id = 'H-1'`);
    const read = await h.app.inject({ url: `/api/v1/helpline/contacts/${one!.id}`, headers: as['helpline.supervisor'] });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ agent: null, status: 'completed', callType: 'child_self', categories: ['violence.child_marriage'] });
  });

  it('refuses a file with bad rows whole, naming each line and column, and imports nothing', async () => {
    const before = await contacts();
    const r = await run([
      HEADER,
      `B-1,2024-02-30 10:00,voice,child_self,violence.child_marriage,${ULIPUR},F,14`,
      `B-2,2024-03-01 10:00,fax,child_self,violence.child_marriage,${ULIPUR},F,14`,
      `B-3,2024-03-01 10:00,voice,child_self,Chld marriage,${ULIPUR},F,14`,
      `B-3,2024-03-01 10:00,voice,child_self,Unspecified / other,999999,X,40`,
      `B-5,2099-03-01 10:00,voice,child_self,,,F,14`,
      'H-1,2024-03-01 10:00,voice,silent,,,,',
    ].map((l, i) => (i === 0 ? `${l},summary` : i === 1 ? `${l},"a bell \u0007 in it"` : i === 2 ? `${l},${'x'.repeat(4001)}` : `${l},`)));
    expect(r.status).toBe('rejected');
    const got = r.issues.map((i) => `${String(i.params?.row)} ${String(i.params?.column)} ${i.code}`);
    expect(got).toEqual([
      '2 received_at import_bad_time',
      '2 summary row_unsafe_text',
      '3 channel import_unknown_value',
      '3 summary row_too_long',
      '4 category import_unknown_category',
      '4 contact_id import_duplicate_id',
      '5 category import_ambiguous_category',
      '5 child_age invalid_age',
      '5 child_sex invalid_sex',
      '5 contact_id import_duplicate_id',
      '5 upazila_code unknown_upazila',
      '6 category required',
      '6 received_at import_time_in_future',
      '6 upazila_code required',
      '7 contact_id import_already_imported',
    ]);
    expect(r.issueCount).toBe(15);
    expect(r.issues[2]!.params).toMatchObject({ value: 'fax' });
    expect(r.issues[3]!.params).toMatchObject({ max: 4000 });
    expect(await contacts()).toBe(before);
    const imp = await h.db.one<{ status: string; issue_count: number }>(sql`SELECT status, issue_count FROM helpline_imports WHERE id = ${r.id}`);
    expect(imp).toEqual({ status: 'rejected', issue_count: 15 });
  });

  it('refuses missing and unknown columns, a record COPY cannot read, a file that is not UTF-8, and an empty one', async () => {
    const cols = await run(['contact_id,received_at,chanel', 'x,y,z']);
    expect(cols.issues.map((i) => `${i.code} ${String(i.params?.column)}`)).toEqual(expect.arrayContaining(['missing_column channel', 'unknown_column chanel']));
    const ragged = await run([HEADER, `R-1,2024-03-01 10:00,voice,silent,,,,`, 'R-2,2024-03-01 10:00,voice,silent,,,,,,,extra']);
    expect(ragged.issues).toEqual([expect.objectContaining({ code: 'malformed_row', params: expect.objectContaining({ row: 3 }) })]);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nL-1,2024-03-01 10:00,voice,child_self,Child marriage,${ULIPUR},F,14,`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const notUtf8 = await h.services.helplineImporter.importFile(cli(), { source: Readable.from([latin1]), fileName: 'ansi.csv' }, SYSTEM_CONTEXT);
    expect(notUtf8.issues.map((i) => i.code)).toEqual(['not_utf8']);
    expect((await run([HEADER])).issues.map((i) => i.code)).toEqual(['no_rows']);
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpline_contacts WHERE source_id LIKE 'R-%' OR source_id LIKE 'L-%'`)).n).toBe(0);
  });

  it('lets only a national importer in, and one import at a time', async () => {
    const user = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'kurigram.officer'`);
    const officer = (await loadActor(h.db, user.id, 'session'))!;
    await expect(run([HEADER], officer)).rejects.toMatchObject({ code: 'forbidden' });
    const running = await h.db.one<{ id: string }>(sql`INSERT INTO helpline_imports (file_name, status, organisation_id) SELECT 'other.csv', 'running', id FROM organisations LIMIT 1 RETURNING id`);
    await expect(run([HEADER, 'X-1,2024-03-01 10:00,voice,silent,,,,'])).rejects.toMatchObject({ code: 'conflict', messageId: 'import_running' });
    // A running import that stopped beating is taken for dead, and the next one goes ahead.
    await h.db.query(sql`UPDATE helpline_imports SET heartbeat_at = now() - interval '1 hour' WHERE id = ${running.id}`);
    expect((await run([HEADER, 'X-1,2024-03-01 10:00,voice,silent,,,,'])).status).toBe('done');
  });
});
