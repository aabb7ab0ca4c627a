import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const onServer = Boolean(process.env.DATABASE_URL);

describe.skipIf(onServer)('the ncpp command (embedded database)', () => {
  let dir: string;
  const ncpp = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, 'bin/ncpp.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NCPP_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', ...env }, timeout: 120_000 });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-cli-'));
    const seeded = ncpp(['seed']);
    expect(seeded.status, seeded.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has --help for every command', async () => {
    // The program itself, walked in this process: every command there is, not a list to keep up.
    const { program } = await import('./cli.js');
    const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
    const commands = all(program);
    expect(commands.length).toBeGreaterThan(15);
    for (const c of commands) {
      expect(c.helpInformation(), c.name()).toContain('Usage:');
      expect(c.description(), c.name()).not.toBe('');
    }
    // And once through the real command, as a person types it.
    const r = ncpp(['import', 'cases', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: ncpp import cases');
  });

  it('creates an API token and prints it alone on the last line', () => {
    const r = ncpp(['token', 'create', '--user', 'national', '--name', 'dashboard']);
    expect(r.status, r.stderr).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^ncpp_[A-Za-z0-9_-]{40,}$/);
  });

  it('adds, lists and disables users; verifies the audit trail', () => {
    const add = ncpp(['user', 'add', '--username', 'chilmari.caseworker', '--name', 'Rubel Mia', '--org', 'District Social Services Office, Kurigram', '--role', 'caseworker', '--scope', '554909'], { NCPP_PASSWORD: 'Chilmari-char-2026' });
    expect(add.status, add.stderr).toBe(0);
    const weak = ncpp(['user', 'add', '--username', 'weak.user', '--name', 'Weak', '--org', 'BRAC', '--role', 'caseworker'], { NCPP_PASSWORD: 'short' });
    expect(weak.status).toBe(1);
    expect(ncpp(['user', 'disable', 'chilmari.caseworker']).status).toBe(0);
    const list = ncpp(['user', 'list', '--q', 'chilmari']);
    expect(list.stdout).toMatch(/chilmari\.caseworker\s+disabled\s+caseworker@554909/);
    const verify = ncpp(['audit-verify']);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit trail intact: \d+ rows verified/);
  });

  it('imports legacy cases all or nothing, naming bad lines', () => {
    const header = 'child_name,sex,age_years,upazila_code,concern,risk_level,source,reported_on';
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, [header, 'Sumi Akter,F,14,554952,Child marriage,high,helpline,2025-08-14', 'Rubel,M,99,554952,violence.neglect,low,self,2025-08-14'].join('\n'));
    const refused = ncpp(['import', 'cases', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Nothing was imported');
    expect(refused.stderr).toContain('line 3, age_years');
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, [header, 'Sumi Akter,F,14,554952,Child marriage,high,helpline,2025-08-14'].join('\n'));
    const ok = ncpp(['import', 'cases', good]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Imported 1 cases');
  });

  it('imports historical helpline contacts all or nothing, naming bad lines, with a report file', () => {
    const header = 'contact_id,received_at,channel,call_type,category,upazila_code,child_sex,child_age';
    const bad = path.join(dir, 'calls-bad.csv');
    fs.writeFileSync(bad, [header, 'C-1,2025-08-14 10:00,voice,child_self,violence.child_marriage,554994,F,14', 'C-2,2025-08-14 11:00,voice,child_self,violence.child_marriage,554994,F,99'].join('\n'));
    const report = path.join(dir, 'calls-report.csv');
    const refused = ncpp(['import', 'helpline-contacts', bad, '--report', report]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Nothing was imported: 1 problem(s)');
    expect(refused.stderr).toContain('line 3, child_age');
    expect(fs.readFileSync(report, 'utf8')).toMatch(/^line,column,problem\n3,child_age,/);
    const good = path.join(dir, 'calls.csv');
    fs.writeFileSync(good, [header, 'C-1,2025-08-14 10:00,voice,child_self,violence.child_marriage,554994,F,14'].join('\n'));
    const ok = ncpp(['import', 'helpline-contacts', good]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Imported 1 helpline contacts');
    const again = ncpp(['import', 'helpline-contacts', good]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('was imported before');
  });

  it('backs up database, files and key in one archive, and restores them into an empty folder', () => {
    const file = path.join(dir, 'backup.tar.gz');
    const passphrase = { NCPP_BACKUP_PASSPHRASE: 'Kurigram flood season 2026' };
    const bare = ncpp(['backup', file]);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('NCPP_BACKUP_PASSPHRASE');
    expect(fs.existsSync(file)).toBe(false);
    const made = ncpp(['backup', file], passphrase);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('platform key, sealed');
    const restoredDir = path.join(dir, 'restored');
    const refused = ncpp(['restore', file], { ...passphrase, NCPP_DATA_DIR: path.join(dir, 'data') });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    const wrong = ncpp(['restore', file], { NCPP_BACKUP_PASSPHRASE: 'not the passphrase at all', NCPP_DATA_DIR: restoredDir });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('passphrase is not correct');
    const restored = ncpp(['restore', file], { ...passphrase, NCPP_DATA_DIR: restoredDir });
    expect(restored.status, restored.stderr).toBe(0);
    expect(fs.readFileSync(path.join(restoredDir, 'secret.key'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'data', 'secret.key'), 'utf8'));
    const list = ncpp(['user', 'list', '--q', 'kurigram.officer'], { NCPP_DATA_DIR: restoredDir });
    expect(list.stdout).toContain('kurigram.officer');
  });

  describe('while the server holds the data folder', () => {
    let server: ChildProcess;
    let url = '';
    let out = '';
    beforeAll(async () => {
      // As `npm start` runs it: the demo's defaults, no LOG_LEVEL.
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', NCPP_DATA_DIR: path.join(dir, 'data'), PORT: '0' };
      delete env.LOG_LEVEL;
      server = spawn(process.execPath, [path.join(root, 'bin/ncpp.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 400 && !/running at (http:\/\/\S+)/.test(out); i++) await new Promise((r) => setTimeout(r, 250));
      url = /running at (http:\/\/\S+)/.exec(out)?.[1] ?? '';
      expect(url).not.toBe('');
    });
    afterAll(async () => {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    });

    it('a second command stops at once and names the running server', () => {
      const started = Date.now();
      const r = ncpp(['user', 'list']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`NCPP process ${server.pid}`);
      expect(r.stderr).toContain(url);
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('keeps the start banner with the demo logins last on the screen', async () => {
      for (let i = 0; i < 5; i++) expect((await fetch(`${url}/api/v1/geo/units`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const tail = out.trimEnd().split('\n').slice(-3).join('\n');
      expect(tail).toContain('API documentation');
      expect(out).not.toContain('request completed');
    });
  });
});
