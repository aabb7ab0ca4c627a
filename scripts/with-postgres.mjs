#!/usr/bin/env node
// Runs a command against a throwaway PostgreSQL server: initdb into a temporary folder (as a
// non-root user, since PostgreSQL refuses to run as root), start it on a free loopback port,
// run the command with DATABASE_URL set, then stop the server and delete the folder.
// Usage: node scripts/with-postgres.mjs <command> [args...]
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBin(name) {
  const roots = ['/usr/lib/postgresql'];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  throw new Error(`PostgreSQL's ${name} was not found. Install it: apt-get install -y postgresql`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;
const runAs = isRoot ? ['runuser', '-u', 'postgres', '--'] : [];
function asPg(cmd, args, opts = {}) {
  const [bin, ...rest] = [...runAs, cmd, ...args];
  return spawnSync(bin, rest, { encoding: 'utf8', ...opts });
}

/**
 * `durable: true` keeps PostgreSQL's crash-safety settings (fsync, synchronous commit, full page
 * writes) as a production server has them: the benchmarks use it. Tests trade them for speed.
 */
export async function startPostgres({ durable = false } = {}) {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-pg-'));
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  const init = asPg(initdb, ['-D', data, '-U', 'ncpp', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr}`);
  const port = await freePort();
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const opts = `-h 127.0.0.1 -p ${port} -k ${dir}${fast} -c max_connections=100`;
  const start = asPg(pgCtl, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) throw new Error(`PostgreSQL did not start:\n${start.stderr}\n${fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : ''}`);
  const url = `postgres://ncpp@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    /** How a test stops and starts this server (the database-restart test): `pg_ctl -D data -o opts -l log`. */
    control: { data, opts, log: path.join(dir, 'log') },
    stop() {
      asPg(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error('usage: with-postgres.mjs <command> [args...]');
    process.exit(2);
  }
  const pg = await startPostgres();
  console.log(`PostgreSQL test server on 127.0.0.1:${pg.port}`);
  let stopped = false;
  const stop = () => {
    if (!stopped) pg.stop();
    stopped = true;
  };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: pg.url, NCPP_TEST_PG_CONTROL: JSON.stringify(pg.control) }, shell: false });
  child.on('exit', (code) => {
    stop();
    process.exit(code ?? 1);
  });
}
