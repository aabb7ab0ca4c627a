import { createServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { sql } from '../db/sql.js';
import { startHarness, type Harness } from '../../testing/harness.js';

// People at the local identity provider: subject -> email (verified).
const PEOPLE: Record<string, string> = { 'nothi-001': 'national@ncpp.localhost', 'nothi-404': 'stranger@example.org' };

/** A browser's cookie jar and redirect following, for one host, enough for the dev login forms. */
function browserFor(base: string) {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, base), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = (pair ?? '').split('=');
      if (k) jar.set(k.trim(), v.join('='));
    }
    return res;
  };
  return send;
}

describe('sign-in through an OpenID Connect provider', () => {
  let h: Harness;
  let idp: Server;
  let issuer: string;

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    issuer = `http://127.0.0.1:${port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'ncpp', client_secret: 'ncpp-test-secret', redirect_uris: ['http://localhost:3000/api/v1/auth/oidc/callback'], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { email: ['email', 'email_verified'] },
      findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, email: PEOPLE[id], email_verified: true }) }),
      pkce: { required: () => true },
    });
    provider.on('server_error', (_ctx: unknown, err: Error) => console.error('oidc-provider:', err));
    idp = provider.listen(port, '127.0.0.1') as Server;
    await new Promise((r) => idp.once('listening', r));
    h = await startHarness({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'ncpp', OIDC_CLIENT_SECRET: 'ncpp-test-secret', NCPP_PUBLIC_URL: 'http://localhost:3000' } });
  });
  afterAll(async () => {
    await h?.close();
    idp?.close();
  });

  async function signInAt(login: string) {
    const start = await h.app.inject({ url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const state = start.cookies.find((c) => c.name === 'ncpp_oidc')?.value;
    const go = browserFor(issuer);
    let res = await go(String(start.headers.location));
    // Follow the provider's interactions: log in, then consent, until it redirects back to NCPP.
    for (let hops = 0; hops < 12; hops++) {
      const location = res.headers.get('location');
      if (location?.startsWith('http://localhost:3000/')) {
        return h.app.inject({ url: location.replace('http://localhost:3000', ''), headers: { cookie: `ncpp_oidc=${state}` } });
      }
      if (location) {
        res = await go(location);
        continue;
      }
      const html = await res.text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form at the provider: ${html.slice(0, 300)}`);
      // The provider's own forms say which step this is in a hidden "prompt" field.
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'consent';
      const body = prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'any' }) : new URLSearchParams({ prompt });
      res = await go(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    throw new Error('the provider never redirected back');
  }

  it('advertises the provider to the login page', async () => {
    expect((await h.app.inject({ url: '/api/v1/auth/providers' })).json()).toEqual({ oidc: true });
  });

  it('signs a known person in and links the account by verified email', async () => {
    const back = await signInAt('nothi-001');
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/');
    const sid = back.cookies.find((c) => c.name === 'ncpp_sid')?.value;
    const session = (await h.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `ncpp_sid=${sid}` } })).json();
    expect(session.me.username).toBe('national');
    const linked = await h.db.one<{ oidc_subject: string }>(sql`SELECT oidc_subject FROM users WHERE username = 'national'`);
    expect(linked.oidc_subject).toBe(`${issuer}|nothi-001`);
    expect(await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'user.oidc_linked'`)).toBeTruthy();
  });

  it('refuses a person with no account here, and audits it', async () => {
    const back = await signInAt('nothi-404');
    expect(back.headers.location).toBe('/login?error=oidc_no_account');
    expect(back.cookies.find((c) => c.name === 'ncpp_sid')).toBeUndefined();
  });

  it('refuses a callback without its state cookie', async () => {
    const res = await h.app.inject({ url: '/api/v1/auth/oidc/callback?code=forged&state=forged' });
    expect(res.headers.location).toBe('/login?error=oidc_failed');
  });
});
