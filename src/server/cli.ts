// The `ncpp` command's program: every subcommand, its options and help. main.ts runs it; the
// CLI test reads every command's help from it without starting a process for each.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { AppError, type FieldIssue } from './platform/errors.js';
import { translate } from '../shared/i18n/index.js';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from './platform/config.js';
import { openDatabase, type OpenDatabase } from './platform/db/open.js';
import { accountId } from './platform/auth/accounts.js';
import { verifyAudit, SYSTEM_CONTEXT, recordAudit, type AuditContext } from './platform/audit/audit.js';
import { cliActor } from './platform/access/permissions.js';
import { totpCode } from './platform/auth/totp.js';
import { buildApp, createServices, type Services } from './app.js';
import { prepareAsOwner } from './bootstrap.js';
import { seedNational } from './seed/national.js';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS, DEMO_PASSWORD, isSeeded, seedDemo } from './seed/demo.js';
import { backup, restore } from './platform/db/backup.js';
import { parseCsv } from './platform/csv.js';

const CLI_CONTEXT: AuditContext = { ...SYSTEM_CONTEXT, actorRole: 'cli' };


async function withServices<T>(command: string, fn: (s: Services, db: OpenDatabase) => Promise<T>, opts: { asOwner?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, { command, ...opts });
  try {
    await prepareAsOwner(db, config, (d) => createServices(config, d));
    return await fn(createServices(config, db), db);
  } finally {
    await db.close();
  }
}

async function seed(services: Services, scale: string) {
  if (scale !== 'demo' && scale !== 'national') throw new Error(`Unknown scale ${scale}: use demo or national`);
  if (await isSeeded(services.db)) {
    console.log('The demo dataset is already loaded.');
  } else {
    const bar = new cliProgress.SingleBar({ format: 'Seeding demo data [{bar}] {percentage}% {label}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 }, cliProgress.Presets.shades_classic);
    bar.start(100, 0, { label: '' });
    const result = await seedDemo(services, (done, total, label) => bar.update(Math.round((done / total) * 100), { label }));
    bar.stop();
    console.log(`Seeded ${result.organisations} organisations, ${result.users} users and ${result.cases} cases.`);
  }
  if (scale === 'national') await seedNationalScale(services);
}

/** National scale (budgets.md): 117,000 cases across all 64 districts and ~15,000 staff accounts, once per database. */
async function seedNationalScale(services: Services) {
  const counts = { cases: Number(process.env.NCPP_NATIONAL_CASES ?? 117_000), users: Number(process.env.NCPP_NATIONAL_USERS ?? 15_000), helpline_contacts: Number(process.env.NCPP_NATIONAL_CONTACTS ?? 2_240_000),
    orphanages: Number(process.env.NCPP_NATIONAL_ORPHANAGES ?? 4_186), grant_children: Number(process.env.NCPP_NATIONAL_GRANT_CHILDREN ?? 116_666), state_residents: Number(process.env.NCPP_NATIONAL_STATE_RESIDENTS ?? 100_000) };
  const bar = new cliProgress.SingleBar({ format: 'National {label} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
  bar.start(counts.cases, 0, { label: 'cases' });
  const started = Date.now();
  const seeded = await seedNational(services, counts, CLI_CONTEXT, (label, done) => bar.update(done ?? 0, { label }));
  bar.stop();
  if (seeded) console.log(`Seeded ${counts.cases} national-scale cases in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  else console.log('The national-scale dataset is already loaded.');
}

function printBanner(config: Config, url: string) {
  const width = Math.max(...DEMO_LOGINS.map((l) => l.username.length));
  const lines = [
    '',
    `NCPP is running at ${url}`,
    `Database: ${config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`}`,
    '',
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `  ${l.username.padEnd(width)}  ${l.fullName} (${l.role}${l.scope ? `, ${l.scope}` : ''})`),
    '',
    `The admin account requires two-factor sign-in. TOTP secret: ${DEMO_ADMIN_TOTP_SECRET}`,
    `  (add it to an authenticator app; the current code is ${totpCode(DEMO_ADMIN_TOTP_SECRET)})`,
    `API documentation: ${url}/api/docs`,
    '',
  ];
  console.log(lines.join('\n'));
}

async function serve() {
  const config = loadConfig();
  const db = await openDatabase(config, { command: 'serve' });
  await prepareAsOwner(db, config, (d) => createServices(config, d), (m) => console.log(m));
  const services = createServices(config, db);
  if (!(await isSeeded(db)) && config.env !== 'production') await seed(services, 'demo');
  await services.jobs.start(true);
  const app = await buildApp(services);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  db.setLockInfo({ url });
  if (config.env !== 'production') printBanner(config, url);
  else console.log(`NCPP is running at ${url}`);
  const shutdown = async () => {
    await app.close();
    await services.jobs.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export function fail(err: unknown): never {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

export const program = new Command('ncpp').description('National Child Protection Platform').showHelpAfterError();

program.command('serve').description('Run migrations, load reference data, seed the demo on first start, and serve the web app and API').action(() => serve().catch(fail));

program.command('migrate').description('Apply database migrations and install the job queue schema').action(() =>
  withServices('migrate', async () => {
    console.log('Database is up to date.');
  }, { asOwner: true }).catch(fail),
);

program
  .command('seed')
  .description('Load the demo dataset (deterministic)')
  .option('--scale <scale>', 'demo or national', 'demo')
  .action((opts: { scale: string }) => withServices('seed', (s) => seed(s, opts.scale)).catch(fail));

program.command('audit-verify').description('Recompute the audit hash chain; report the first altered or removed row').action(() =>
  withServices('audit-verify', async (s) => {
    const result = await verifyAudit(s.db);
    if (result.ok) console.log(`Audit trail intact: ${result.rows} rows verified.`);
    else {
      console.error(`AUDIT TRAIL BROKEN: ${result.message} (${result.rows} rows verified before it).`);
      process.exitCode = 2;
    }
  }).catch(fail),
);

/** The backup passphrase: NCPP_BACKUP_PASSPHRASE, or the first line of a file (never a command-line argument, which `ps` shows). */
function backupPassphrase(file: string | undefined): string | undefined {
  if (file) return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0];
  return process.env.NCPP_BACKUP_PASSPHRASE || undefined;
}

program
  .command('backup <file>')
  .description('Write one archive holding the database, the attachment files and the platform key (sealed with a passphrase)')
  .option('--passphrase-file <file>', 'read the passphrase that seals the key from a file (default: NCPP_BACKUP_PASSPHRASE)')
  .option('--no-key', 'leave the platform key out (it is backed up separately; docs/operations.md)')
  .action((file: string, opts: { passphraseFile?: string; key: boolean }) =>
    withServices('backup', async (s, db) => {
      const manifest = await backup(db, s.config, s.secretKey, file, { passphrase: backupPassphrase(opts.passphraseFile), withoutKey: !opts.key });
      await s.db.tx((tx) => recordAudit(tx, CLI_CONTEXT, { action: 'export.backup', entity: 'database', entityId: null, meta: { file, files: manifest.files, key: manifest.key } }));
      console.log(`Backup written to ${file}: the ${manifest.database === 'pglite' ? 'embedded' : 'PostgreSQL'} database, ${manifest.files} attachment files${manifest.key === 'sealed' ? ' and the platform key, sealed with the passphrase' : '; the platform key is NOT in it'}.`);
    }, { asOwner: true }).catch(fail),
  );

program
  .command('restore <file>')
  .description('Replace the database, attachment files and platform key with a backup (the server must be stopped)')
  .option('--passphrase-file <file>', 'read the passphrase that opens the key from a file (default: NCPP_BACKUP_PASSPHRASE)')
  .option('--force', 'overwrite existing data')
  .action((file: string, opts: { force?: boolean; passphraseFile?: string }) =>
    restore(loadConfig(), file, { force: Boolean(opts.force), passphrase: backupPassphrase(opts.passphraseFile) })
      .then((r) => console.log(`Restored from ${file}: ${r.files} attachment files; platform key ${r.key === 'restored' ? 'restored' : r.key === 'kept' ? 'already in place' : 'taken from NCPP_SECRET_KEY'}.`))
      .catch(fail),
  );

const importCommand = program.command('import').description('Import records from a file (all rows or none, with a line-numbered error report)');
importCommand
  .command('cases <file>')
  .description('Import legacy cases from CSV (columns: docs/import-cases.md)')
  .option('--again', 'import a file even though the same file was imported before')
  .action((file: string, opts: { again?: boolean }) =>
    withServices('import cases', async (s) => {
      const actor = cliActor();
      let started;
      try {
        started = await s.caseImporter.start(actor, fs.readFileSync(file), path.basename(file), CLI_CONTEXT, { again: Boolean(opts.again) });
      } catch (err) {
        refusedImport(err);
        return;
      }
      // The command runs the import itself (the server's job finds it finished).
      await s.caseImporter.run(started.id);
      const result = await s.caseImporter.status(actor, started.id);
      if (result.status === 'done') {
        console.log(`Imported ${result.rowsDone} cases from ${file}.`);
        return;
      }
      console.error(`Nothing was imported: ${result.issueCount} problem(s) in ${file}.`);
      for (const d of result.issues) console.error(`  ${describeIssue(d)}`);
      process.exitCode = 2;
    }).catch(fail),
  );

importCommand
  .command('helpline-contacts <file>')
  .description('Import historical helpline contacts from CSV (columns: docs/import-helpline-contacts.md), all or nothing')
  .option('--org <name>', 'the organisation that ran the helpline (default: the one the helpline accounts belong to)')
  .option('--report <file>', 'write every problem found to this CSV file (line, column, problem)')
  .action((file: string, opts: { org?: string; report?: string }) =>
    withServices('import helpline-contacts', async (s) => {
      const org = opts.org ? await s.admin.findOrganisationByName(opts.org) : undefined;
      if (opts.org && !org) throw new Error(`No organisation named ${opts.org}`);
      const size = fs.statSync(file).size;
      const bar = new cliProgress.SingleBar({ format: 'Helpline import {stage} [{bar}] {percentage}% {detail}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
      bar.start(100, 0, { stage: 'reading', detail: '' });
      const started = Date.now();
      let result;
      try {
        result = await s.helplineImporter.importFile(cliActor(), { source: fs.createReadStream(file, { highWaterMark: 1 << 20 }), fileName: path.basename(file), organisationId: org?.id }, CLI_CONTEXT, (stage, done, total) => {
          if (stage === 'copy') bar.update(Math.round((done / Math.max(size, 1)) * 100), { stage: 'reading', detail: `${(done / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB` });
          else if (stage === 'insert' && total) bar.update(Math.round((done / total) * 100), { stage: 'writing', detail: `${done} of ${total} contacts` });
          else bar.update(0, { stage: 'checking', detail: total ? `${total} rows` : '' });
        });
      } catch (err) {
        bar.stop();
        if (!(err instanceof AppError) || !['conflict', 'validation', 'forbidden'].includes(err.code)) throw err;
        console.error(`Nothing was imported: ${translate('en', `errors.${err.messageId}`, err.params)}`);
        process.exitCode = 2;
        return;
      }
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      if (opts.report) writeReport(opts.report, result.issues);
      if (result.status === 'done') {
        console.log(`Imported ${result.rows} helpline contacts from ${file} in ${seconds.toFixed(0)} s (${Math.round(result.rows / Math.max(seconds, 0.001))} rows/s).`);
        return;
      }
      console.error(`Nothing was imported: ${result.issueCount} problem(s) in ${file}${result.issueCount > result.issues.length ? ` (the first ${result.issues.length} below)` : ''}.`);
      for (const d of result.issues.slice(0, 100)) console.error(`  ${describeIssue(d)}`);
      if (result.issues.length > 100) console.error(`  ... ${opts.report ? `all of them in ${opts.report}` : 'give --report FILE.csv for the rest'}`);
      process.exitCode = 2;
    }).catch(fail),
  );

importCommand
  .command('people <file>')
  .description('Import a list of people from another system (columns: docs/import-people.md), all rows or none')
  .requiredOption('--source <name>', 'the source the list comes from: ngo_list, institution_register, grant_enrolment, or a name of your own (a-z, 0-9, _ -)')
  .option('--again', 'import a file even though the same file was imported before')
  .option('--report <file>', 'write every problem found to this CSV file (line, column, problem)')
  .action((file: string, opts: { source: string; again?: boolean; report?: string }) =>
    withServices('import people', async (s) => {
      const started = Date.now();
      let result;
      try {
        result = await s.peopleImporter.importFile(cliActor(), { source: opts.source, fileName: path.basename(file), content: fs.readFileSync(file), again: Boolean(opts.again) }, CLI_CONTEXT);
      } catch (err) {
        refusedImport(err);
        return;
      }
      if (result.status === 'done') {
        console.log(`Imported ${result.rows} people from ${file} as source ${result.source} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        return;
      }
      if (opts.report) writeReport(opts.report, result.issues);
      console.error(`Nothing was imported: ${result.issueCount} problem(s) in ${file}${result.issueCount > result.issues.length ? ` (the first ${result.issues.length} below)` : ''}.`);
      for (const d of result.issues.slice(0, 100)) console.error(`  ${describeIssue(d)}`);
      process.exitCode = 2;
    }).catch(fail),
  );

const link = program.command('link').description('Record linkage: one child across sources');
link
  .command('run')
  .description('Link every record: blocking, comparison, a model estimated afresh, clustering; prints the figures')
  .option('--full', 'a full run (the only kind there is: every record is compared again; kept for clarity in scripts)')
  .action(() =>
    withServices('link run', async (s) => {
      const bar = new cliProgress.SingleBar({ format: 'Linkage {stage} [{bar}] {percentage}%', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
      bar.start(100, 0, { stage: 'loading' });
      const stats = await s.linkage.run(CLI_CONTEXT, (stage, done, total) => bar.update(Math.round((done / Math.max(1, total)) * 100), { stage }));
      bar.stop();
      console.log(JSON.stringify({ records: stats.records, candidate_pairs: stats.candidatePairs, links: stats.links, review_pairs: stats.reviewPairs, persons: stats.persons, moved: stats.moved, model_version: stats.version, seconds: Math.round(stats.totalSeconds * 10) / 10 }));
    }).catch(fail),
  );
link
  .command('export <file>')
  .description('Write source,source_id,person_id for every source record')
  .action((file: string) =>
    withServices('link export', async (s) => {
      const rows = await s.linkage.exportRows();
      fs.writeFileSync(file, ['source,source_id,person_id', ...rows.map((r) => [r.source, r.source_id, r.person_id].map(csvCell).join(','))].join('\n') + '\n');
      await s.db.tx((tx) => recordAudit(tx, CLI_CONTEXT, { action: 'people.link.export', entity: 'person', entityId: null, meta: { file: path.basename(file), rows: rows.length } }));
      console.log(`Wrote ${rows.length} records to ${file}.`);
    }).catch(fail),
  );
link
  .command('evaluate <truth>')
  .description('Pairwise precision, recall and F1 of the current links against a labelled file (source,source_id,entity), as JSON')
  .action((truth: string) =>
    withServices('link evaluate', async (s) => {
      const text = fs.readFileSync(truth, 'utf8');
      const parsed = await parseCsv(text, 10_000_000);
      for (const c of ['source', 'source_id', 'entity']) if (!parsed.columns.includes(c)) throw new Error(`${truth} has no ${c} column (it needs source,source_id,entity)`);
      const result = await s.linkage.evaluate(parsed.rows.map((r) => ({ source: r.cells.source ?? '', source_id: r.cells.source_id ?? '', entity: r.cells.entity ?? '' })));
      console.log(JSON.stringify({ records: result.records, unmatched: result.unmatched, true_pairs: result.truePairs, predicted_pairs: result.predictedPairs, correct_pairs: result.correctPairs, precision: result.precision, recall: result.recall, f1: result.f1 }));
    }).catch(fail),
  );

/**
 * An import refused before it began (the same file again, a file that cannot be read): says
 * why at the console, each problem on its line, and sets exit code 2; anything else is thrown on.
 */
function refusedImport(err: unknown): void {
  if (!(err instanceof AppError) || !['conflict', 'validation'].includes(err.code)) throw err;
  console.error(`Nothing was imported: ${translate('en', `errors.${err.messageId}`, err.params)}`);
  if (Array.isArray(err.details)) for (const d of err.details) console.error(`  ${describeIssue(d)}`);
  if (err.code === 'conflict') console.error('Give --again to import it anyway.');
  process.exitCode = 2;
}

/** An import's problems as a CSV report: line, column, problem (in English, at the console). */
function writeReport(file: string, issues: FieldIssue[]): void {
  fs.writeFileSync(file, ['line,column,problem', ...issues.map((d) => [d.params?.row ?? '', d.params?.column ?? d.path, translate('en', `errors.field.${d.code}`, d.params ?? {})].map(csvCell).join(','))].join('\n') + '\n');
}

/** A CSV cell, quoted when it must be. */
function csvCell(v: unknown): string {
  const t = String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** One line of an import report: "line 7, concern: Unknown concern: x." (English at the console). */
function describeIssue(d: FieldIssue): string {
  const where = d.params?.row ? `line ${String(d.params.row)}, ${String(d.params.column)}` : d.path;
  return `${where}: ${translate('en', `errors.field.${d.code}`, d.params ?? {})}`;
}

const user = program.command('user').description('Manage user accounts');
user
  .command('add')
  .description('Create a user')
  .requiredOption('--username <name>')
  .requiredOption('--name <full name>')
  .requiredOption('--org <organisation name or id>')
  .requiredOption('--role <role>', 'role key, e.g. caseworker')
  .option('--scope <code>', 'admin unit code for the role scope (omit for the nation)')
  .option('--email <email>')
  .option('--lang <lang>', 'en or bn', 'en')
  .option('--password <password>', 'initial password (else read from NCPP_PASSWORD)')
  .action((o: { username: string; name: string; org: string; role: string; scope?: string; email?: string; lang: string; password?: string }) =>
    withServices('user add', async (s) => {
      const password = o.password ?? process.env.NCPP_PASSWORD;
      if (!password) throw new Error('Give --password or set NCPP_PASSWORD.');
      const org = await s.admin.findOrganisationByName(o.org);
      if (!org) throw new Error(`No organisation named ${o.org}`);
      const unit = o.scope ? await s.geo.find(o.scope) : undefined;
      if (o.scope && !unit) throw new Error(`No admin unit with code ${o.scope}`);
      const { UserCreateInput } = await import('../shared/admin.js');
      const input = UserCreateInput.parse({
        username: o.username, fullName: o.name, email: o.email ?? null, organisationId: org.id, lang: o.lang, password,
        roles: [{ role: o.role, scopeLevel: unit ? unit.level : 0, scopeCode: unit ? unit.code : null }],
      });
      const created = await s.admin.createUser(cliActor(), input, CLI_CONTEXT);
      console.log(`Created user ${created.username} (${created.id}).`);
    }).catch(fail),
  );
user
  .command('passwd <username>')
  .description('Set a user password (read from NCPP_PASSWORD)')
  .action((username: string) =>
    withServices('user passwd', async (s) => {
      const password = process.env.NCPP_PASSWORD;
      if (!password) throw new Error('Set NCPP_PASSWORD to the new password.');
      const id = await accountId(s.db, username);
      if (!id) throw new Error(`No user ${username}`);
      await s.admin.setPassword(cliActor(), id, password, CLI_CONTEXT);
      console.log(`Password changed for ${username}; their sessions were ended.`);
    }).catch(fail),
  );
user
  .command('disable <username>')
  .description('Disable a user, ending their sessions and tokens')
  .action((username: string) =>
    withServices('user disable', async (s) => {
      const id = await accountId(s.db, username);
      if (!id) throw new Error(`No user ${username}`);
      await s.admin.updateUser(cliActor(), id, { isActive: false }, CLI_CONTEXT);
      console.log(`Disabled ${username}.`);
    }).catch(fail),
  );
user
  .command('list')
  .description('List users')
  .option('--q <text>', 'filter by username or name')
  .action((o: { q?: string }) =>
    withServices('user list', async (s) => {
      const users = await s.admin.listUsers(cliActor(), { q: o.q, limit: 200, offset: 0 });
      for (const u of users) console.log(`${u.username.padEnd(28)} ${u.isActive ? 'active  ' : 'disabled'} ${u.roles.map((r) => `${r.role}@${r.scopeCode ?? 'nation'}`).join(', ')}`);
    }).catch(fail),
  );

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('Create an API token for a user; the token is printed alone on the last line')
  .requiredOption('--user <username>')
  .option('--name <label>', 'what the token is for', 'cli')
  .action((o: { user: string; name: string }) =>
    withServices('token create', async (s) => {
      const id = await accountId(s.db, o.user, { activeOnly: true });
      if (!id) throw new Error(`No active user ${o.user}`);
      const { token } = await s.auth.createToken(id, o.name, CLI_CONTEXT);
      console.log(`Token "${o.name}" created for ${o.user}. It is shown once; store it safely:`);
      console.log(token);
    }).catch(fail),
  );

