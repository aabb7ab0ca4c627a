import { z } from 'zod';
import { routeTable, type RoutesOf } from './contract.js';
import { Dispatch } from './helpline.js';

/**
 * The helpline's live desk: callbacks promised from contacts, the supervisor's board, the
 * contact centre's call events (and the screen pop they cause), and the server-sent event
 * stream that keeps pages current without reloading.
 */
const Text = (max: number) => z.string().trim().max(max);

export const Callback = z.object({
  id: z.uuid(), contactId: z.uuid(), dueAt: z.string(), note: z.string(), status: z.enum(['scheduled', 'done', 'cancelled']),
  assignee: z.object({ id: z.string(), name: z.string() }), createdAt: z.string(), closedAt: z.string().nullable(), outcomeNote: z.string().nullable(),
});
export type Callback = z.infer<typeof Callback>;
export const CallbackInput = z.object({
  dueAt: z.iso.datetime({ offset: true }),
  note: Text(1000).default(''),
  /** Who owes the call (default: the agent scheduling it); a supervisor may name another agent. */
  assigneeId: z.uuid().optional(),
});
export const CallbackClose = z.object({ outcome: z.enum(['done', 'cancelled']), note: Text(1000).default('') });
export const CallbackReassign = z.object({ assigneeId: z.uuid() });

/** What a supervisor watches: open dispatches with their deadlines, callbacks due, the shift, unfinished drafts. */
export const Board = z.object({
  now: z.string(),
  dispatches: z.array(Dispatch.extend({ contactId: z.uuid(), agent: z.string() })),
  callbacks: z.array(Callback.extend({ overdue: z.boolean() })),
  shift: z.object({ from: z.string(), to: z.string(), agents: z.array(z.object({ id: z.string(), name: z.string(), completed: z.number(), drafts: z.number() })) }),
  drafts: z.array(z.object({ id: z.uuid(), agent: z.string(), receivedAt: z.string(), updatedAt: z.string(), callType: z.string().nullable() })),
  /** Agents who may be given a callback (for reassigning). */
  agents: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Board = z.infer<typeof Board>;

const CallId = z.string().trim().min(1).max(120);
const At = z.iso.datetime({ offset: true });
/** A number as the contact centre sends it: digits, +, spaces or dashes. */
const Number_ = z.string().trim().regex(/^[+0-9০-৯ -]{3,20}$/);

/**
 * One call event from any contact-centre system (vendor-neutral; docs/helpline.md). Events
 * are idempotent by `callId` and type: a repeat changes nothing.
 */
export const CallEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call.offered'), callId: CallId, at: At, from: Number_.optional(), line: z.string().trim().max(20).optional() }),
  z.object({ type: z.literal('call.answered'), callId: CallId, at: At, agent: z.string().trim().min(1).max(80), from: Number_.optional() }),
  z.object({ type: z.literal('call.ended'), callId: CallId, at: At, reason: z.string().trim().max(40).optional() }),
]);
export type CallEvent = z.infer<typeof CallEvent>;
export const CallEventResult = z.object({ callId: z.string(), contactId: z.uuid().nullable(), status: z.enum(['offered', 'answered', 'ended']) });

/** The messages of the live stream (`event:` names, JSON `data:`). */
export type LiveMessage =
  | { event: 'board'; data: { reason: string } }
  | { event: 'call'; data: { contactId: string; callId: string } };

const Id = z.object({ id: z.uuid() });

export const helplineDeskApi = routeTable({
  'POST /api/v1/helpline/contacts/:id/callbacks': { summary: 'Schedule a callback from a contact', params: Id, body: CallbackInput, response: { 201: Callback } },
  'GET /api/v1/helpline/contacts/:id/callbacks': { summary: "A contact's callbacks", params: Id, response: { 200: z.object({ items: z.array(Callback) }) } },
  'POST /api/v1/helpline/callbacks/:id/close': { summary: 'Record that a callback was made (or is no longer needed)', params: Id, body: CallbackClose, response: { 200: Callback } },
  'POST /api/v1/helpline/callbacks/:id/reassign': { summary: 'Give a callback to another agent (supervisors)', params: Id, body: CallbackReassign, response: { 200: Callback } },
  'GET /api/v1/helpline/board': { summary: "The supervisor's board: open dispatches, callbacks due, the shift, drafts", response: { 200: Board } },
  'GET /api/v1/helpline/live': {
    summary: 'Server-sent events: board changes, and screen pops for the signed-in agent',
    description: '`text/event-stream`. `event: board` when something on the board changed (refetch it); `event: call` with `{ contactId, callId }` when a call answered by this agent opened a contact.',
    response: { 200: z.string().meta({ description: 'text/event-stream' }) },
  },
  'POST /api/v1/helpline/events': {
    summary: 'A call event from the contact-centre system (API token)',
    description: 'Bearer token of an account with helpline.telephony.events. With a shared secret configured (NCPP_TELEPHONY_SECRET), the header X-NCPP-Signature: sha256=<hex HMAC-SHA-256 of the body> is required. 401 for a missing or wrong token or signature, 422 for a malformed event; nothing is stored then.',
    body: CallEvent, response: { 200: CallEventResult },
  },
});

declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof helplineDeskApi> {}
}
