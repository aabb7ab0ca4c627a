import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type autocannon from 'autocannon';
import { loadConfig } from '../src/server/platform/config.js';
import { openDatabase } from '../src/server/platform/db/open.js';
import { buildApp, createServices } from '../src/server/app.js';
import { prepareAsOwner } from '../src/server/bootstrap.js';
import { DEMO_PASSWORD, isSeeded, seedDemo } from '../src/server/seed/demo.js';
import { seedNational } from '../src/server/seed/national.js';
import { SYSTEM_CONTEXT } from '../src/server/platform/audit/audit.js';
import type { Database } from '../src/server/platform/db/database.js';

export type Figure = { name: string; value: number; unit: string; db: string; scale: string };

/** One JSON line per figure: the format `npm run bench` promises. */
export function emit(f: Figure) {
  console.log(JSON.stringify({ ...f, value: Math.round(f.value * 100) / 100 }));
}

/** The app on a fresh database (PGlite in a temp folder, or DATABASE_URL), seeded, listening. */
export async function startApp(options: { nationalCases?: number; counts?: Record<string, number> } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-bench-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', NCPP_DATA_DIR: dataDir, PORT: '0', NCPP_LOGIN_RATE_LIMIT: '1000000' });
  if (config.databaseUrl) {
    const owner = await openDatabase(config, { command: 'bench', asOwner: true });
    await owner.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS pgboss CASCADE;');
    await owner.close();
  }
  const db = await openDatabase(config, { command: 'bench' });
  await prepareAsOwner(db, config, (d) => createServices(config, d));
  const services = createServices(config, db);
  const seed = async (target: Database) => {
    const seeding = target === db ? services : createServices(config, target);
    await seedDemo(seeding);
    if (options.nationalCases || options.counts) await seedNational(seeding, { cases: options.nationalCases ?? 0, users: 15_000, ...options.counts }, SYSTEM_CONTEXT);
  };
  if (!(await isSeeded(db))) {
    if (db.kind === 'postgres') {
      const owner = await openDatabase(config, { command: 'bench', asOwner: true });
      await seed(owner);
      await owner.close();
    } else await seed(db);
  }
  await services.jobs.start(true);
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** Signs a demo user in; returns the cookie and CSRF headers for load requests. */
    async session(username: string) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      const body = (await res.json()) as { csrfToken: string };
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': body.csrfToken };
    },
    dbKind: db.kind,
    /** The running services, for benches that load data the way the console does. */
    services,
    /** VACUUM (ANALYZE) of these tables, as the database owner (the application role may not). */
    async maintain(tables: string[]) {
      const owner = db.kind === 'postgres' ? await openDatabase(config, { command: 'bench', asOwner: true }) : db;
      try {
        for (const t of tables) await owner.exec(`VACUUM (ANALYZE) ${t}`);
      } finally {
        if (owner !== db) await owner.close();
      }
    },
    async close() {
      await app.close();
      await services.jobs.stop();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type LoadResult = { p50: number; p95: number; p99: number; rps: number; errors: number; non2xx: number; requests: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Fixed-duration load from `connections` concurrent clients on loopback (autocannon, in a child
 * process so it does not share the server's event loop). Every response time is kept, so p95
 * is exact rather than read off a coarse histogram.
 */
export async function load(opts: autocannon.Options & { clients?: Array<Partial<autocannon.Options>> }): Promise<LoadResult> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'load-generator.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(opts));
  let out = '';
  for await (const chunk of child.stdout) out += chunk;
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const r = JSON.parse(out) as { times: number[]; rps: number; errors: number; non2xx: number };
  return { p50: percentile(r.times, 50), p95: percentile(r.times, 95), p99: percentile(r.times, 99), rps: r.rps, errors: r.errors, non2xx: r.non2xx, requests: r.times.length };
}
