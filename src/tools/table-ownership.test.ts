import { describe, expect, it } from 'vitest';
import { checkOwnership, literals, readerOf, tableRefs, tablesCreated, type Source } from './table-ownership.js';
import { checkRepository } from './check-repository.js';

const migrations: Source[] = [{ file: 'db/migrations/0001.sql', text: 'CREATE TABLE cases (id int);\nCREATE TABLE referrals (id int);\nCREATE TABLE geo_units (code text);\nCREATE TABLE IF NOT EXISTS users (id int);' }];
const owners = new Map<string, readonly string[]>([['cases', ['cases']], ['referrals', ['referrals']], ['geo', ['geo_units']], ['platform', ['users']]]);
const allow = [{ reader: '*', table: 'geo_units', why: 'place names' }];
const check = (sources: Source[], extra: { owners?: typeof owners } = {}) => checkOwnership({ owners: extra.owners ?? owners, migrations, sources, allow });

describe('table ownership check', () => {
  it('finds the tables a migration creates, unlogged ones too', () => {
    expect(tablesCreated({ file: 'm.sql', text: 'CREATE TABLE a (x int);\nCREATE UNLOGGED TABLE b (x int);\nCREATE TABLE IF NOT EXISTS c (x int);' }).map((t) => t.table)).toEqual(['a', 'b', 'c']);
  });

  it('knows who a file speaks for', () => {
    expect(readerOf('src/server/modules/cases/queries.ts')).toBe('cases');
    expect(readerOf('src/server/modules/cases/core/file.ts')).toBe('cases');
    expect(readerOf('src/server/platform/auth/service.ts')).toBe('platform');
    expect(readerOf('src/server/main.ts')).toBe('app');
  });

  it('reads SQL from string and template literals, not from code or comments', () => {
    const text = "// SELECT * FROM cases\nconst a = sql`SELECT x FROM cases c JOIN ${other} o ON true`;\nconst b = 'DELETE FROM referrals';\nimport x from 'y';";
    expect(literals({ file: 'f.ts', text }).map((l) => l.line)).toEqual([2, 3, 4]);
    const known = new Set(['cases', 'referrals']);
    expect(tableRefs('SELECT 1 FROM cases c, referrals r', known).map((r) => r.table)).toEqual(['cases', 'referrals']);
    expect(tableRefs('INSERT INTO cases (a) SELECT a FROM referrals ON CONFLICT DO UPDATE SET a = 1', known)).toEqual([
      { table: 'cases', write: true, offset: 0 },
      { table: 'referrals', write: false, offset: 31 },
    ]);
  });

  it('passes a module that names only its own tables and allowed display joins', () => {
    expect(check([{ file: 'src/server/modules/cases/queries.ts', text: 'const q = sql`SELECT c.id, g.name_en FROM cases c LEFT JOIN geo_units g ON g.code = c.geo_code`;' }])).toEqual([]);
  });

  it('fails on a deliberately wrong query: one module reading another module\'s table', () => {
    const findings = check([{ file: 'src/server/modules/cases/caseload.ts', text: "const q = sql`\n  SELECT count(*) FROM cases c\n  WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id)`;" }]);
    expect(findings).toEqual([{ kind: 'foreign_read', file: 'src/server/modules/cases/caseload.ts', line: 3, table: 'referrals', reader: 'cases', owner: 'referrals' }]);
  });

  it('never allows a write to another owner\'s table, even one it may read', () => {
    const findings = check([{ file: 'src/server/modules/referrals/seed.ts', text: "await tx.query(sql`UPDATE geo_units SET name_en = 'x'`);\nawait db.exec('DELETE FROM users');" }]);
    expect(findings.map((f) => [f.kind, f.table, f.line])).toEqual([['foreign_write', 'geo_units', 1], ['foreign_write', 'users', 2]]);
  });

  it('gives the composition root no display joins: main and seeds go through services', () => {
    expect(check([{ file: 'src/server/main.ts', text: 'sql`SELECT name_en FROM geo_units`' }]).map((f) => f.kind)).toEqual(['foreign_read']);
  });

  it('needs an owner for every table a migration creates, and a migration for every declared table', () => {
    const partial = new Map<string, readonly string[]>([['cases', ['cases', 'case_ghosts']], ['referrals', ['referrals']], ['platform', ['users']]]);
    const kinds = check([], { owners: partial }).map((f) => `${f.kind}:${f.table}`);
    expect(kinds).toEqual(['unowned_table:geo_units', 'unknown_table:case_ghosts']);
  });

  it('holds for this repository, and catches a wrong query added to it', async () => {
    expect(await checkRepository()).toEqual([]);
    const wrong = { file: 'src/server/modules/referrals/wrong.ts', text: 'export const q = sql`SELECT p.display_name FROM referrals r JOIN persons p ON p.id = r.case_id`;' };
    expect(await checkRepository([wrong])).toMatchObject([{ kind: 'foreign_read', table: 'persons', reader: 'referrals', owner: 'people' }]);
  });
});
