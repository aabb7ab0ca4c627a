#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, integration tests on PGlite and on a throwaway
// PostgreSQL server, then the browser (e2e) tests on both. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const node = process.execPath;
const bin = (p) => path.join(root, 'node_modules', p);
const vitest = (project, name) => [bin('vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, `${name}.json`)}`];
const withPg = (args) => [path.join(root, 'scripts/with-postgres.mjs'), node, ...args];
const env = { ...process.env, FORCE_COLOR: '0' };
delete env.DATABASE_URL; // the PGlite runs must not pick up a developer's server

const steps = [
  ['typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['lint', [bin('eslint/bin/eslint.js'), '.']],
  ['table ownership', [bin('tsx/dist/cli.mjs'), 'scripts/check-ownership.ts']],
  ['unit', vitest('unit', 'unit')],
  ['integration (PGlite)', vitest('integration', 'int-pglite')],
  ['integration (PostgreSQL server)', withPg(vitest('integration', 'int-postgres'))],
  ['build web', [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']],
  ['e2e (PGlite)', vitest('e2e', 'e2e-pglite')],
  ['e2e (PostgreSQL server)', withPg(vitest('e2e', 'e2e-postgres'))],
];

const failedSteps = [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const report = args.find((a) => a.startsWith('--outputFile.json='))?.split('=')[1];
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  let failedTests = 0;
  if (report && fs.existsSync(report)) {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += j.numPassedTests ?? 0;
    failedTests = j.numFailedTests ?? 0;
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  // A step that fails without a failing test (typecheck, lint, a crash) counts as one failure.
  if (r.status !== 0) {
    failedSteps.push(name);
    failed += Math.max(failedTests, 1);
  } else failed += failedTests;
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
