#!/usr/bin/env node
// `npm run bench`: every bench/*.bench.ts on PGlite, then on a throwaway PostgreSQL server with
// pgbench's ceiling measured in the same run. Each figure is one JSON line on stdout:
// {"name","value","unit","db","scale"}. Run several times and compare medians: machines are noisy.
// Usage: npm run bench [-- <name filter>]
//   BENCH_RUNS (default 3): each benchmark runs this many times on a fresh database; after the
//     runs' own lines come one line per figure with the median, marked "stat":"median".
//   BENCH_SECONDS (default 10): load duration of each measurement.
//   NCPP_BENCH_DB=pglite|postgres: one database only.
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
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** Every figure printed, by name, database and scale: the medians are taken over these. */
const figures = new Map();
const run = (file, env) => {
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [tsx, path.join(root, 'bench', file)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...base, ...env, LOG_LEVEL: 'silent' } });
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      process.stdout.write(`${line}\n`);
      try {
        const f = JSON.parse(line);
        const key = JSON.stringify([f.name, f.db, f.scale]);
        figures.set(key, { ...f, values: [...(figures.get(key)?.values ?? []), f.value] });
      } catch {
        // Not a figure line: printed above as it came.
      }
    }
    if (r.status !== 0) process.exitCode = 1;
  }
};
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// The web app's size does not depend on the database: build once, measure once.
if (!only || 'web'.includes(only)) {
  spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  spawnSync(process.execPath, [path.join(root, 'bench/web-bundle.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
const dbs = process.env.NCPP_BENCH_DB ? [process.env.NCPP_BENCH_DB] : ['pglite', 'postgres'];
if (dbs.includes('pglite')) for (const b of benches) run(b, {});
if (dbs.includes('postgres')) {
  // Durable settings, as in production: every commit waits for its WAL to reach the disk.
  const pg = await startPostgres({ durable: true });
  try {
    run('pgbench.ts', { DATABASE_URL: pg.url });
    for (const b of benches) run(b, { DATABASE_URL: pg.url });
  } finally {
    pg.stop();
  }
}

if (runs > 1) {
  for (const f of figures.values()) {
    const { values, ...figure } = f;
    console.log(JSON.stringify({ ...figure, value: Math.round(median(values) * 100) / 100, stat: 'median', runs: values.length }));
  }
}
