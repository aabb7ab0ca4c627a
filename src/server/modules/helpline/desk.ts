import type { Board, Callback, CallEvent } from '../../../shared/helpline-desk.js';
import { HELPLINE_PERMISSIONS as P } from '../../../shared/helpline.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { userTopic, type LiveBus } from '../../platform/live/bus.js';
import * as dq from './desk-queries.js';
import { phoneKeeper } from './phone.js';

/** The topic every open board listens to. */
export const BOARD_TOPIC = 'helpline.board';
/** Shifts start at these local hours (three eight-hour shifts). */
const SHIFT_STARTS = [6, 14, 22];
const CALLBACK_HORIZON_MS = 4 * 3600_000;
const validation = (path: string, code: string) => new AppError('validation', 'validation', [{ path, code, message: '' }]);

/** When the shift running at `now` began, in the country's time zone. */
export function shiftStart(now: Date, timezone: string): Date {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const start = [...SHIFT_STARTS].reverse().find((h) => h <= hour) ?? SHIFT_STARTS[SHIFT_STARTS.length - 1]!;
  const minutesIn = ((hour - start + 24) % 24) * 60 + minute;
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 - minutesIn * 60_000);
}

function presentCallback(r: dq.CallbackRow): Callback {
  return {
    id: r.id, contactId: r.contact_id, dueAt: r.due_at.toISOString(), note: r.note, status: r.status, assignee: { id: r.assigned_to, name: r.assignee_name },
    createdAt: r.created_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null, outcomeNote: r.outcome_note,
  };
}

/**
 * The helpline's live desk: callbacks, the supervisor's board and the contact centre's call
 * events. Each change tells the open boards (and, for a screen pop, the agent's own pages)
 * after its transaction commits; the message names no one, pages refetch through the API.
 */
export function createHelplineDesk(db: Database, live: LiveBus, secretKey: Buffer, timezone: string, readContact: (actor: Actor, id: string, ctx: AuditContext) => Promise<unknown>) {
  const keepPhone = phoneKeeper(secretKey);
  const boardChanged = (tx: Tx, reason: string) => tx.afterCommit(() => live.publish(BOARD_TOPIC, { event: 'board', data: { reason } }));

  async function callbackFor(actor: Actor, id: string, ctx: AuditContext) {
    const row = await dq.findCallback(db, id);
    if (!row) throw new AppError('not_found');
    await readContact(actor, row.contact_id, ctx);
    return row;
  }

  return {
    async scheduleCallback(actor: Actor, contactId: string, input: { dueAt: string; note: string; assigneeId?: string | undefined }, ctx: AuditContext): Promise<Callback> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      await readContact(actor, contactId, ctx);
      const dueAt = new Date(input.dueAt);
      if (dueAt.getTime() < Date.now() - 60_000) throw validation('dueAt', 'in_past');
      const assignee = input.assigneeId ?? actor.userId;
      if (assignee !== actor.userId && !can(actor, P.supervise)) throw new AppError('forbidden');
      if (!(await dq.agent(db, { id: assignee }))) throw validation('assigneeId', 'not_an_agent');
      const id = await db.tx(async (tx) => {
        const row = await dq.insertCallback(tx, { contactId, dueAt, assignee, note: input.note, createdBy: actor.userId });
        await recordAudit(tx, ctx, { action: 'helpline.callback.create', entity: 'helpline_callback', entityId: row.id, after: { contact_id: contactId, due_at: dueAt.toISOString(), assigned_to: assignee } });
        boardChanged(tx, 'callback');
        return row.id;
      });
      return presentCallback((await dq.findCallback(db, id))!);
    },

    async callbacksOf(actor: Actor, contactId: string, ctx: AuditContext): Promise<Callback[]> {
      await readContact(actor, contactId, ctx);
      return (await dq.callbacksOf(db, contactId)).map(presentCallback);
    },

    /** The agent who owes the callback, or a supervisor, records what came of it. */
    async closeCallback(actor: Actor, id: string, input: { outcome: 'done' | 'cancelled'; note: string }, ctx: AuditContext): Promise<Callback> {
      const row = await callbackFor(actor, id, ctx);
      if (row.assigned_to !== actor.userId && !can(actor, P.supervise)) throw new AppError('forbidden');
      await db.tx(async (tx) => {
        if ((await dq.closeCallback(tx, id, input.outcome, actor.userId, input.note)).length === 0) throw new AppError('conflict', 'callback_closed');
        await recordAudit(tx, ctx, { action: 'helpline.callback.close', entity: 'helpline_callback', entityId: id, before: { status: row.status }, after: { status: input.outcome } });
        boardChanged(tx, 'callback');
      });
      return presentCallback((await dq.findCallback(db, id))!);
    },

    async reassignCallback(actor: Actor, id: string, input: { assigneeId: string }, ctx: AuditContext): Promise<Callback> {
      if (!can(actor, P.supervise)) throw new AppError('forbidden');
      const row = await callbackFor(actor, id, ctx);
      if (!(await dq.agent(db, { id: input.assigneeId }))) throw validation('assigneeId', 'not_an_agent');
      await db.tx(async (tx) => {
        if ((await dq.reassignCallback(tx, id, input.assigneeId)).length === 0) throw new AppError('conflict', 'callback_closed');
        await recordAudit(tx, ctx, { action: 'helpline.callback.reassign', entity: 'helpline_callback', entityId: id, before: { assigned_to: row.assigned_to }, after: { assigned_to: input.assigneeId } });
        tx.afterCommit(() => live.publish(userTopic(input.assigneeId), { event: 'board', data: { reason: 'callback' } }));
        boardChanged(tx, 'callback');
      });
      return presentCallback((await dq.findCallback(db, id))!);
    },

    async board(actor: Actor, now: Date = new Date()): Promise<Board> {
      if (!can(actor, P.supervise)) throw new AppError('forbidden');
      const from = shiftStart(now, timezone);
      const [dispatches, callbacks, shift, drafts, agents] = await Promise.all([
        dq.openDispatches(db, actor), dq.callbacksDue(db, actor, new Date(now.getTime() + CALLBACK_HORIZON_MS)), dq.shiftCounts(db, actor, from), dq.openDrafts(db, actor), dq.agents(db),
      ]);
      return {
        now: now.toISOString(),
        dispatches: dispatches.map((d) => ({
          id: d.id, contactId: d.contact_id, target: d.target, note: d.note, status: d.status, ackDue: d.ack_due.toISOString(), sentAt: d.sent_at.toISOString(), sentBy: d.sent_by,
          acknowledgedAt: null, acknowledgedBy: null, ackNote: null, escalatedAt: d.escalated_at?.toISOString() ?? null, agent: d.agent_name,
        })),
        callbacks: callbacks.map((c) => ({ ...presentCallback(c), overdue: c.due_at.getTime() < now.getTime() })),
        shift: { from: from.toISOString(), to: new Date(from.getTime() + 8 * 3600_000).toISOString(), agents: shift.map((a) => ({ id: a.id, name: a.full_name, completed: a.completed, drafts: a.drafts })) },
        drafts: drafts.map((d) => ({ id: d.id, agent: d.agent_name, receivedAt: d.received_at.toISOString(), updatedAt: d.updated_at.toISOString(), callType: d.call_type })),
        agents: agents.map((a) => ({ id: a.id, name: a.full_name })),
      };
    },

    /**
     * One call event from the contact centre, applied in one transaction (so a failure stores
     * nothing) and idempotent by call id: `call.answered` opens a draft contact for the agent
     * with the caller's number and the time the call came in, and pops it on their screen.
     */
    async callEvent(actor: Actor, event: CallEvent, ctx: AuditContext) {
      if (!can(actor, P.telephony)) throw new AppError('forbidden');
      const at = new Date(event.at);
      const agent = event.type === 'call.answered' ? await dq.agent(db, { username: event.agent }) : null;
      if (event.type === 'call.answered' && !agent) throw validation('agent', 'not_an_agent');
      return db.tx(async (tx) => {
        const call = await dq.lockCall(tx, event.callId);
        const phone = 'from' in event ? keepPhone(event.from) : { hash: null, enc: null };
        let contactId = call.contact_id;
        if (event.type === 'call.offered') {
          await dq.updateCall(tx, call.id, { offeredAt: at, fromHash: phone.hash, fromEnc: phone.enc, line: event.line ?? null });
        } else if (event.type === 'call.answered') {
          if (call.agent_id && call.agent_id !== agent!.id) throw new AppError('conflict', 'call_answered_by_other');
          if (!contactId) {
            const draft = await dq.insertCallDraft(tx, { agentId: agent!.id, organisationId: agent!.organisation_id, receivedAt: call.offered_at ?? at, phoneHash: call.from_hash ?? phone.hash, phoneEnc: call.from_enc ?? phone.enc });
            contactId = draft.id;
            await recordAudit(tx, ctx, { action: 'helpline.contact.create', entity: 'helpline_contact', entityId: draft.id, meta: { from: 'call.answered', call: event.callId } });
            const popped = { contactId, callId: event.callId };
            tx.afterCommit(() => live.publish(userTopic(agent!.id), { event: 'call', data: popped }));
          }
          await dq.updateCall(tx, call.id, { answeredAt: at, agentId: agent!.id, contactId: contactId!, fromHash: phone.hash, fromEnc: phone.enc });
        } else {
          await dq.updateCall(tx, call.id, { endedAt: at, endReason: event.reason ?? null });
        }
        await recordAudit(tx, ctx, { action: `helpline.${event.type}`, entity: 'helpline_call', entityId: call.id, meta: { call: event.callId } });
        boardChanged(tx, 'call');
        const status = event.type === 'call.ended' || call.ended_at ? 'ended' : event.type === 'call.answered' || call.answered_at ? 'answered' : 'offered';
        return { callId: event.callId, contactId, status } as const;
      });
    },

    /** The topics one reader's live stream carries: their own screen, and the board for supervisors. */
    topicsFor(actor: Actor): string[] {
      return [userTopic(actor.userId), ...(can(actor, P.supervise) ? [BOARD_TOPIC] : [])];
    },
  };
}
export type HelplineDesk = ReturnType<typeof createHelplineDesk>;
