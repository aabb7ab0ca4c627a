import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { signInAll, startHarness, type Harness, type Headers } from '../../testing/harness.js';
import { shiftStart } from './desk.js';

const SECRET = 'test-contact-centre-secret-0123456789';
const sign = (body: string) => `sha256=${crypto.createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('helpline desk: callbacks, the supervisor board, call events and the live stream', () => {
  let h: Harness;
  let as: Record<string, Headers> = {};
  let token = '';
  beforeAll(async () => {
    h = await startHarness({ env: { NCPP_TELEPHONY_SECRET: SECRET } });
    as = await signInAll(h.app, ['helpline.agent', 'helpline.supervisor', 'kurigram.caseworker']);
    const user = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = 'contact.centre'`);
    token = (await h.services.auth.createToken(user.id, 'contact centre', { actorUserId: user.id, actorRole: 'test', requestId: null, ip: null })).token;
  });
  afterAll(() => h?.close());

  const newContact = async (who = 'helpline.agent') => (await h.app.inject({ method: 'PUT', url: `/api/v1/helpline/contacts/${crypto.randomUUID()}`, headers: as[who], payload: { callType: 'child_self' } })).json();
  const event = (body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    return h.app.inject({ method: 'POST', url: '/api/v1/helpline/events', payload: text, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-ncpp-signature': sign(text), ...headers } });
  };
  const calls = async () => (await h.db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpline_calls`)).n;

  it('schedules a callback with a due time; the board shows it, overdue once the time has passed; a supervisor reassigns it', async () => {
    const contact = await newContact();
    const due = new Date(Date.now() + 30 * 60_000).toISOString();
    const made = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/callbacks`, headers: as['helpline.agent'], payload: { dueAt: due, note: 'After school, when she is alone' } });
    expect(made.statusCode).toBe(201);
    const cb = made.json();
    const board = (await h.app.inject({ url: '/api/v1/helpline/board', headers: as['helpline.supervisor'] })).json();
    expect(board.callbacks.find((c: { id: string }) => c.id === cb.id)).toMatchObject({ overdue: false });
    const later = await h.services.helplineDesk.board(await actor('helpline.supervisor'), new Date(Date.now() + 60 * 60_000));
    expect(later.callbacks.find((c) => c.id === cb.id)?.overdue).toBe(true);
    // Only a supervisor reassigns; the agent may not.
    const supervisor = board.agents.find((a: { name: string }) => a.name === 'Tanvir Ahmed Chowdhury');
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/helpline/callbacks/${cb.id}/reassign`, headers: as['helpline.agent'], payload: { assigneeId: supervisor.id } })).statusCode).toBe(403);
    const moved = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/callbacks/${cb.id}/reassign`, headers: as['helpline.supervisor'], payload: { assigneeId: supervisor.id } });
    expect(moved.json().assignee.id).toBe(supervisor.id);
    const closed = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/callbacks/${cb.id}/close`, headers: as['helpline.supervisor'], payload: { outcome: 'done', note: 'Spoke to her' } });
    expect(closed.json()).toMatchObject({ status: 'done', outcomeNote: 'Spoke to her' });
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/helpline/callbacks/${cb.id}/close`, headers: as['helpline.supervisor'], payload: { outcome: 'done' } })).statusCode).toBe(409);
    const audits = await h.db.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'helpline_callback' AND entity_id = ${cb.id} ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(['helpline.callback.create', 'helpline.callback.reassign', 'helpline.callback.close']);
  });

  it('keeps the board for supervisors and refuses a callback in the past', async () => {
    expect((await h.app.inject({ url: '/api/v1/helpline/board', headers: as['helpline.agent'] })).statusCode).toBe(403);
    const contact = await newContact();
    const past = await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/callbacks`, headers: as['helpline.agent'], payload: { dueAt: '2020-01-01T00:00:00Z' } });
    expect(past.statusCode).toBe(422);
    // Someone who may not read the contact cannot schedule from it.
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/helpline/contacts/${contact.id}/callbacks`, headers: as['kurigram.caseworker'], payload: { dueAt: new Date(Date.now() + 3600_000).toISOString() } })).statusCode).toBe(403);
  });

  it('refuses a missing or wrong token, a wrong signature and a malformed event, storing nothing', async () => {
    const before = await calls();
    const ok = { type: 'call.offered', callId: 'cc-1', at: new Date().toISOString(), from: '01711000111' };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/helpline/events', payload: ok })).statusCode).toBe(401);
    expect((await event(ok, { authorization: 'Bearer ncpp_wrong' })).statusCode).toBe(401);
    expect((await event(ok, { 'x-ncpp-signature': 'sha256=00' })).statusCode).toBe(401);
    expect((await event({ ...ok, at: 'yesterday' })).statusCode).toBe(422);
    expect((await event({ type: 'call.transferred', callId: 'cc-1', at: ok.at })).statusCode).toBe(422);
    expect((await event({ type: 'call.answered', callId: 'cc-1', at: ok.at, agent: 'nobody.here' })).statusCode).toBe(422);
    // A person who may not take contacts is no agent either.
    expect((await event({ type: 'call.answered', callId: 'cc-1', at: ok.at, agent: 'kurigram.caseworker' })).statusCode).toBe(422);
    expect(await calls()).toBe(before);
    // A session (no token) of someone without the permission is refused too.
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/helpline/events', headers: { ...as['helpline.agent'], 'x-ncpp-signature': sign(JSON.stringify(ok)) }, payload: ok })).statusCode).toBe(403);
  });

  it('an answered call opens a draft with the number and time on the agent\'s live stream; repeats change nothing', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address() as { port: number };
    const stream = await fetch(`http://127.0.0.1:${address.port}/api/v1/helpline/live`, { headers: { cookie: as['helpline.agent']!.cookie! } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const received: string[] = [];
    const until = async (text: string) => {
      const deadline = Date.now() + 5000;
      while (!received.join('').includes(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        received.push(new TextDecoder().decode(value));
      }
      return received.join('');
    };
    await until('event: ready');
    const offeredAt = new Date(Date.now() - 20_000).toISOString();
    expect((await event({ type: 'call.offered', callId: 'cc-42', at: offeredAt, from: '+880 1711-998877', line: '1098' })).json()).toMatchObject({ status: 'offered', contactId: null });
    const answered = (await event({ type: 'call.answered', callId: 'cc-42', at: new Date().toISOString(), agent: 'helpline.agent' })).json();
    expect(answered.status).toBe('answered');
    const text = await until('event: call');
    expect(text).toContain(answered.contactId);
    const contact = (await h.app.inject({ url: `/api/v1/helpline/contacts/${answered.contactId}`, headers: as['helpline.agent'] })).json();
    expect(contact).toMatchObject({ status: 'draft', channel: 'voice', receivedAt: offeredAt, caller: { phoneMasked: '•••••••••77' } });
    // The same event again, and the end: one call, one contact.
    expect((await event({ type: 'call.answered', callId: 'cc-42', at: new Date().toISOString(), agent: 'helpline.agent' })).json().contactId).toBe(answered.contactId);
    expect((await event({ type: 'call.ended', callId: 'cc-42', at: new Date().toISOString(), reason: 'caller_hung_up' })).json().status).toBe('ended');
    const rows = await h.db.query<{ contact_id: string; ended_at: Date | null; from_enc: string }>(sql`SELECT contact_id, ended_at, from_enc FROM helpline_calls WHERE external_id = 'cc-42'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ended_at).not.toBeNull();
    expect(rows[0]!.from_enc).not.toContain('998877');
    // Another agent answering the same call is a conflict.
    expect((await event({ type: 'call.answered', callId: 'cc-42', at: new Date().toISOString(), agent: 'helpline.supervisor' })).statusCode).toBe(409);
    await reader.cancel();
  });

  it('starts shifts at 06:00, 14:00 and 22:00 in the country\'s time', () => {
    expect(shiftStart(new Date('2026-12-03T03:30:00Z'), 'Asia/Dhaka').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(shiftStart(new Date('2026-12-03T19:10:00Z'), 'Asia/Dhaka').toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(shiftStart(new Date('2026-12-02T23:59:00Z'), 'Asia/Dhaka').toISOString()).toBe('2026-12-02T16:00:00.000Z');
  });

  async function actor(username: string) {
    const user = await h.db.one<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`);
    const { loadActor } = await import('../../platform/auth/actor-loader.js');
    return (await loadActor(h.db, user.id, 'session'))!;
  }
});
