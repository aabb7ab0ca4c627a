import type { ConsentInput } from '../../../../shared/referrals.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { requireVisible, requireWorkable } from '../access.js';
import { addEvent } from '../core/queries.js';
import { addConsent, listConsents, withdrawConsent, type ConsentRow } from './queries.js';

/**
 * Consent and assent on a case, in one place: recorded by the people working on the case,
 * withdrawn at once, read by whoever may see the case. A referral carries the child's details
 * only while consent to share and to refer is in force (the case service asks hasActiveConsent).
 */
export function createConsents(db: Database) {
  async function list(actor: Actor, caseId: string, ctx: AuditContext) {
    await requireVisible(db, actor, caseId, ctx);
    return (await listConsents(db, caseId)).map(presentConsent);
  }
  return {
    list,

    async add(actor: Actor, caseId: string, input: ConsentInput, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      await db.tx(async (tx) => {
        const row = await addConsent(tx, caseId, input, actor.userId);
        await addEvent(tx, caseId, actor.userId, 'consent.given', { purpose: input.purpose, givenBy: input.givenBy, childAssent: input.childAssent });
        await recordAudit(tx, ctx, { action: 'case.consent_given', entity: 'case', entityId: caseId, after: { consent_id: row.id, purpose: input.purpose, given_by: input.givenBy, child_assent: input.childAssent } });
      });
      return list(actor, caseId, ctx);
    },

    /** Withdrawal takes effect at once: every later referral is built without what it covered. */
    async withdraw(actor: Actor, caseId: string, consentId: string, note: string, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      await db.tx(async (tx) => {
        const row = await withdrawConsent(tx, caseId, consentId, actor.userId, note);
        if (!row) throw new AppError('not_found');
        await addEvent(tx, caseId, actor.userId, 'consent.withdrawn', { purpose: row.purpose, note });
        await recordAudit(tx, ctx, { action: 'case.consent_withdrawn', entity: 'case', entityId: caseId, after: { consent_id: consentId, purpose: row.purpose }, meta: { note } });
      });
      return list(actor, caseId, ctx);
    },
  };
}

export type Consents = ReturnType<typeof createConsents>;

export function presentConsent(r: ConsentRow) {
  return {
    id: r.id, purpose: r.purpose as ConsentInput['purpose'], givenBy: r.given_by, giverName: r.giver_name, childAssent: r.child_assent, givenOn: r.given_on,
    withdrawnAt: r.withdrawn_at ? r.withdrawn_at.toISOString() : null, withdrawalNote: r.withdrawal_note, active: r.withdrawn_at === null,
  };
}
