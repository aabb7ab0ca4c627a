#!/usr/bin/env node
// `npm run bench`: every bench/*.bench.ts on PGlite, then on a throwaway PostgreSQL server with
// pgbench's ceiling measured in the same run. Each figure is one JSON line on stdout:
// {"name","value","unit","db","scale"}. Run several times and compare medians: machines are noisy.
// Usage: npm run bench [-- <name filter>] ; NCPP_BENCH_DB=pglite|postgres runs one database only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './with-postgres.mjs';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];
const benches = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
// The PGlite runs must not inherit a developer's DATABASE_URL.
const base = { ...process.env };
delete base.DATABASE_URL;
const run = (file, env) => {
  const r = spawnSync(process.execPath, [tsx, path.join(root, 'bench', file)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...base, ...env, LOG_LEVEL: 'silent' } });
  if (r.status !== 0) process.exitCode = 1;
};

// The web app's size does not depend on the database: build once, measure once.
if (!only || 'web'.includes(only)) {
  spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  spawnSync(process.execPath, [path.join(root, 'bench/web-bundle.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
const dbs = process.env.NCPP_BENCH_DB ? [process.env.NCPP_BENCH_DB] : ['pglite', 'postgres'];
if (dbs.includes('pglite')) for (const b of benches) run(b, {});
if (dbs.includes('postgres')) {
  const pg = await startPostgres();
  try {
    run('pgbench.ts', { DATABASE_URL: pg.url });
    for (const b of benches) run(b, { DATABASE_URL: pg.url });
  } finally {
    pg.stop();
  }
}
