import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Stops and starts the throwaway PostgreSQL server that scripts/with-postgres.mjs runs the
 * tests against (it passes NCPP_TEST_PG_CONTROL). Undefined outside that script.
 */
export function postgresControl() {
  const raw = process.env.NCPP_TEST_PG_CONTROL;
  if (!raw) return undefined;
  const { data, opts, log } = JSON.parse(raw) as { data: string; opts: string; log: string };
  const pgCtl = findPgCtl();
  const run = (args: string[]) => {
    const argv = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', pgCtl, ...args] : [pgCtl, ...args];
    const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pg_ctl ${args.at(-1)} failed: ${r.stderr}`);
  };
  return {
    stop: () => run(['-D', data, '-m', 'fast', '-w', 'stop']),
    start: () => run(['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']),
  };
}

function findPgCtl(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const p = path.join(root, v, 'bin', 'pg_ctl');
    if (fs.existsSync(p)) return p;
  }
  return 'pg_ctl';
}
