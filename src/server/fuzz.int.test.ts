import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness } from './testing/harness.js';

type Schema = { type?: string; properties?: Record<string, Schema>; format?: string };
type Operation = { parameters?: Array<{ name: string; in: 'path' | 'query' }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };

// What the field trial's fuzzer sent: NUL, unpaired surrogates, dates that match the format
// but do not exist, a date of birth in the future, and the usual oversize and junk values.
const TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '2026-02-30', '2099-01-01', '', 'x'.repeat(20_000), '-1', '1e309', "'; DROP TABLE cases; --", '../../etc/passwd'];
// In a URL the same, percent-encoded (an unpaired surrogate has no UTF-8: its CESU-8 bytes).
const URL_TEXT = ['%00', 'a%00b', '%ED%A0%80', '2026-02-30', '', 'x'.repeat(3000), '%', '..%2F..%2Fetc'];
const ANY = [null, 0, -1, 1e308, true, [], {}, ['\u0000'], { '\u0000': 1 }];

describe('the fuzz cases of the field trial, over every operation of the OpenAPI document', () => {
  let h: Harness;
  let operations: Array<{ method: string; path: string; op: Operation }>;
  const auths: Array<Record<string, string>> = [{}];
  beforeAll(async () => {
    h = await startHarness();
    const session = await signIn(h.app, 'national');
    const token = (await h.app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'fuzz' }, headers: session.headers })).json<{ token: string }>().token;
    auths.push(session.headers, { authorization: `Bearer ${token}` });
    const doc = (await h.app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })))
      // Signing out would end the session the other requests use; it is fuzzed last, below.
      .filter((o) => o.path !== '/api/v1/auth/logout');
  });
  afterAll(() => h?.close());

  it('answers no 5xx to any of them, signed in or not, by session or by token', async () => {
    expect(operations.length).toBeGreaterThan(70);
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
      sent++;
      const res = await h.app.inject({ method: method as 'POST', url, headers: { ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}) });
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${method} ${url} ${JSON.stringify(payload)?.slice(0, 120) ?? ''} ${res.body.slice(0, 200)}`);
    };
    for (const { method, path, op } of operations) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const fill = (value: string) => path.replace(/\{(\w+)\}/g, () => value);
      const valid = fill('00000000-0000-4000-8000-000000000000');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      for (const headers of auths) {
        for (const v of URL_TEXT) {
          if (pathParams.length) await send(method, fill(v), headers, bodySchema ? {} : undefined);
          for (const q of queryParams) await send(method, `${valid}?${q}=${v}`, headers, bodySchema ? {} : undefined);
        }
        if (!bodySchema) continue;
        const fields = Object.keys(bodySchema.properties ?? {});
        for (const v of [...TEXT, ...ANY]) {
          await send(method, valid, headers, v);
          await send(method, valid, headers, Object.fromEntries(fields.map((f) => [f, v])));
          for (const f of fields) await send(method, valid, headers, { [f]: v });
        }
      }
    }
    const logout = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auths[2] });
    expect(logout.statusCode).toBe(403);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(5000);
  });

  it('refuses such text with a 422 that names the field, in the caller language', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'national\u0000', password: 'x' }, headers: { 'accept-language': 'bn' }, remoteAddress: '10.98.0.1' });
    expect(login.statusCode).toBe(422);
    expect(login.json().error.details).toEqual([expect.objectContaining({ path: 'username', code: 'unsafe_text' })]);
    expect(login.json().error.details[0].message).toMatch(/[\u0980-\u09ff]/);
    expect((await h.app.inject({ url: '/api/v1/geo/search?q=a%00b' })).statusCode).toBe(422);
    // Signed in from an address of its own: the fuzz above spends the shared one's login allowance.
    const signedIn = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kurigram.caseworker', password: 'Ncpp-Demo-2026' }, remoteAddress: '10.98.0.2' });
    const headers = { cookie: `ncpp_sid=${signedIn.cookies.find((c) => c.name === 'ncpp_sid')?.value}`, 'x-csrf-token': signedIn.json().csrfToken };
    const future = await h.app.inject({
      method: 'POST', url: '/api/v1/cases', headers,
      payload: { child: { names: [{ text: 'Future Child' }], sex: 'female', dateOfBirth: '2048-01-01', geoCode: '554952' }, concerns: ['violence.neglect'], riskLevel: 'low', source: 'outreach', reportedOn: '2026-02-30' },
    });
    expect(future.statusCode).toBe(422);
    const paths = future.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['child.dateOfBirth', 'reportedOn']));
  });
});
