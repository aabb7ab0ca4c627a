import type { FastifyInstance } from 'fastify';
import { inspectionsApi } from '../../../../shared/inspections.js';
import { routesFrom } from '../../../platform/http/contract.js';
import { actorOf, auditContext } from '../../../platform/http/context.js';
import type { Services } from '../../../platform/module.js';

/** Thin HTTP over the care-standards inspections: validate (from the route table), call, answer. */
export function registerInspectionRoutes(app: FastifyInstance, { inspections }: Services) {
  const on = routesFrom(app, inspectionsApi, ['institutions']);

  on('GET /api/v1/facilities/:id/inspections', {}, async (req) => inspections.of(actorOf(req), req.params.id, auditContext(req)));
  on('POST /api/v1/facilities/:id/inspections', {}, async (req, reply) => reply.status(201).send(await inspections.record(actorOf(req), req.params.id, req.body, auditContext(req))));
  on('POST /api/v1/inspection-actions/:id/done', {}, async (req) => inspections.completeAction(actorOf(req), req.params.id, req.body.doneOn, auditContext(req)));
}
