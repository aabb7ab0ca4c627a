// pgbench's select-only TPS on the same server, 20 clients: the ceiling the app's figures compare to.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { emit } from './lib.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('pgbench needs DATABASE_URL');
const bin = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].map((d) => `${d}/pgbench`).find((p) => fs.existsSync(p)) ?? 'pgbench';
const init = spawnSync(bin, ['-i', '-q', '-s', '10', url], { encoding: 'utf8' });
if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
const run = spawnSync(bin, ['-S', '-c', '20', '-j', '2', '-T', String(process.env.BENCH_SECONDS ?? 10), url], { encoding: 'utf8' });
const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
if (run.status !== 0 || !tps) throw new Error(`pgbench failed: ${run.stderr}`);
emit({ name: 'pgbench_select_only_tps', value: Number(tps), unit: 'tps', db: 'postgres', scale: 'pgbench-s10' });
spawnSync(bin, ['-i', '-I', 'd', url]);
