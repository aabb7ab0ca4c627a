import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { helplineDeskApi } from '../../../shared/helpline-desk.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import { streamLive } from '../../platform/http/sse.js';
import { AppError } from '../../platform/errors.js';
import type { Services } from '../../platform/module.js';

/** The contact centre's signature: HMAC-SHA-256 of the exact body under the shared secret, compared in constant time. */
function signatureValid(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  const given = typeof header === 'string' ? header.replace(/^sha256=/, '').trim() : '';
  const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function registerDeskRoutes(app: FastifyInstance, { helplineDesk: desk, live, config }: Services) {
  const on = routesFrom(app, helplineDeskApi, ['helpline']);
  on('POST /api/v1/helpline/contacts/:id/callbacks', {}, async (req, reply) => reply.status(201).send(await desk.scheduleCallback(actorOf(req), req.params.id, req.body, auditContext(req))));
  on('GET /api/v1/helpline/contacts/:id/callbacks', {}, async (req) => ({ items: await desk.callbacksOf(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/helpline/callbacks/:id/close', {}, async (req) => desk.closeCallback(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('POST /api/v1/helpline/callbacks/:id/reassign', {}, async (req) => desk.reassignCallback(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('GET /api/v1/helpline/board', {}, async (req) => desk.board(actorOf(req)));
  on('GET /api/v1/helpline/live', {}, async (req, reply) => { streamLive(req, reply, live, desk.topicsFor(actorOf(req))); });
  on('POST /api/v1/helpline/events', {
    // Keep the exact bytes: the signature is over the body as sent, not as re-serialised.
    preParsing: async (req, _reply, payload) => {
      const chunks: Buffer[] = [];
      for await (const chunk of payload) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      const raw = Buffer.concat(chunks);
      // Checked before the body is parsed: an unsigned event is refused (401) before anyone says whether it was well formed.
      if (config.telephonySecret && !signatureValid(config.telephonySecret, raw, req.headers['x-ncpp-signature'])) throw new AppError('unauthenticated', 'signature_invalid');
      return Readable.from([raw]);
    },
    config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
  }, async (req) => desk.callEvent(actorOf(req), req.body, auditContext(req)));
}
