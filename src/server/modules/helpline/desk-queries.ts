import { HELPLINE_PERMISSIONS as P } from '../../../shared/helpline.js';
import type { Actor } from '../../platform/access/actor.js';
import { holdersSql } from '../../platform/access/holders.js';
import type { Queryable } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { visibleContacts } from './queries.js';


export type CallbackRow = { id: string; contact_id: string; due_at: Date; note: string; status: 'scheduled' | 'done' | 'cancelled'; assigned_to: string; assignee_name: string; created_at: Date; closed_at: Date | null; outcome_note: string | null };
const CALLBACK = sql`b.id, b.contact_id, b.due_at, b.note, b.status, b.assigned_to, u.full_name AS assignee_name, b.created_at, b.closed_at, b.outcome_note`;

export function insertCallback(tx: Queryable, c: { contactId: string; dueAt: Date; assignee: string; note: string; createdBy: string }) {
  return tx.one<{ id: string }>(sql`INSERT INTO helpline_callbacks (contact_id, due_at, assigned_to, note, status, created_by) VALUES (${c.contactId}, ${c.dueAt}, ${c.assignee}, ${c.note}, 'scheduled', ${c.createdBy}) RETURNING id`);
}

export function findCallback(db: Queryable, id: string) {
  return db.maybeOne<CallbackRow>(sql`SELECT ${CALLBACK} FROM helpline_callbacks b JOIN users u ON u.id = b.assigned_to WHERE b.id = ${id}`);
}

export function callbacksOf(db: Queryable, contactId: string) {
  return db.query<CallbackRow>(sql`SELECT ${CALLBACK} FROM helpline_callbacks b JOIN users u ON u.id = b.assigned_to WHERE b.contact_id = ${contactId} ORDER BY b.due_at`);
}

/** Closes a scheduled callback; nothing when it was closed already. */
export function closeCallback(tx: Queryable, id: string, outcome: 'done' | 'cancelled', by: string, note: string) {
  return tx.query(sql`UPDATE helpline_callbacks SET status = ${outcome}, closed_at = now(), closed_by = ${by}, outcome_note = ${note} WHERE id = ${id} AND status = 'scheduled' RETURNING id`);
}

export function reassignCallback(tx: Queryable, id: string, to: string) {
  return tx.query(sql`UPDATE helpline_callbacks SET assigned_to = ${to} WHERE id = ${id} AND status = 'scheduled' RETURNING id`);
}

/** An active person who may take contacts, by id or by username (the contact centre names agents by username). */
export function agent(db: Queryable, by: { id: string } | { username: string }) {
  const where = 'id' in by ? sql`u.id = ${by.id}` : sql`u.username = ${by.username}`;
  return db.maybeOne<{ id: string; organisation_id: string; full_name: string }>(sql`
    SELECT u.id, u.organisation_id, u.full_name FROM users u WHERE ${where} AND u.id IN (${holdersSql({ permission: P.take })})`);
}

export function agents(db: Queryable) {
  return db.query<{ id: string; full_name: string }>(sql`SELECT u.id, u.full_name FROM users u WHERE u.id IN (${holdersSql({ permission: P.take })}) ORDER BY u.full_name`);
}

/** Dispatches not yet acknowledged (sent, or escalated past their deadline), soonest deadline first. */
export function openDispatches(db: Queryable, actor: Actor) {
  return db.query<{ id: string; contact_id: string; target: string; note: string; status: 'sent' | 'escalated'; ack_due: Date; sent_at: Date; sent_by: string; escalated_at: Date | null; agent_name: string }>(sql`
    SELECT d.id, d.contact_id, d.target, d.note, d.status, d.ack_due, d.sent_at, s.full_name AS sent_by, d.escalated_at, a.full_name AS agent_name
    FROM helpline_dispatches d JOIN helpline_contacts h ON h.id = d.contact_id JOIN users s ON s.id = d.sent_by JOIN users a ON a.id = h.agent_id
    WHERE d.status IN ('sent', 'escalated') AND ${visibleContacts(actor)} ORDER BY d.ack_due LIMIT 100`);
}

/** Scheduled callbacks due before `until` (overdue ones included), soonest first. */
export function callbacksDue(db: Queryable, actor: Actor, until: Date) {
  return db.query<CallbackRow>(sql`
    SELECT ${CALLBACK} FROM helpline_callbacks b JOIN users u ON u.id = b.assigned_to JOIN helpline_contacts h ON h.id = b.contact_id
    WHERE b.status = 'scheduled' AND b.due_at <= ${until} AND ${visibleContacts(actor)} ORDER BY b.due_at LIMIT 200`);
}

/** Per agent since the shift began: contacts completed, and drafts still open. */
export function shiftCounts(db: Queryable, actor: Actor, from: Date) {
  return db.query<{ id: string; full_name: string; completed: number; drafts: number }>(sql`
    SELECT u.id, u.full_name, count(*) FILTER (WHERE h.status = 'completed' AND h.completed_at >= ${from})::int AS completed,
      count(*) FILTER (WHERE h.status = 'draft')::int AS drafts
    FROM helpline_contacts h JOIN users u ON u.id = h.agent_id
    WHERE (h.status = 'draft' OR h.completed_at >= ${from}) AND ${visibleContacts(actor)}
    GROUP BY u.id, u.full_name ORDER BY u.full_name`);
}

export function openDrafts(db: Queryable, actor: Actor) {
  return db.query<{ id: string; agent_name: string; received_at: Date; updated_at: Date; call_type: string | null }>(sql`
    SELECT h.id, u.full_name AS agent_name, h.received_at, h.updated_at, h.call_type FROM helpline_contacts h JOIN users u ON u.id = h.agent_id
    WHERE h.status = 'draft' AND ${visibleContacts(actor)} ORDER BY h.updated_at LIMIT 50`);
}

export type CallRow = { id: string; external_id: string; offered_at: Date | null; answered_at: Date | null; ended_at: Date | null; agent_id: string | null; contact_id: string | null; from_hash: string | null; from_enc: string | null };

/** The call with this external id, locked (created first when new): events for one call are applied one at a time. */
export async function lockCall(tx: Queryable, externalId: string): Promise<CallRow> {
  await tx.query(sql`INSERT INTO helpline_calls (external_id) VALUES (${externalId}) ON CONFLICT (external_id) DO NOTHING`);
  return tx.one<CallRow>(sql`SELECT id, external_id, offered_at, answered_at, ended_at, agent_id, contact_id, from_hash, from_enc FROM helpline_calls WHERE external_id = ${externalId} FOR UPDATE`);
}

export function updateCall(tx: Queryable, id: string, c: { offeredAt?: Date; answeredAt?: Date; endedAt?: Date; endReason?: string | null; line?: string | null; fromHash?: string | null; fromEnc?: string | null; agentId?: string; contactId?: string }) {
  return tx.query(sql`
    UPDATE helpline_calls SET
      offered_at = COALESCE(offered_at, ${c.offeredAt ?? null}), answered_at = COALESCE(answered_at, ${c.answeredAt ?? null}), ended_at = COALESCE(ended_at, ${c.endedAt ?? null}),
      end_reason = COALESCE(end_reason, ${c.endReason ?? null}), line = COALESCE(line, ${c.line ?? null}),
      from_hash = COALESCE(from_hash, ${c.fromHash ?? null}), from_enc = COALESCE(from_enc, ${c.fromEnc ?? null}),
      agent_id = COALESCE(agent_id, ${c.agentId ?? null}::uuid), contact_id = COALESCE(contact_id, ${c.contactId ?? null}::uuid)
    WHERE id = ${id}`);
}

/** The draft an answered call opens on its agent's screen: the number and the time the call came in. */
export function insertCallDraft(tx: Queryable, a: { agentId: string; organisationId: string; receivedAt: Date; phoneHash: string | null; phoneEnc: string | null }) {
  return tx.one<{ id: string }>(sql`
    INSERT INTO helpline_contacts (client_id, agent_id, organisation_id, status, received_at, channel, caller_phone_hash, caller_phone_enc)
    VALUES (gen_random_uuid(), ${a.agentId}, ${a.organisationId}, 'draft', ${a.receivedAt}, 'voice', ${a.phoneHash}, ${a.phoneEnc}) RETURNING id`);
}
