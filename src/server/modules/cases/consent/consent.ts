import type { ConsentInput } from '../../../../shared/referrals.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';
import { AppError } from '../../../platform/errors.js';
import { requireVisible, requireWorkable } from '../access.js';
import { addEvent } from '../core/queries.js';

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

export type ConsentRow = { id: string; purpose: string; given_by: string; giver_name: string | null; child_assent: boolean; given_on: string; withdrawn_at: Date | null; withdrawal_note: string | null };

export function listConsents(db: Queryable, caseId: string) {
  return db.query<ConsentRow>(sql`
    SELECT id, purpose, given_by, giver_name, child_assent, to_char(given_on, 'YYYY-MM-DD') AS given_on, withdrawn_at, withdrawal_note
    FROM consents WHERE case_id = ${caseId} ORDER BY recorded_at DESC`);
}

export function addConsent(tx: Queryable, caseId: string, input: ConsentInput, userId: string) {
  return tx.one<{ id: string }>(sql`
    INSERT INTO consents (case_id, purpose, given_by, giver_name, child_assent, given_on, recorded_by)
    VALUES (${caseId}, ${input.purpose}, ${input.givenBy}, ${input.giverName ?? null}, ${input.childAssent}, ${input.givenOn}, ${userId}) RETURNING id`);
}

export function withdrawConsent(tx: Queryable, caseId: string, consentId: string, userId: string, note: string) {
  return tx.maybeOne<{ id: string; purpose: string }>(sql`
    UPDATE consents SET withdrawn_at = now(), withdrawn_by = ${userId}, withdrawal_note = ${note}
    WHERE id = ${consentId} AND case_id = ${caseId} AND withdrawn_at IS NULL RETURNING id, purpose`);
}

/** True while a consent for the purpose is in force (given and not withdrawn). */
export async function hasActiveConsent(db: Queryable, caseId: string, purpose: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM consents WHERE case_id = ${caseId} AND purpose = ${purpose} AND withdrawn_at IS NULL`));
}

export function presentConsent(r: ConsentRow) {
  return {
    id: r.id, purpose: r.purpose as ConsentInput['purpose'], givenBy: r.given_by, giverName: r.giver_name, childAssent: r.child_assent, givenOn: r.given_on,
    withdrawnAt: r.withdrawn_at ? r.withdrawn_at.toISOString() : null, withdrawalNote: r.withdrawal_note, active: r.withdrawn_at === null,
  };
}
