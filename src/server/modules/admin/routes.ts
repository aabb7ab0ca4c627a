import type { FastifyInstance } from 'fastify';
import { ADMIN_PERMISSIONS as P, adminApi } from '../../../shared/admin.js';
import { can } from '../../platform/access/actor.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import type { Clock } from '../../platform/clock.js';
import type { AdminService } from './service.js';
import { presentJob } from './presenter.js';

/** Thin HTTP over the admin service: authenticate (hook), validate (zod), call, present. */
export function registerAdminRoutes(app: FastifyInstance, admin: AdminService, jobs: JobQueue, clock: Clock) {
  const on = routesFrom(app, adminApi, ['admin']);

  on('GET /api/v1/admin/users', {}, async (req) => ({ items: await admin.listUsers(actorOf(req), req.query) }));
  on('POST /api/v1/admin/users', {}, async (req, reply) => reply.status(201).send(await admin.createUser(actorOf(req), req.body, auditContext(req))));
  on('GET /api/v1/admin/users/:id', {}, async (req) => admin.getUser(actorOf(req), req.params.id, auditContext(req)));
  on('PATCH /api/v1/admin/users/:id', {}, async (req) => admin.updateUser(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('PUT /api/v1/admin/users/:id/roles', {}, async (req) => admin.setRoles(actorOf(req), req.params.id, req.body.roles, auditContext(req)));
  on('PUT /api/v1/admin/users/:id/password', {}, async (req) => {
    await admin.setPassword(actorOf(req), req.params.id, req.body.password, auditContext(req));
    return { ok: true as const };
  });

  on('GET /api/v1/admin/organisations', {}, async (req) => ({ items: await admin.listOrganisations(actorOf(req), req.query) }));
  on('POST /api/v1/admin/organisations', {}, async (req, reply) => reply.status(201).send(await admin.createOrganisation(actorOf(req), req.body, auditContext(req))));
  on('PATCH /api/v1/admin/organisations/:id', {}, async (req) => admin.updateOrganisation(actorOf(req), req.params.id, req.body, auditContext(req)));

  // The directory: any signed-in user may look up an organisation and its caseworkers (for transfers).
  on('GET /api/v1/organisations', { tags: ['directory'] }, async (req) => {
    actorOf(req);
    return { items: await admin.directory(req.query) };
  });
  on('GET /api/v1/organisations/:id/caseworkers', { tags: ['directory'] }, async (req) => {
    actorOf(req);
    return { items: await admin.caseWorkersOf(req.params.id) };
  });

  on('GET /api/v1/admin/roles', {}, async (req) => ({ items: await admin.listRoles(actorOf(req)) }));
  on('PUT /api/v1/admin/roles/:key', {}, async (req) => admin.setRolePermissions(actorOf(req), req.params.key, req.body.permissions, auditContext(req)));

  on('GET /api/v1/admin/audit', {}, async (req) => ({ items: await admin.auditTrail(actorOf(req), req.query) }));

  on('GET /api/v1/admin/jobs', {}, async (req) => {
    if (!can(actorOf(req), P.jobsRead)) throw new AppError('forbidden');
    return { items: (await jobs.recent()).map(presentJob) };
  });

  const clockState = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs(), controllable: clock.controllable });
  on('GET /api/v1/admin/clock', {}, async (req) => {
    if (!can(actorOf(req), P.clockSet) && !can(actorOf(req), P.jobsRead)) throw new AppError('forbidden');
    return clockState();
  });
  on('PUT /api/v1/admin/clock', {}, async (req) => {
    const actor = actorOf(req);
    if (!can(actor, P.clockSet)) throw new AppError('forbidden');
    if (!clock.controllable) throw new AppError('conflict', 'clock_not_controllable');
    await admin.moveClock(actor, clock, req.body.at ? new Date(req.body.at) : null, auditContext(req));
    // Deadlines are judged by the sweeps: run them now, so what the new date makes due shows.
    await jobs.runClockSweeps();
    return clockState();
  });
}
