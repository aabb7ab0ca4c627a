import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';

export type ContactReferralRow = { id: string; contact_id: string; service_id: string; note: string; referred_by: string; referred_by_name: string; referred_at: Date };

const SELECT = sql`SELECT r.id, r.contact_id, r.service_id, r.note, r.referred_by, u.full_name AS referred_by_name, r.referred_at
  FROM helpline_referrals r JOIN users u ON u.id = r.referred_by`;

export function referralsOf(db: Queryable, contactId: string) {
  return db.query<ContactReferralRow>(sql`${SELECT} WHERE r.contact_id = ${contactId} ORDER BY r.referred_at, r.id`);
}

export function findReferral(db: Queryable, contactId: string, id: string) {
  return db.maybeOne<ContactReferralRow>(sql`${SELECT} WHERE r.contact_id = ${contactId} AND r.id = ${id}`);
}

/** Inserts the referral unless the contact was referred to that service already: then no row comes back. */
export function insertReferral(tx: Queryable, r: { contactId: string; serviceId: string; note: string; by: string }) {
  return tx.maybeOne<{ id: string }>(sql`
    INSERT INTO helpline_referrals (contact_id, service_id, note, referred_by) VALUES (${r.contactId}, ${r.serviceId}, ${r.note}, ${r.by})
    ON CONFLICT (contact_id, service_id) DO NOTHING RETURNING id`);
}

export function referralTo(db: Queryable, contactId: string, serviceId: string) {
  return db.one<ContactReferralRow>(sql`${SELECT} WHERE r.contact_id = ${contactId} AND r.service_id = ${serviceId}`);
}

export function deleteReferral(tx: Queryable, id: string) {
  return tx.query(sql`DELETE FROM helpline_referrals WHERE id = ${id} RETURNING id`);
}
