import type { OrganisationInput, ScopeBindingInput, UserCreateInput, UserPatch } from '../../../shared/admin.js';
import { OrganisationPatch } from '../../../shared/admin.js';
import type { z } from 'zod';
import { can, type Actor } from '../../platform/access/actor.js';
import { isKnownPermission } from '../../platform/access/permissions.js';
import { auditTrail, denyRead, recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as accounts from '../../platform/auth/accounts.js';
import { holdersSql } from '../../platform/access/holders.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import type { GeoService } from '../geo/service.js';
import { ADMIN_PERMISSIONS as P } from '../../../shared/admin.js';
import { CASE_PERMISSIONS } from '../../../shared/cases.js';
import { placeOf, scopeCovers, type Place } from '../../platform/access/scope.js';
import { mayGrant, userActions } from './policy.js';
import { presentAuditRow, presentOrganisation, presentRole, presentUser } from './presenter.js';
import * as q from './queries.js';

const invalid = (issues: FieldIssue[]) => new AppError('validation', 'validation', issues);
const field = (path: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path, code, message: '', ...(params ? { params } : {}) });

/**
 * Organisations, users, roles and scopes. Every method takes the actor first, checks the
 * permission before touching data, reads through scope predicates, and audits each change in
 * the transaction that makes it. Records outside the actor's scope answer 404.
 */
export function createAdminService(db: Database, geo: GeoService) {
  function require(actor: Actor, permission: string) {
    if (!can(actor, permission)) throw new AppError('forbidden');
  }

  async function placeOfCode(code: string | null | undefined): Promise<Place | null> {
    if (!code) return null;
    const unit = await geo.find(code);
    return unit ? placeOf(unit) : null;
  }

  async function getUser(actor: Actor, id: string, ctx: AuditContext) {
    const row = await q.findUser(db, actor, id);
    if (!row) return denyRead(db, ctx, 'user', id, await q.userExists(db, id));
    const roles = await q.userRoles(db, [id]);
    const place = placeOf(row);
    return presentUser(row, roles, userActions(actor, place, id === actor.userId));
  }

  /** Validates bindings against roles, geography and the granting policy; returns field issues. */
  async function checkBindings(actor: Actor, bindings: ScopeBindingInput[]): Promise<FieldIssue[]> {
    const roles = new Map((await q.listRoles(db)).map((r) => [r.key, r]));
    const issues: FieldIssue[] = [];
    for (const [i, b] of bindings.entries()) {
      const role = roles.get(b.role);
      if (!role) {
        issues.push(field(`roles.${i}.role`, 'unknown_role'));
        continue;
      }
      let place: Place | null = null;
      if (b.scopeLevel === 0) {
        if (b.scopeCode !== null) issues.push(field(`roles.${i}.scopeCode`, 'nation_has_no_code'));
      } else {
        const unit = b.scopeCode ? await geo.find(b.scopeCode) : undefined;
        if (!unit || unit.level !== b.scopeLevel) {
          issues.push(field(`roles.${i}.scopeCode`, 'unknown_unit'));
          continue;
        }
        place = placeOf(unit);
      }
      if (!mayGrant(actor, role.permissions, b, place)) issues.push(field(`roles.${i}.role`, 'grant_not_allowed'));
    }
    return issues;
  }

  async function assertOrgInScope(actor: Actor, organisationId: string, path = 'organisationId') {
    const org = await q.findOrganisation(db, organisationId);
    if (!org) throw invalid([field(path, 'unknown_organisation')]);
    if (!scopeCovers(actor, P.usersManage, placeOf(org))) {
      throw invalid([field(path, 'organisation_out_of_scope')]);
    }
  }

  return {
    async listUsers(actor: Actor, query: { q?: string | undefined; limit: number; offset: number }) {
      require(actor, P.usersRead);
      const rows = await q.listUsers(db, actor, query.q, query.limit, query.offset);
      const roles = await q.userRoles(db, rows.map((r) => r.id));
      return rows.map((row) =>
        presentUser(row, roles.filter((r) => r.user_id === row.id), userActions(actor, placeOf(row), row.id === actor.userId)),
      );
    },

    async getUser(actor: Actor, id: string, ctx: AuditContext) {
      require(actor, P.usersRead);
      return getUser(actor, id, ctx);
    },

    async createUser(actor: Actor, input: UserCreateInput, ctx: AuditContext, options: { isDemo?: boolean } = {}) {
      require(actor, P.usersManage);
      const problem = passwordProblem(input.password, input.username);
      const issues: FieldIssue[] = problem ? [field('password', problem)] : [];
      issues.push(...(await checkBindings(actor, input.roles)));
      if (issues.length) throw invalid(issues);
      await assertOrgInScope(actor, input.organisationId);
      const hash = await hashPassword(input.password);
      const id = await db.tx(async (tx) => {
        if (await accounts.accountClash(tx, input.username, input.email ?? null)) throw new AppError('conflict', 'user_exists');
        const id = await accounts.createAccount(tx, {
          username: input.username, fullName: input.fullName, email: input.email ?? null, phone: input.phone ?? null, organisationId: input.organisationId,
          passwordHash: hash, lang: input.lang, isDemo: options.isDemo ?? false,
        });
        await accounts.setBindings(tx, id, input.roles);
        await recordAudit(tx, ctx, {
          action: 'user.create', entity: 'user', entityId: id,
          after: { username: input.username, full_name: input.fullName, email: input.email ?? null, organisation_id: input.organisationId, roles: input.roles, password: 'set' },
        });
        return id;
      });
      return getUser(actor, id, ctx);
    },

    async updateUser(actor: Actor, id: string, patch: UserPatch, ctx: AuditContext) {
      require(actor, P.usersManage);
      const current = await getUser(actor, id, ctx);
      if (!current.allowedActions.includes('update')) throw new AppError('forbidden');
      if (patch.isActive === false && id === actor.userId) throw invalid([field('isActive', 'cannot_disable_self')]);
      if (patch.organisationId) await assertOrgInScope(actor, patch.organisationId);
      await db.tx(async (tx) => {
        const before = await accounts.lockAccount(tx, id);
        const after: accounts.AccountFields = {
          full_name: patch.fullName ?? before.full_name,
          email: patch.email === undefined ? before.email : patch.email,
          phone: patch.phone === undefined ? before.phone : patch.phone,
          organisation_id: patch.organisationId ?? before.organisation_id,
          is_active: patch.isActive ?? before.is_active,
        };
        if (after.email && after.email !== before.email && (await accounts.accountClash(tx, null, after.email, id))) throw new AppError('conflict', 'user_exists');
        // Disabling a user ends their sessions and tokens at once (in updateAccount).
        await accounts.updateAccount(tx, id, after);
        await recordAudit(tx, ctx, { action: 'user.update', entity: 'user', entityId: id, before, after });
      });
      return getUser(actor, id, ctx);
    },

    async setRoles(actor: Actor, id: string, bindings: ScopeBindingInput[], ctx: AuditContext) {
      require(actor, P.usersManage);
      const current = await getUser(actor, id, ctx);
      if (!current.allowedActions.includes('setRoles')) throw new AppError('forbidden');
      const issues = await checkBindings(actor, bindings);
      if (issues.length) throw invalid(issues);
      await db.tx(async (tx) => {
        await accounts.setBindings(tx, id, bindings);
        await recordAudit(tx, ctx, {
          action: 'user.roles_change', entity: 'user', entityId: id,
          before: { roles: current.roles.map(({ role, scopeLevel, scopeCode }) => ({ role, scopeLevel, scopeCode })) },
          after: { roles: bindings },
        });
      });
      return getUser(actor, id, ctx);
    },

    async setPassword(actor: Actor, id: string, password: string, ctx: AuditContext) {
      require(actor, P.usersManage);
      const current = await getUser(actor, id, ctx);
      if (!current.allowedActions.includes('resetPassword')) throw new AppError('forbidden');
      const problem = passwordProblem(password, current.username);
      if (problem) throw invalid([field('password', problem)]);
      const hash = await hashPassword(password);
      await db.tx(async (tx) => {
        await accounts.setPasswordHash(tx, id, hash);
        await recordAudit(tx, ctx, { action: 'user.password_set', entity: 'user', entityId: id, after: { password: 'set' } });
      });
    },

    /** Moves the platform's clock (the route checked the permission and that it may move), audited with both times. */
    async moveClock(actor: Actor, clock: Clock, at: Date | null, ctx: AuditContext) {
      require(actor, P.clockSet);
      const before = clock.now().toISOString();
      await db.tx(async (tx) => {
        clock.set(at);
        await recordAudit(tx, ctx, { action: 'platform.clock_move', entity: 'clock', entityId: null, before: { now: before }, after: { now: clock.now().toISOString() } });
      });
    },

    /**
     * Seeds only: organisations inside the caller's transaction (the facilities a seed
     * registers are run by organisations of their own), answering their ids in order.
     */
    async seedOrganisations(tx: Queryable, rows: Array<{ nameEn: string; nameLocal: string | null; type: string; geo: { code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null } }>): Promise<string[]> {
      return q.insertOrganisations(tx, rows);
    },

    async listOrganisations(actor: Actor, query: { q?: string | undefined; limit: number; offset: number }) {
      require(actor, P.usersRead);
      return (await q.listOrganisations(db, query.q, query.limit, query.offset)).map(presentOrganisation);
    },

    async createOrganisation(actor: Actor, input: OrganisationInput, ctx: AuditContext) {
      require(actor, P.organisationsManage);
      const place = await placeOfCode(input.geoCode);
      if (input.geoCode && !place) throw invalid([field('geoCode', 'unknown_unit')]);
      const id = await db.tx(async (tx) => {
        if (await q.organisationNamed(tx, input.nameEn)) throw new AppError('conflict', 'organisation_exists');
        const orgId = await q.insertOrganisation(tx, {
          name_en: input.nameEn, name_local: input.nameLocal ?? null, short_name: input.shortName ?? null, type: input.type, geo_code: input.geoCode ?? null, place,
        });
        await recordAudit(tx, ctx, { action: 'organisation.create', entity: 'organisation', entityId: orgId, after: { ...input } });
        return orgId;
      });
      const row = await q.findOrganisation(db, id);
      return presentOrganisation(row!);
    },

    async updateOrganisation(actor: Actor, id: string, patch: z.infer<typeof OrganisationPatch>, ctx: AuditContext) {
      require(actor, P.organisationsManage);
      const existing = await q.findOrganisation(db, id);
      if (!existing) throw new AppError('not_found');
      const geoCode = patch.geoCode === undefined ? existing.geo_code : patch.geoCode;
      const place = await placeOfCode(geoCode);
      if (geoCode && !place) throw invalid([field('geoCode', 'unknown_unit')]);
      await db.tx(async (tx) => {
        const before = { name_en: existing.name_en, name_local: existing.name_local, short_name: existing.short_name, type: existing.type, geo_code: existing.geo_code, is_active: existing.is_active };
        const after = {
          name_en: patch.nameEn ?? existing.name_en,
          name_local: patch.nameLocal === undefined ? existing.name_local : patch.nameLocal,
          short_name: patch.shortName === undefined ? existing.short_name : patch.shortName,
          type: patch.type ?? existing.type,
          geo_code: geoCode,
          is_active: patch.isActive ?? existing.is_active,
        };
        await q.updateOrganisation(tx, id, { ...after, place });
        await recordAudit(tx, ctx, { action: 'organisation.update', entity: 'organisation', entityId: id, before, after });
      });
      return presentOrganisation((await q.findOrganisation(db, id))!);
    },

    /**
     * The organisation directory any signed-in user may search (to refer or transfer to an
     * organisation), with each organisation's case workers when asked: names only, no contacts.
     */
    async directory(query: { q?: string | undefined }) {
      return (await q.listOrganisations(db, query.q, 50, 0)).filter((o) => o.is_active).map((o) => ({ id: o.id, name: o.name_en, nameLocal: o.name_local, type: o.type, place: o.place_name }));
    },

    /** Whether an organisation exists and is active: for a module that records one (a facility's operator). */
    async isActiveOrganisation(id: string): Promise<boolean> {
      const row = await q.findOrganisation(db, id);
      return Boolean(row?.is_active);
    },

    /** An organisation by id, English name or short name (the CLI's `--org`). */
    async findOrganisationByName(text: string) {
      return q.findOrganisationByName(db, text);
    },

    async caseWorkersOf(organisationId: string) {
      return q.namesOf(db, holdersSql({ permission: CASE_PERMISSIONS.work, organisationId, limit: 200 }));
    },

    async listRoles(actor: Actor) {
      require(actor, P.usersRead);
      return (await q.listRoles(db)).map(presentRole);
    },

    /** Roles are data: their permissions can change without a release. Changes are permission changes, so audited. */
    async setRolePermissions(actor: Actor, key: string, permissions: string[], ctx: AuditContext) {
      require(actor, P.rolesManage);
      const unknown = permissions.map((p, i) => [p, i] as const).filter(([p]) => !isKnownPermission(p));
      if (unknown.length) throw invalid(unknown.map(([p, i]) => field(`permissions.${i}`, 'unknown_permission', { permission: p })));
      await db.tx(async (tx) => {
        const before = await accounts.lockRole(tx, key);
        if (!before) throw new AppError('not_found');
        const sorted = [...new Set(permissions)].sort();
        await accounts.setRolePermissions(tx, key, sorted);
        await recordAudit(tx, ctx, { action: 'role.permissions_change', entity: 'role', entityId: key, before, after: { permissions: sorted } });
      });
      return (await q.listRoles(db)).filter((r) => r.key === key).map(presentRole)[0]!;
    },

    async auditTrail(actor: Actor, filter: { entity?: string | undefined; entityId?: string | undefined; limit: number }) {
      require(actor, P.auditRead);
      return (await auditTrail(db, filter)).map(presentAuditRow);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
