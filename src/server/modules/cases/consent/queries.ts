import type { ConsentInput } from '../../../../shared/referrals.js';
import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';

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
