import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { totpCode } from '../../platform/auth/totp.js';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS } from '../../seed/demo.js';
import { signIn, startHarness, type Harness } from '../../testing/harness.js';

type Headers = Record<string, string>;

describe('administration: organisations, users, roles and scopes', () => {
  let h: Harness;
  let admin: Headers;
  const as: Record<string, Headers> = {};
  const idOf = async (username: string) => (await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`)).id;

  beforeAll(async () => {
    h = await startHarness();
    const s = await signIn(h.app, 'admin');
    await h.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code: totpCode(DEMO_ADMIN_TOTP_SECRET) }, headers: s.headers });
    admin = s.headers;
    for (const l of DEMO_LOGINS.filter((d) => d.role !== 'system_admin')) as[l.username] = (await signIn(h.app, l.username)).headers;
  });
  afterAll(() => h?.close());

  // Who may reach what: every demo role against every admin endpoint.
  const MATRIX: Array<[string, string, number]> = [
    ['GET', '/api/v1/admin/users', 403],
    ['GET', '/api/v1/admin/organisations', 403],
    ['GET', '/api/v1/admin/roles', 403],
    ['GET', '/api/v1/admin/audit', 403],
    ['GET', '/api/v1/admin/jobs', 403],
  ];
  const ALLOWED: Record<string, string[]> = {
    national: ['/api/v1/admin/users', '/api/v1/admin/organisations', '/api/v1/admin/roles', '/api/v1/admin/audit'],
    'kurigram.officer': ['/api/v1/admin/users', '/api/v1/admin/organisations', '/api/v1/admin/roles'],
  };
  it.each(DEMO_LOGINS.filter((d) => d.role !== 'system_admin').map((d) => d.username))('access matrix for %s', async (username) => {
    for (const [method, url, denied] of MATRIX) {
      const res = await h.app.inject({ method: method as 'GET', url, headers: as[username] });
      const expected = ALLOWED[username]?.includes(url) ? 200 : denied;
      expect(res.statusCode, `${username} ${url}`).toBe(expected);
    }
  });

  it('the administrator reaches every admin endpoint', async () => {
    for (const [, url] of MATRIX) expect((await h.app.inject({ url, headers: admin })).statusCode, url).toBe(200);
  });

  it('creates a user with a scoped role, audits it, and refuses a duplicate with 409', async () => {
    const org = await h.db.one<{ id: string }>(sql`SELECT id FROM organisations WHERE name_en = 'Upazila Social Services Office, Ulipur'`);
    const payload = { username: 'ulipur.caseworker2', fullName: 'Shirin Sultana', email: 'shirin@example.org', organisationId: org.id, lang: 'bn', password: 'Char-river-2026!', roles: [{ role: 'caseworker', scopeLevel: 3, scopeCode: '554994' }] };
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload, headers: admin });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user.roles).toEqual([{ role: 'caseworker', scopeLevel: 3, scopeCode: '554994', scopeName: 'Ulipur' }]);
    const audit = await h.db.one<{ diff: Record<string, unknown> }>(sql`SELECT diff FROM audit_log WHERE action = 'user.create' AND entity_id = ${user.id}`);
    expect(JSON.stringify(audit.diff)).not.toContain('Char-river-2026!');
    const again = await h.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload, headers: admin });
    expect(again.statusCode).toBe(409);
    await signIn(h.app, 'ulipur.caseworker2', 'Char-river-2026!');
  });

  it('answers 422 with every bad field, in Bangla for a Bangla user, and writes nothing', async () => {
    const before = await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload: { username: 'x', fullName: '', organisationId: 'nope', password: 'a' }, headers: { ...admin, 'accept-language': 'bn' } });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['fullName', 'organisationId', 'username']);
    const bnOfficer = await h.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${await idOf('ulipur.caseworker')}/roles`, payload: { roles: [{ role: 'caseworker', scopeLevel: 9, scopeCode: null }] }, headers: as['kurigram.officer'] });
    expect(bnOfficer.statusCode).toBe(422);
    expect(bnOfficer.json().error.details[0].message).toMatch(/[\u0980-\u09ff]/);
    expect((await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`)).n).toBe(before.n);
  });

  it('a user outside the reader\'s scope answers 404 and the attempt is audited', async () => {
    const target = await idOf('sunamganj.caseworker');
    const res = await h.app.inject({ url: `/api/v1/admin/users/${target}`, headers: as['kurigram.officer'] });
    expect(res.statusCode).toBe(404);
    const row = await h.db.maybeOne<{ actor_user_id: string }>(sql`SELECT actor_user_id FROM audit_log WHERE action = 'access.denied_read' AND entity_id = ${target}`);
    expect(row?.actor_user_id).toBe(await idOf('kurigram.officer'));
    const inside = await h.app.inject({ url: `/api/v1/admin/users/${await idOf('ulipur.caseworker')}`, headers: as['kurigram.officer'] });
    expect(inside.statusCode).toBe(200);
    expect(inside.json().allowedActions).toEqual([]); // may read, may not manage
  });

  it('refuses to grant a role the granter does not hold or outside their scope', async () => {
    const target = await idOf('ulipur.caseworker');
    const res = await h.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${target}/roles`, payload: { roles: [{ role: 'caseworker', scopeLevel: 3, scopeCode: '999999' }] }, headers: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ path: 'roles.0.scopeCode', code: 'unknown_unit' });
  });

  it('changes role permissions as data, audited, and refuses unknown permissions', async () => {
    const bad = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/roles/caseworker', payload: { permissions: ['cases.fly'] }, headers: admin });
    expect(bad.statusCode).toBe(422);
    const ok = await h.app.inject({ method: 'PUT', url: '/api/v1/admin/roles/district_officer', payload: { permissions: ['admin.users.read', 'admin.audit.read'] }, headers: admin });
    expect(ok.statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/v1/admin/audit', headers: as['kurigram.officer'] })).statusCode).toBe(200);
    const audit = await h.db.maybeOne(sql`SELECT 1 AS x FROM audit_log WHERE action = 'role.permissions_change' AND entity_id = 'district_officer'`);
    expect(audit).toBeTruthy();
  });

  it('disabling a user ends their sessions at once', async () => {
    const s = await signIn(h.app, 'helpline.supervisor');
    expect((await h.app.inject({ url: '/api/v1/auth/session', headers: s.headers })).json().state).toBe('signed_in');
    const res = await h.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${await idOf('helpline.supervisor')}`, payload: { isActive: false }, headers: admin });
    expect(res.statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/v1/auth/session', headers: s.headers })).json().state).toBe('anonymous');
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'helpline.supervisor', password: 'Ncpp-Demo-2026' } })).statusCode).toBe(401);
  });

  it('creates an organisation placed in a unit and derives its scope codes', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/admin/organisations', payload: { nameEn: 'Chilmari Char Children Forum', nameLocal: 'চিলমারী চর শিশু ফোরাম', type: 'cbo', geoCode: '554909' }, headers: admin });
    expect(res.statusCode).toBe(201);
    const row = await h.db.one<{ adm2_code: string }>(sql`SELECT adm2_code FROM organisations WHERE id = ${res.json().id}`);
    expect(row.adm2_code).toBe('5549');
  });

  it('publishes the OpenAPI document', async () => {
    const res = await h.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/v1/admin/users');
  });
});
