import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Referral, ReferralInput, ReferralResponse, Service, ServiceInput, ServiceQuery } from '../../../shared/referrals.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import type { Services } from '../../platform/module.js';

export function registerReferralRoutes(app: FastifyInstance, { referrals }: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  const Id = z.object({ id: z.uuid() });

  r.get('/api/v1/services', { schema: { tags, querystring: ServiceQuery, response: { 200: z.object({ items: z.array(Service) }) } } }, async (req) => ({ items: await referrals.services(req.query) }));

  r.post('/api/v1/services', { schema: { tags, body: ServiceInput, response: { 201: Service } } }, async (req, reply) =>
    reply.status(201).send(await referrals.addService(actorOf(req), req.body, auditContext(req))),
  );

  r.get('/api/v1/cases/:id/referrals', { schema: { tags, params: Id, response: { 200: z.object({ items: z.array(Referral) }) } } }, async (req) => ({
    items: await referrals.forCase(actorOf(req), req.params.id, auditContext(req)),
  }));
  r.post('/api/v1/cases/:id/referrals', { schema: { tags, params: Id, body: ReferralInput, response: { 201: Referral } } }, async (req, reply) =>
    reply.status(201).send(await referrals.refer(actorOf(req), req.params.id, req.body, auditContext(req))),
  );
  r.get('/api/v1/referrals', { schema: { tags, querystring: z.object({ status: z.enum(['pending', 'accepted', 'declined', 'completed', 'cancelled']).optional() }), response: { 200: z.object({ items: z.array(Referral) }) } } }, async (req) => ({
    items: await referrals.incoming(actorOf(req), req.query.status),
  }));
  r.post('/api/v1/referrals/:id/response', { schema: { tags, params: Id, body: ReferralResponse, response: { 200: Referral } } }, async (req) =>
    referrals.respond(actorOf(req), req.params.id, req.body, auditContext(req)),
  );
}
