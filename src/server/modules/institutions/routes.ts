import type { FastifyInstance } from 'fastify';
import { institutionsApi } from '../../../shared/institutions.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import type { Services } from '../../platform/module.js';

/** Thin HTTP over the institution service: validate (zod, from the route table), call, answer. */
export function registerInstitutionRoutes(app: FastifyInstance, { institutions }: Services) {
  const on = routesFrom(app, institutionsApi, ['institutions']);

  on('GET /api/v1/facilities', {}, async (req) => ({ items: await institutions.facilities(actorOf(req), req.query) }));
  on('GET /api/v1/facilities/occupancy', {}, async (req) => {
    actorOf(req);
    return { items: await institutions.occupancy(req.query) };
  });
  on('GET /api/v1/institutions/mine', {}, async (req) => ({ items: await institutions.mine(actorOf(req)) }));
  on('POST /api/v1/facilities', {}, async (req, reply) => reply.status(201).send(await institutions.createFacility(actorOf(req), req.body, auditContext(req))));
  on('PUT /api/v1/facilities/:id', {}, async (req) => institutions.updateFacility(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('GET /api/v1/facilities/:id', {}, async (req) => institutions.facility(actorOf(req), req.params.id));
  on('GET /api/v1/facilities/:id/residents', {}, async (req) => ({ items: await institutions.residents(actorOf(req), req.params.id, req.query.alertsOnly ?? false, auditContext(req)) }));
  on('POST /api/v1/placements', {}, async (req, reply) => reply.status(201).send(await institutions.admit(actorOf(req), req.body, auditContext(req))));
  on('GET /api/v1/placements/:id', {}, async (req) => institutions.placement(actorOf(req), req.params.id, auditContext(req)));
  on('POST /api/v1/placements/:id/transfer', {}, async (req, reply) => reply.status(201).send(await institutions.transfer(actorOf(req), req.params.id, req.body, auditContext(req))));
  on('POST /api/v1/placements/:id/phase', {}, async (req) => institutions.advancePhase(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('POST /api/v1/placements/:id/discharge', {}, async (req) => institutions.discharge(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('GET /api/v1/facilities/:id/follow-ups', {}, async (req) => ({ items: await institutions.followUps(actorOf(req), req.params.id, req.query.status, auditContext(req)) }));
  on('POST /api/v1/follow-ups/:id/visit', {}, async (req) => institutions.recordVisit(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('GET /api/v1/cases/:id/placements', {}, async (req) => ({ items: await institutions.ofCase(actorOf(req), req.params.id, auditContext(req)) }));
}
