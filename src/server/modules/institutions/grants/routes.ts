import type { FastifyInstance } from 'fastify';
import { grantsApi } from '../../../../shared/grants.js';
import { routesFrom } from '../../../platform/http/contract.js';
import { actorOf, auditContext } from '../../../platform/http/context.js';
import type { Services } from '../../../platform/module.js';

/** Thin HTTP over the capitation grants: validate (from the route table), call, answer. */
export function registerGrantRoutes(app: FastifyInstance, { grants }: Services) {
  const on = routesFrom(app, grantsApi, ['grants']);

  on('GET /api/v1/grants/rates', {}, async (req) => ({ items: await grants.rates(actorOf(req)) }));
  on('POST /api/v1/grants/rates', {}, async (req, reply) => reply.status(201).send(await grants.setRate(actorOf(req), req.body, auditContext(req))));
  on('POST /api/v1/facilities/:id/enrolments', {}, async (req, reply) => reply.status(201).send(await grants.enrol(actorOf(req), req.params.id, req.body.personId, req.body.enrolledOn, auditContext(req))));
  on('POST /api/v1/grants/claims/generate', {}, async (req) => grants.generate(actorOf(req), req.body.month, req.body.district, auditContext(req)));
  on('GET /api/v1/grants/claims', {}, async (req) => ({ items: await grants.claims(actorOf(req), req.query) }));
  on('GET /api/v1/grants/claims/:id', {}, async (req) => grants.claim(actorOf(req), req.params.id, auditContext(req)));
  on('POST /api/v1/grants/claims/:id/spot-checks', {}, async (req) => grants.spotCheck(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('POST /api/v1/grants/claims/:id/decision', {}, async (req) => grants.decide(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('POST /api/v1/grants/claims/:id/disbursement', {}, async (req) => grants.disburse(actorOf(req), req.params.id, req.body.reference, auditContext(req)));
}
