import type { Actor } from '../../platform/access/actor.js';
import { scopePredicate } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/database.js';
import { auditCtes, type AuditContext } from '../../platform/audit/audit.js';
import { join, prepared, sql, type Sql } from '../../platform/db/sql.js';
import { HELPLINE_PERMISSIONS as P } from '../../../shared/permissions/helpline.js';

export type ContactRow = {
  id: string; client_id: string | null; agent_id: string | null; agent_name: string | null; status: 'draft' | 'completed'; received_at: Date; channel: string; call_type: string | null;
  urgency: string | null; caller: Record<string, unknown>; caller_phone_enc: string | null; child: Record<string, unknown>; geo_code: string | null;
  categories: string[]; summary: string | null; case_id: string | null; case_number: string | null; case_link: 'created' | 'linked' | null;
  completed_at: Date | null; updated_at: Date; caller_phone_hash: string | null;
};

/** What the draft writes: the columns a save sets, place and phone already resolved. */
export type DraftColumns = {
  receivedAt: Date; channel: string; callType: string | null; urgency: string | null; caller: Record<string, unknown>; phoneHash: string | null; phoneEnc: string | null;
  child: Record<string, unknown>; place: { code: string; adm1: string | null; adm2: string | null; adm3: string | null } | null; categories: string[]; summary: string;
};

const COLUMNS = sql`h.id, h.client_id, h.agent_id, u.full_name AS agent_name, h.status, h.received_at, h.channel, h.call_type, h.urgency, h.caller, h.caller_phone_enc,
  h.child, h.geo_code, h.categories, h.summary, h.case_id, c.case_number, h.case_link, h.completed_at, h.updated_at, h.caller_phone_hash`;
const FROM = sql`FROM helpline_contacts h LEFT JOIN users u ON u.id = h.agent_id LEFT JOIN cases c ON c.id = h.case_id`;

/**
 * The contacts the actor may read: inside their scope, and with @assigned only those they took.
 * A contact with no place yet counts as at the helpline's national level.
 */
export function visibleContacts(actor: Actor): Sql {
  return scopePredicate(actor, P.read, { adm1: 'h.adm1_code', adm2: 'h.adm2_code', adm3: 'h.adm3_code', organisation: 'h.organisation_id', assigned: (a) => sql`h.agent_id = ${a.userId}` });
}

/**
 * Saves a draft and its audit row in ONE statement, run on its own (autocommit): a new client
 * id inserts, a known one updates, but only the agent's own draft (a completed contact or
 * someone else's is left alone: no row comes back, and no audit row is written). The audit head
 * stays locked only while PostgreSQL executes it, never across a round trip to the app (fifty
 * agents save at once), and the contact comes back as a reader sees it, with its agent's name.
 */
export function saveDraft(db: Queryable, actor: Actor, clientId: string, d: DraftColumns, ctx: AuditContext) {
  const audit = auditCtes(ctx, {
    action: sql`CASE WHEN saved.inserted THEN 'helpline.contact.create' ELSE 'helpline.contact.save' END`, entity: 'helpline_contact', entityId: sql`saved.id`,
    meta: { callType: d.callType, categories: d.categories.length, place: d.place?.code ?? null },
  }, { after: 'saved' });
  return db.maybeOne<ContactRow & { inserted: boolean; has_dispatches: boolean }>(prepared(sql`
    WITH saved AS (
      INSERT INTO helpline_contacts (client_id, agent_id, organisation_id, status, received_at, channel, call_type, urgency, caller, caller_phone_hash, caller_phone_enc,
        child, geo_code, adm1_code, adm2_code, adm3_code, categories, summary)
      VALUES (${clientId}, ${actor.userId}, ${actor.organisationId}, 'draft', ${d.receivedAt}, ${d.channel}, ${d.callType}, ${d.urgency}, ${JSON.stringify(d.caller)}::jsonb,
        ${d.phoneHash}, ${d.phoneEnc}, ${JSON.stringify(d.child)}::jsonb, ${d.place?.code ?? null}, ${d.place?.adm1 ?? null}, ${d.place?.adm2 ?? null}, ${d.place?.adm3 ?? null},
        ${d.categories}::text[], ${d.summary})
      ON CONFLICT (client_id) WHERE client_id IS NOT NULL DO UPDATE SET
        received_at = EXCLUDED.received_at, channel = EXCLUDED.channel, call_type = EXCLUDED.call_type, urgency = EXCLUDED.urgency, caller = EXCLUDED.caller,
        -- An empty number keeps the one on record: a resumed form (or a screen pop) shows it masked and never holds it.
        caller_phone_hash = COALESCE(EXCLUDED.caller_phone_hash, helpline_contacts.caller_phone_hash), caller_phone_enc = COALESCE(EXCLUDED.caller_phone_enc, helpline_contacts.caller_phone_enc), child = EXCLUDED.child, geo_code = EXCLUDED.geo_code,
        adm1_code = EXCLUDED.adm1_code, adm2_code = EXCLUDED.adm2_code, adm3_code = EXCLUDED.adm3_code, categories = EXCLUDED.categories, summary = EXCLUDED.summary, updated_at = now()
      WHERE helpline_contacts.agent_id = ${actor.userId} AND helpline_contacts.status = 'draft'
      RETURNING *, (xmax = 0) AS inserted),
    ${audit}
    SELECT ${COLUMNS}, h.inserted, EXISTS (SELECT 1 FROM helpline_dispatches d WHERE d.contact_id = h.id) AS has_dispatches
    FROM saved h LEFT JOIN users u ON u.id = h.agent_id LEFT JOIN cases c ON c.id = h.case_id`));
}

export function findByClientId(db: Queryable, clientId: string) {
  return db.maybeOne<{ id: string; agent_id: string; status: string }>(sql`SELECT id, agent_id, status FROM helpline_contacts WHERE client_id = ${clientId}`);
}

export function findVisible(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<ContactRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE h.id = ${id} AND ${visibleContacts(actor)}`);
}

export function exists(db: Queryable, id: string) {
  return db.maybeOne<{ id: string }>(sql`SELECT id FROM helpline_contacts WHERE id = ${id}`).then(Boolean);
}

/** The agent's own draft, locked for completion (a second completion waits, then finds it completed). */
export function lockOwnDraft(tx: Queryable, actor: Actor, id: string) {
  return tx.maybeOne<ContactRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE h.id = ${id} AND h.agent_id = ${actor.userId} FOR UPDATE OF h`);
}

export function markCompleted(tx: Queryable, id: string, link: { caseId: string; kind: 'created' | 'linked' } | null) {
  return tx.query(sql`UPDATE helpline_contacts SET status = 'completed', completed_at = now(), updated_at = now(),
    case_id = ${link?.caseId ?? null}, case_link = ${link?.kind ?? null} WHERE id = ${id}`);
}

/** Earlier contacts from the same number (by its keyed hash), newest first, with how many there are in all. */
export function earlierFromNumber(db: Queryable, phoneHash: string, exceptId: string, limit = 5) {
  return db.query<{ id: string; received_at: Date; call_type: string | null; categories: string[]; agent_name: string; case_id: string | null; case_number: string | null; total: number }>(sql`
    SELECT h.id, h.received_at, h.call_type, h.categories, u.full_name AS agent_name, h.case_id, c.case_number, count(*) OVER ()::int AS total
    FROM helpline_contacts h JOIN users u ON u.id = h.agent_id LEFT JOIN cases c ON c.id = h.case_id
    WHERE h.caller_phone_hash = ${phoneHash} AND h.id <> ${exceptId}
    ORDER BY h.received_at DESC LIMIT ${limit}`);
}

export type DispatchRow = {
  id: string; contact_id: string; target: string; note: string; status: 'sent' | 'acknowledged' | 'escalated'; ack_due: Date; sent_at: Date; sent_by_name: string;
  acknowledged_at: Date | null; acknowledged_by_name: string | null; ack_note: string | null; escalated_at: Date | null;
};
const DISPATCH = sql`SELECT d.id, d.contact_id, d.target, d.note, d.status, d.ack_due, d.sent_at, s.full_name AS sent_by_name, d.acknowledged_at,
  a.full_name AS acknowledged_by_name, d.ack_note, d.escalated_at
  FROM helpline_dispatches d JOIN users s ON s.id = d.sent_by LEFT JOIN users a ON a.id = d.acknowledged_by`;

export function dispatchesOf(db: Queryable, contactId: string) {
  return db.query<DispatchRow>(sql`${DISPATCH} WHERE d.contact_id = ${contactId} ORDER BY d.sent_at`);
}

export function findDispatch(db: Queryable, id: string) {
  return db.maybeOne<DispatchRow>(sql`${DISPATCH} WHERE d.id = ${id}`);
}

export function insertDispatch(tx: Queryable, d: { contactId: string; target: string; note: string; ackDue: Date; sentBy: string }) {
  return tx.one<{ id: string }>(sql`INSERT INTO helpline_dispatches (contact_id, target, note, status, ack_due, sent_by)
    VALUES (${d.contactId}, ${d.target}, ${d.note}, 'sent', ${d.ackDue}, ${d.sentBy}) RETURNING id`);
}

/** Acknowledged once: a second acknowledgement finds nothing to change. */
export function acknowledgeDispatch(tx: Queryable, id: string, by: string, note: string) {
  return tx.query<{ id: string }>(sql`UPDATE helpline_dispatches SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = ${by}, ack_note = ${note}
    WHERE id = ${id} AND status IN ('sent', 'escalated') RETURNING id`);
}

/** The dispatches whose deadline has passed at `now` with no acknowledgement: marked escalated, in one statement (a second sweep finds none). */
export function escalateOverdue(tx: Queryable, now: Date) {
  return tx.query<{ id: string; contact_id: string; target: string; ack_due: Date; sent_at: Date }>(sql`
    UPDATE helpline_dispatches SET status = 'escalated', escalated_at = ${now} WHERE status = 'sent' AND ack_due <= ${now}
    RETURNING id, contact_id, target, ack_due, sent_at`);
}

export function listContacts(db: Queryable, actor: Actor, filter: { status?: string | undefined; mine: boolean; from?: string | undefined; limit: number }) {
  const where: Sql[] = [visibleContacts(actor)];
  if (filter.status) where.push(sql`h.status = ${filter.status}`);
  if (filter.mine) where.push(sql`h.agent_id = ${actor.userId}`);
  if (filter.from) where.push(sql`h.received_at >= ${filter.from}::date`);
  return db.query<ContactRow>(sql`SELECT ${COLUMNS} ${FROM} WHERE ${join(where, ' AND ')} ORDER BY h.updated_at DESC LIMIT ${filter.limit}`);
}
