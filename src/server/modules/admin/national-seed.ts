import { DEMO_PASSWORD } from './seed.js';
import { createAccounts } from '../../platform/auth/accounts.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { NationalSeedStep } from '../../platform/module.js';
import * as q from './queries.js';

/** An upazila's team at national scale: its caseworkers, one supervisor, their DSS office. */
export type NationalTeam = { workers: string[]; supervisor: string; org: string };

/**
 * National scale for accounts (budgets.md: about 15,000 workers, supervisors and officials):
 * a team per upazila in its district's DSS office, one supervisor and enough caseworkers for
 * `counts.users` people nationwide. Shares the teams as `teams` (by upazila code).
 */
export const seedNationalTeams: NationalSeedStep = async ({ services, shared, counts }) => {
  const { db, geo } = services;
  const users = counts.users ?? 15_000;
  const upazilas = (await geo.unitsAt(3)).filter((u) => u.kind === 'upazila');
  const offices = new Map((await q.districtOffices(db)).map((o) => [o.adm2_code, o.id]));
  const perUpazila = Math.max(1, Math.round(users / Math.max(1, upazilas.length)) - 1);
  const accounts: Array<{ username: string; fullName: string; organisationId: string; role: string; scopeLevel: 3; scopeCode: string }> = [];
  for (const u of upazilas) {
    const org = offices.get(u.adm2_code ?? '');
    if (!org) continue;
    const slug = u.name_en.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const name = (prefix: string) => `${prefix}.${u.code}.${slug}`.slice(0, 60);
    accounts.push({ username: name('sv'), fullName: `Supervisor, ${u.name_en}`, organisationId: org, role: 'case_supervisor', scopeLevel: 3, scopeCode: u.code });
    for (let i = 1; i <= perUpazila; i++) {
      accounts.push({ username: name(`cw${String(i).padStart(2, '0')}`), fullName: `Caseworker ${i}, ${u.name_en}`, organisationId: org, role: 'caseworker', scopeLevel: 3, scopeCode: u.code });
    }
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (let start = 0; start < accounts.length; start += 2000) {
    const chunk = accounts.slice(start, start + 2000);
    for (const [username, id] of await db.tx((tx) => createAccounts(tx, chunk, hash))) ids.set(username, id);
  }
  const teams = new Map<string, NationalTeam>();
  for (const a of accounts) {
    const team = teams.get(a.scopeCode) ?? { workers: [], supervisor: '', org: a.organisationId };
    if (a.role === 'case_supervisor') team.supervisor = ids.get(a.username)!;
    else team.workers.push(ids.get(a.username)!);
    teams.set(a.scopeCode, team);
  }
  shared.set('teams', teams);
  return { users: accounts.length };
};
