import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOTP_SECRET } from '../../seed/demo.js';
import { appOn, registerCase, signIn, startHarness, type Harness } from '../../testing/harness.js';
import { databaseUrl, onServer } from '../../testing/template.js';
import { totpCode } from '../auth/totp.js';
import { loadConfig } from '../config.js';
import { backup, restore } from './backup.js';

const PASSPHRASE = 'Haor wetlands 2026 backup';

describe('a backup restored into an empty place', () => {
  let h: Harness;
  let work: string;
  let caseId: string;
  let attachmentId: string;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(2000)]);
  beforeAll(async () => {
    h = await startHarness();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-restore-test-'));
    const { headers } = await signIn(h.app, 'kurigram.caseworker');
    caseId = await registerCase(h.app, headers, { names: ['Shapla Khatun'], sex: 'female', ageYears: 12 });
    const up = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments?filename=report.pdf`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: pdf });
    expect(up.statusCode, up.body).toBe(201);
    attachmentId = up.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves the attachments and lets the administrator through two-factor', async () => {
    const file = path.join(work, 'ncpp.backup');
    const manifest = await backup(h.db, h.services.config, h.services.secretKey, file, { passphrase: PASSPHRASE });
    expect(manifest).toMatchObject({ key: 'sealed', files: 1 });

    // An empty data folder (no key, no files) and, on a server, an empty database.
    const dataDir = path.join(work, 'restored');
    let env: Record<string, string> = { ...process.env as Record<string, string>, NODE_ENV: 'test', NCPP_DATA_DIR: dataDir };
    let dropDatabase = async () => undefined as unknown;
    if (h.services.config.databaseUrl) {
      const name = `ncpp_r_${crypto.randomUUID().replace(/-/g, '')}`;
      await onServer(h.services.config, `CREATE DATABASE ${name}`);
      env = { ...env, DATABASE_URL: databaseUrl(h.services.config.databaseUrl, name) };
      dropDatabase = () => onServer(h.services.config, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const config = loadConfig(env);
    await expect(restore(config, file, { force: false, passphrase: 'a wrong passphrase here' })).rejects.toThrow(/passphrase is not correct/);
    expect(await restore(config, file, { force: false, passphrase: PASSPHRASE })).toEqual({ files: 1, key: 'restored' });

    const restored = await appOn(config);
    try {
      const { headers } = await signIn(restored.app, 'kurigram.caseworker');
      const got = await restored.app.inject({ url: `/api/v1/cases/${caseId}/attachments/${attachmentId}`, headers });
      expect(got.statusCode).toBe(200);
      expect(Buffer.compare(got.rawPayload, pdf)).toBe(0);
      const admin = await signIn(restored.app, 'admin');
      const mfa = await restored.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code: totpCode(DEMO_ADMIN_TOTP_SECRET) }, headers: admin.headers });
      expect(mfa.statusCode).toBe(200);
      expect((await restored.app.inject({ url: '/api/v1/admin/users?limit=1', headers: admin.headers })).statusCode).toBe(200);
    } finally {
      await restored.close();
      await dropDatabase();
    }
  });
});
