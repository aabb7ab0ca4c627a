import type { FastifyInstance } from 'fastify';
import { referralsApi } from '../../../shared/referrals.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext, requestLang } from '../../platform/http/context.js';
import type { Services } from '../../platform/module.js';

export function registerReferralRoutes(app: FastifyInstance, { referrals }: Services) {
  const on = routesFrom(app, referralsApi, ['referrals']);

  on('GET /api/v1/services', {}, async (req) => ({ items: await referrals.services(req.query, requestLang(req)) }));
  on('POST /api/v1/services', {}, async (req, reply) => reply.status(201).send(await referrals.addService(actorOf(req), req.body, auditContext(req))));

  on('GET /api/v1/cases/:id/referrals', {}, async (req) => ({ items: await referrals.forCase(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/cases/:id/referrals', {}, async (req, reply) => reply.status(201).send(await referrals.refer(actorOf(req), req.params.id, req.body, auditContext(req))));
  on('GET /api/v1/cases/:id/referral-preview', {}, async (req) => referrals.preview(actorOf(req), req.params.id, auditContext(req)));
  on('POST /api/v1/cases/:id/referrals/:referralId/withdraw', {}, async (req) =>
    referrals.withdraw(actorOf(req), req.params.id, req.params.referralId, req.body.reason, auditContext(req)));
  on('GET /api/v1/referrals', {}, async (req) => ({ items: await referrals.incoming(actorOf(req), req.query.status) }));
  on('POST /api/v1/referrals/:id/response', {}, async (req) => referrals.respond(actorOf(req), req.params.id, req.body, auditContext(req)));
}
