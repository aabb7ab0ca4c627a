import type { ReferralPreview, ReferralResponse, ServiceInput } from '../../../shared/referrals.js';
import type { Lang } from '../../../shared/i18n/index.js';
import type { GeoService } from '../geo/service.js';
import { can, grantsFor, type Actor } from '../../platform/access/actor.js';
import { usersHolding } from '../../platform/access/holders.js';
import { denyRead, recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { Sql } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { bothNames, notify } from '../../platform/notifications/notifications.js';
import type { CaseService } from '../cases/core/service.js';
import { REFERRAL_PERMISSIONS as P } from '../../../shared/referrals.js';
import { presentReferral, presentService } from './presenter.js';
import * as q from './queries.js';

const providerActions = (status: string) => (status === 'pending' ? ['accept', 'decline'] : status === 'accepted' ? ['complete'] : []);

/**
 * The service directory and referrals. A caseworker refers a case to a service; the
 * provider organisation accepts or declines it with a reason and reports back. What goes
 * to the provider is fixed at sending time from the consents then in force.
 */
/** Everyone in the provider organisation who answers referrals hears of it (their inbox). */
async function tellResponders(tx: Queryable, organisationId: string, kind: string, params: Record<string, unknown>) {
  const responders = await usersHolding(tx, { permission: P.respond, organisationId });
  for (const id of responders) await notify(tx, id, kind, params, '/referrals');
}

export function createReferralService(db: Database, cases: CaseService, geo: GeoService) {
  return {
    /**
     * The directory. With a place (the child's union or upazila), only the services that reach
     * it, nearest first: that union, its upazila, its district, its division, then national.
     */
    async services(filter: { category?: string | undefined; place?: string | undefined; q?: string | undefined }, lang: Lang) {
      const unit = filter.place ? await geo.find(filter.place) : undefined;
      if (filter.place && !unit) throw new AppError('validation', 'validation', [{ path: 'place', code: 'unknown_unit', message: '' }]);
      const near = unit ? { code: unit.code, adm1: unit.adm1_code, adm2: unit.adm2_code, adm3: unit.adm3_code } : undefined;
      return (await q.listServices(db, { ...filter, near })).map((r) => presentService(r, lang));
    },

    /** Whether the directory has this service, active (for another module recording a referral to it). */
    async isActiveService(id: string): Promise<boolean> {
      return (await q.findService(db, id))?.is_active === true;
    },

    /** Services by id, as the directory shows them, closed ones too (for showing earlier referrals). */
    async describe(ids: string[], lang: Lang) {
      return ids.length ? (await q.servicesById(db, [...new Set(ids)])).map((r) => presentService(r, lang)) : [];
    },

    /** What a referral of the case would share now, and what it would hold back and why. */
    async preview(actor: Actor, caseId: string, ctx: AuditContext): Promise<ReferralPreview> {
      await cases.requireWorkable(actor, caseId, ctx);
      const shared = await cases.referralPayload(caseId, '');
      return { shared, withheld: shared.consented ? [] : ['child', 'concerns', 'place'], because: shared.consented ? null : 'no_referral_consent' };
    },

    /** Takes back a referral sent by mistake, with a reason, while the provider has not accepted it. */
    async withdraw(actor: Actor, caseId: string, referralId: string, reason: string, ctx: AuditContext) {
      await cases.requireWorkable(actor, caseId, ctx);
      const referral = (await q.forCase(db, caseId)).find((r) => r.id === referralId);
      if (!referral) throw new AppError('not_found');
      if (referral.status !== 'pending') throw new AppError('conflict', 'referral_state', { status: referral.status });
      await db.tx(async (tx) => {
        const updated = await q.answerReferral(tx, { id: referralId, from: 'pending', to: 'cancelled', by: actor.userId, reason, feedback: null });
        if (updated.length === 0) throw new AppError('conflict', 'referral_state', { status: referral.status });
        await cases.addEvent(tx, caseId, actor.userId, 'referral.cancelled', { service: referral.service_name, reason });
        await recordAudit(tx, ctx, { action: 'referral.withdraw', entity: 'referral', entityId: referralId, before: { status: 'pending' }, after: { status: 'cancelled' }, meta: { reason } });
        await tellResponders(tx, referral.provider_id, 'referral_withdrawn', { service: bothNames(referral.service_name, referral.service_name_local), reason });
      });
      return presentReferral((await q.forCase(db, caseId)).find((r) => r.id === referralId)!, 'case', [], actor.lang);
    },

    /**
     * Adds a service to the directory: a national administrator for any provider, a provider's
     * own staff (services.manage@org) for their organisation. Audited.
     */
    async addService(actor: Actor, input: ServiceInput, ctx: AuditContext) {
      const grants = grantsFor(actor, P.manageServices);
      if (grants.length === 0) throw new AppError('forbidden');
      const ownOnly = grants.every((g) => g.reach === 'org');
      if (ownOnly && input.providerOrganisationId !== actor.organisationId) throw new AppError('validation', 'validation', [{ path: 'providerOrganisationId', code: 'organisation_out_of_scope', message: '' }]);
      const unit = input.geoCode ? await geo.find(input.geoCode) : undefined;
      if (input.geoCode && !unit) throw new AppError('validation', 'validation', [{ path: 'geoCode', code: 'unknown_unit', message: '' }]);
      const id = await db.tx(async (tx) => {
        const org = await q.activeOrganisation(tx, input.providerOrganisationId);
        if (!org) throw new AppError('validation', 'validation', [{ path: 'providerOrganisationId', code: 'unknown_organisation', message: '' }]);
        const row = await q.insertService(tx, input, unit);
        await recordAudit(tx, ctx, { action: 'service.create', entity: 'service', entityId: row.id, after: { ...input } });
        return row.id;
      });
      return (await q.listServices(db, {})).filter((s) => s.id === id).map((r) => presentService(r, actor.lang))[0]!;
    },

    async refer(actor: Actor, caseId: string, input: { serviceId: string; reason: string }, ctx: AuditContext) {
      await cases.requireWorkable(actor, caseId, ctx);
      const service = await q.findService(db, input.serviceId);
      if (!service || !service.is_active) throw new AppError('validation', 'validation', [{ path: 'serviceId', code: 'unknown_service', message: '' }]);
      const shared = await cases.referralPayload(caseId, input.reason);
      const team = await cases.team(caseId);
      const id = await db.tx(async (tx) => {
        const row = await q.insertReferral(tx, { caseId, serviceId: service.id, providerOrganisationId: service.provider_organisation_id, reason: input.reason, shared, createdBy: actor.userId, place: team });
        await cases.addEvent(tx, caseId, actor.userId, 'referral.sent', { service: service.name_en, consented: shared.consented });
        await recordAudit(tx, ctx, { action: 'referral.create', entity: 'referral', entityId: row.id, after: { case_id: caseId, service_id: service.id, consented: shared.consented } });
        await tellResponders(tx, service.provider_organisation_id, 'referral_received', { service: bothNames(service.name_en, service.name_local), number: shared.caseNumber });
        return row.id;
      });
      return presentReferral((await q.forCase(db, caseId)).find((r) => r.id === id)!, 'case', [], actor.lang);
    },

    /** How many referrals of the given cases (SQL selecting their ids) are still unanswered since before `before` (caseloads). */
    async waitingSince(caseIds: Sql, before: Date): Promise<number> {
      return q.pendingSince(db, caseIds, before);
    },

    /**
     * The case of a referral to this organisation that is still open (pending or accepted),
     * else null: the provider may act on that case through the referral (a facility admits the
     * child) without seeing the case file.
     */
    async openReferralCase(referralId: string, organisationId: string): Promise<string | null> {
      return q.openReferralCase(db, referralId, organisationId);
    },

    /** Referrals of a case, for its file (visibility checked by the case service). */
    async forCase(actor: Actor, caseId: string, ctx: AuditContext) {
      const detail = await cases.get(actor, caseId, ctx, { audit: false });
      const canWork = detail.allowedActions.includes('work');
      return (await q.forCase(db, caseId)).map((r) => presentReferral(r, 'case', canWork && r.status === 'pending' ? ['withdraw'] : [], actor.lang));
    },

    async incoming(actor: Actor, status: string | undefined) {
      if (!can(actor, P.respond)) throw new AppError('forbidden');
      return (await q.incoming(db, actor, status)).map((r) => presentReferral(r, 'provider', providerActions(r.status), actor.lang));
    },

    async respond(actor: Actor, id: string, response: ReferralResponse, ctx: AuditContext) {
      if (!can(actor, P.respond)) throw new AppError('forbidden');
      const referral = await q.findForProvider(db, actor, id);
      if (!referral) return denyRead(db, ctx, 'referral', id, await q.referralExists(db, id));
      if (!providerActions(referral.status).includes(response.action)) throw new AppError('conflict', 'referral_state', { status: referral.status });
      const team = await cases.team(referral.case_id);
      await db.tx(async (tx) => {
        const status = response.action === 'accept' ? 'accepted' : response.action === 'decline' ? 'declined' : 'completed';
        const reason = response.action === 'decline' ? response.reason : null;
        const feedback = response.action === 'complete' ? response.feedback : null;
        // The status in the WHERE clause makes a double answer (two tabs, two staff) a conflict, not an overwrite.
        const updated = await q.answerReferral(tx, { id, from: referral.status, to: status, by: actor.userId, reason, feedback });
        if (updated.length === 0) throw new AppError('conflict', 'referral_state', { status: referral.status });
        await cases.addEvent(tx, referral.case_id, actor.userId, `referral.${status}`, { service: referral.service_name, ...(reason ? { reason } : {}), ...(feedback ? { feedback } : {}) });
        await recordAudit(tx, ctx, { action: `referral.${response.action}`, entity: 'referral', entityId: id, before: { status: referral.status }, after: { status }, meta: reason ? { reason } : undefined });
        // A declined referral goes back to the caseworker with its reason.
        for (const who of [team.caseworker_id, team.supervisor_id]) {
          if (who) await notify(tx, who, `referral_${status}`, { service: bothNames(referral.service_name, referral.service_name_local), number: team.case_number, reason: reason ?? '' }, `/cases/${referral.case_id}`);
        }
      });
      return presentReferral((await q.findForProvider(db, actor, id))!, 'provider', [], actor.lang);
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
