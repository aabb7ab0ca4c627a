// Login and an authenticated, scope-filtered API read under 20 concurrent clients.
// Run by `npm run bench` on PGlite and (with DATABASE_URL) on a PostgreSQL server.
import { emit, load, startApp } from './lib.js';

const app = await startApp();
const db = app.dbKind;
const scale = 'demo';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
try {
  const login = await load({
    url: `${app.url}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'national', password: 'Ncpp-Demo-2026' }),
    duration,
  });
  if (login.non2xx || login.errors) throw new Error(`login: ${login.non2xx} non-2xx, ${login.errors} errors`);
  emit({ name: 'login_p95_ms', value: login.p95, unit: 'ms', db, scale });
  emit({ name: 'login_rps', value: login.rps, unit: 'req/s', db, scale });

  const signIn = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kurigram.officer', password: 'Ncpp-Demo-2026' }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const read = await load({ url: `${app.url}/api/v1/admin/users?limit=20`, headers: { cookie }, duration });
  if (read.non2xx || read.errors) throw new Error(`read: ${read.non2xx} non-2xx, ${read.errors} errors`);
  emit({ name: 'scoped_read_p95_ms', value: read.p95, unit: 'ms', db, scale });
  emit({ name: 'scoped_read_rps', value: read.rps, unit: 'req/s', db, scale });
} finally {
  await app.close();
}
