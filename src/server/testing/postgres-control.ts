import { spawnSync } from 'node:child_process';
import { pgTool } from '../platform/db/pg-tools.js';

/**
 * Stops and starts the throwaway PostgreSQL server that scripts/with-postgres.mjs runs the
 * tests against (it passes NCPP_TEST_PG_CONTROL). Undefined outside that script.
 */
export function postgresControl() {
  const raw = process.env.NCPP_TEST_PG_CONTROL;
  if (!raw) return undefined;
  const { data, opts, log } = JSON.parse(raw) as { data: string; opts: string; log: string };
  const pgCtl = pgTool('pg_ctl');
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
