// `npm run check`: no module's SQL names a table another owns (see src/tools/table-ownership.ts).
import { describeFinding } from '../src/tools/table-ownership.js';
import { checkRepository } from '../src/tools/check-repository.js';

const findings = await checkRepository();
for (const f of findings) console.error(describeFinding(f));
if (findings.length) {
  console.error(`\nTable ownership: ${findings.length} problem(s). Owners: each module's manifest (tables) and src/server/platform/tables.ts; read-only display joins: src/server/modules/display-joins.ts.`);
  process.exit(1);
}
console.log('Table ownership: every table has one owner, and no module names another\'s table outside the allow-list.');
