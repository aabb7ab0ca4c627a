import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { registerCase, signInAll, startHarness, type Harness, type Headers } from '../../../testing/harness.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Medical report: below-knee amputation, healed. Secret marker XYZZY-1098.\n'), Buffer.from('%%EOF\n')]);

describe('case notes and encrypted attachments', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness();
    as = await signInAll(h.app, ['kurigram.caseworker', 'kurigram.supervisor', 'ulipur.caseworker']);
    caseId = await registerCase(h.app, as['kurigram.caseworker']!, { names: ['Jewel Rana'], sex: 'male', ageYears: 12, concerns: ['violence.physical'] });
  });
  afterAll(() => h?.close());

  const upload = (who: string, name: string, body: Buffer) =>
    h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments?filename=${encodeURIComponent(name)}`, headers: { ...as[who], 'content-type': 'application/octet-stream' }, payload: body });

  it('stores an attachment encrypted, and serves it back intact with an audit row', async () => {
    const res = await upload('kurigram.caseworker', 'medical-report.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const key = (await h.db.one<{ storage_key: string }>(sql`SELECT storage_key FROM case_attachments WHERE id = ${id}`)).storage_key;
    const onDisk = fs.readFileSync(path.join(h.services.config.filesDir, key.slice(0, 2), key));
    expect(onDisk.includes(Buffer.from('XYZZY-1098'))).toBe(false);
    const down = await h.app.inject({ url: `/api/v1/cases/${caseId}/attachments/${id}`, headers: as['kurigram.supervisor'] });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['content-disposition']).toContain('medical-report.pdf');
    const audit = await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'case.attachment_download' AND entity_id = ${caseId}`);
    expect(audit).toBeTruthy();
  });

  it('refuses files whose content is not what the name says, empty files and files over 10 MB', async () => {
    const fake = await upload('kurigram.caseworker', 'report.pdf', Buffer.from('MZ\x90\x00 this is a Windows program'));
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error.details[0].code).toBe('file_type');
    expect((await upload('kurigram.caseworker', 'empty.txt', Buffer.alloc(0))).statusCode).toBe(422);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const tooBig = await upload('kurigram.caseworker', 'big.pdf', big);
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.details[0].code).toBe('file_too_large');
  });

  it('keeps files and notes from people who may not see the case', async () => {
    const { id } = (await upload('kurigram.caseworker', 'photo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]))).json();
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}/attachments/${id}`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
    expect((await upload('ulipur.caseworker', 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/v1/cases/${caseId}/notes`, headers: as['ulipur.caseworker'] })).statusCode).toBe(404);
  });

  it('adds notes that everyone on the case can read', async () => {
    const add = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/notes`, headers: as['kurigram.caseworker'], payload: { body: 'Met the mother at the char school; she agrees to the plan.' } });
    expect(add.statusCode).toBe(201);
    const list = (await h.app.inject({ url: `/api/v1/cases/${caseId}/notes`, headers: as['kurigram.supervisor'] })).json();
    expect(list.notes[0].body).toContain('char school');
    expect(list.attachments.length).toBeGreaterThanOrEqual(2);
  });
});
