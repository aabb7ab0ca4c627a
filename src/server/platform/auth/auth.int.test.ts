import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startHarness, signIn, type Harness } from '../../testing/harness.js';
import { totpCode } from './totp.js';
import { DEMO_ADMIN_TOTP_SECRET } from '../../seed/demo.js';
import { SEND_MAIL_JOB } from './service.js';
import { sql } from '../db/sql.js';

describe('authentication and the API error contract', () => {
  let h: Harness;
  let smtp: SMTPServer;
  const inbox: string[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, _s, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => { inbox.push(data); cb(); });
    } });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as { port: number }).port;
    h = await startHarness({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await h?.close();
    smtp?.close();
  });

  it('signs in with the demo password and returns the role home', async () => {
    const { headers } = await signIn(h.app, 'kurigram.caseworker');
    const s = (await h.app.inject({ url: '/api/v1/auth/session', headers })).json();
    expect(s.state).toBe('signed_in');
    expect(s.me.home).toBe('caseload');
    expect(s.me.roles[0].scopeCode).toBe('554952');
  });

  it('answers 401 without a session, 403 without the permission, 404 for an unknown user id', async () => {
    expect((await h.app.inject({ url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const cw = await signIn(h.app, 'kurigram.caseworker');
    const forbidden = await h.app.inject({ url: '/api/v1/admin/users', headers: cw.headers });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toMatch(/[\u0980-\u09ff]/); // this user works in Bangla
    const officer = await signIn(h.app, 'kurigram.officer');
    expect((await h.app.inject({ url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', headers: officer.headers })).statusCode).toBe(404);
  });

  it('limits a district officer to the users of their district', async () => {
    const officer = await signIn(h.app, 'kurigram.officer');
    const list = (await h.app.inject({ url: '/api/v1/admin/users?limit=200', headers: officer.headers })).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain('ulipur.caseworker');
    expect(names).not.toContain('sunamganj.caseworker');
    expect(names).not.toContain('admin');
  });

  it('refuses a state-changing cookie request without the CSRF token', async () => {
    const { headers } = await signIn(h.app, 'national');
    const res = await h.app.inject({ method: 'PUT', url: '/api/v1/me/lang', payload: { lang: 'bn' }, headers: { cookie: headers.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const ok = await h.app.inject({ method: 'PUT', url: '/api/v1/me/lang', payload: { lang: 'bn' }, headers });
    expect(ok.statusCode).toBe(200);
  });

  it('answers 422 with field details in the caller language and writes nothing', async () => {
    const admin = await signIn(h.app, 'national');
    const res = await h.app.inject({ method: 'PUT', url: '/api/v1/me/lang', payload: { lang: 'fr' }, headers: admin.headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('lang');
  });

  it('locks an account after five wrong passwords, and answers a locked account as it answers a wrong password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'editor', password: 'not-the-password-1' } });
      expect(r.statusCode).toBe(401);
    }
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.here', password: 'not-the-password-1' } });
    const right = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'editor', password: 'Ncpp-Demo-2026' } });
    expect(right.statusCode).toBe(401);
    // Nothing in the answer tells a locked account from an unknown one.
    expect(right.json()).toEqual(wrong.json());
    const refused = await h.db.one<{ action: string; diff: { _meta?: { reason?: string } } }>(sql`
      SELECT action, diff FROM audit_log WHERE entity = 'user' AND entity_id = (SELECT id::text FROM users WHERE username = 'editor') ORDER BY seq DESC LIMIT 1`);
    expect(refused).toMatchObject({ action: 'auth.login_refused', diff: { _meta: { reason: 'locked' } } });
  });

  it('counts twenty parallel wrong passwords and stays locked for the right one', async () => {
    const tries = await Promise.all(Array.from({ length: 20 }, () =>
      h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'moderator', password: 'not-the-password-1' } })));
    expect(tries.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    const row = await h.db.one<{ locked: boolean }>(sql`SELECT locked_until > now() AS locked FROM users WHERE username = 'moderator'`);
    expect(row.locked).toBe(true);
    const right = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'moderator', password: 'Ncpp-Demo-2026' } });
    expect(right.statusCode).toBe(401);
  });

  it('requires the TOTP step for the administrator', async () => {
    const { headers, mfaRequired } = await signIn(h.app, 'admin');
    expect(mfaRequired).toBe(true);
    expect((await h.app.inject({ url: '/api/v1/admin/users', headers })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code: '000000' }, headers })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code: totpCode(DEMO_ADMIN_TOTP_SECRET) }, headers })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/v1/admin/users', headers })).statusCode).toBe(200);
  });

  it('authenticates API tokens and stops accepting them once revoked', async () => {
    const { headers } = await signIn(h.app, 'national');
    const created = (await h.app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'dashboard sync' }, headers })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await h.app.inject({ url: '/api/v1/admin/users?limit=1', headers: bearer })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${created.id}`, headers })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/v1/admin/users?limit=1', headers: bearer })).statusCode).toBe(401);
  });

  it('resets a password through a single-use link sent over SMTP', async () => {
    const req = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { login: 'moderator@ncpp.localhost' } });
    expect(req.statusCode).toBe(202);
    // Unknown addresses get the same answer: nothing to learn about accounts.
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { login: 'nobody@example.org' } })).statusCode).toBe(202);
    await h.services.jobs.start(true);
    for (let i = 0; i < 50 && inbox.length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(inbox.length).toBe(1);
    const mail = inbox[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail)?.[1];
    expect(token).toBeTruthy();
    const weak = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: decodeURIComponent(token!), password: 'short' } });
    expect(weak.statusCode).toBe(422);
    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: decodeURIComponent(token!), password: 'A-new-passphrase-42' } });
    expect(ok.statusCode).toBe(200);
    const reused = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: decodeURIComponent(token!), password: 'Another-passphrase-43' } });
    expect(reused.statusCode).toBe(422);
    await signIn(h.app, 'moderator', 'A-new-passphrase-42');
    expect(SEND_MAIL_JOB).toBe('mail.send');
  });
});

describe('demo accounts on a production system', () => {
  it('refuses the demo password when NODE_ENV=production', async () => {
    const h = await startHarness({ env: { NODE_ENV: 'production', NCPP_SECRET_KEY: 'a'.repeat(64) } });
    try {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'national', password: 'Ncpp-Demo-2026' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('Demo accounts');
    } finally {
      await h.close();
    }
  });
});
