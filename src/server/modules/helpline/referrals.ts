import type { ContactReferral } from '../../../shared/helpline.js';
import { HELPLINE_PERMISSIONS as P } from '../../../shared/helpline.js';
import type { Service } from '../../../shared/referrals.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ReferralService } from '../referrals/service.js';
import type { ContactRow } from './queries.js';
import * as rq from './referral-queries.js';

type ReadContact = (actor: Actor, id: string, ctx: AuditContext) => Promise<ContactRow>;

function present(r: rq.ContactReferralRow, service: Service, contact: ContactRow, actor: Actor): ContactReferral {
  return {
    id: r.id, service, note: r.note, referredAt: r.referred_at.toISOString(), referredBy: { id: r.referred_by, name: r.referred_by_name },
    removable: contact.status === 'draft' && r.referred_by === actor.userId,
  };
}

/**
 * Referring the caller to a service in the directory (the referrals module's, read through
 * its service): the agent gives the caller the service's details and records which. Any reader
 * of the contact who takes contacts may add one (on a callback too); only its maker takes it
 * back, and only while the contact is open.
 */
export function createContactReferrals(db: Database, directory: ReferralService, readContact: ReadContact) {
  async function presentAll(rows: rq.ContactReferralRow[], contact: ContactRow, actor: Actor) {
    const services = new Map((await directory.describe(rows.map((r) => r.service_id), actor.lang)).map((s) => [s.id, s]));
    return rows.flatMap((r) => { const s = services.get(r.service_id); return s ? [present(r, s, contact, actor)] : []; });
  }

  return {
    async list(actor: Actor, contactId: string, ctx: AuditContext): Promise<ContactReferral[]> {
      const contact = await readContact(actor, contactId, ctx);
      return presentAll(await rq.referralsOf(db, contactId), contact, actor);
    },

    /** Refers the caller; the same service again answers with the first referral (created false). */
    async refer(actor: Actor, contactId: string, input: { serviceId: string; note: string }, ctx: AuditContext): Promise<{ referral: ContactReferral; created: boolean }> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      const contact = await readContact(actor, contactId, ctx);
      if (!(await directory.isActiveService(input.serviceId))) throw new AppError('validation', 'validation', [{ path: 'serviceId', code: 'unknown_service', message: '' }]);
      const created = await db.tx(async (tx) => {
        const row = await rq.insertReferral(tx, { contactId, serviceId: input.serviceId, note: input.note, by: actor.userId });
        if (row) await recordAudit(tx, ctx, { action: 'helpline.referral.create', entity: 'helpline_referral', entityId: row.id, after: { contact_id: contactId, service_id: input.serviceId } });
        return Boolean(row);
      });
      const [referral] = await presentAll([await rq.referralTo(db, contactId, input.serviceId)], contact, actor);
      return { referral: referral!, created };
    },

    async remove(actor: Actor, contactId: string, referralId: string, ctx: AuditContext): Promise<void> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      const contact = await readContact(actor, contactId, ctx);
      const referral = await rq.findReferral(db, contactId, referralId);
      if (!referral) throw new AppError('not_found');
      if (referral.referred_by !== actor.userId) throw new AppError('forbidden');
      if (contact.status !== 'draft') throw new AppError('conflict', 'contact_completed');
      await db.tx(async (tx) => {
        if ((await rq.deleteReferral(tx, referralId)).length === 0) throw new AppError('not_found');
        await recordAudit(tx, ctx, { action: 'helpline.referral.delete', entity: 'helpline_referral', entityId: referralId, before: { contact_id: contactId, service_id: referral.service_id } });
      });
    },
  };
}

export type ContactReferrals = ReturnType<typeof createContactReferrals>;
