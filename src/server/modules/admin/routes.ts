import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditRow, DirectoryOrganisation, Job, ListQuery, Organisation, PersonName, OrganisationInput, OrganisationPatch, Role, RolePermissionsInput, ScopeBindingInput, User, UserCreateInput, UserPatch,
} from '../../../shared/admin.js';
import { Items, Ok } from '../../../shared/common.js';
import { can } from '../../platform/access/actor.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { ADMIN_PERMISSIONS as P } from '../../../shared/admin.js';
import type { AdminService } from './service.js';
import { presentJob } from './presenter.js';

const IdParam = z.object({ id: z.uuid() });


/** Thin HTTP over the admin service: authenticate (hook), validate (zod), call, present. */
export function registerAdminRoutes(app: FastifyInstance, admin: AdminService, jobs: JobQueue) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/api/v1/admin/users', { schema: { tags, querystring: ListQuery, response: { 200: z.object({ items: z.array(User) }) } } }, async (req) => ({
    items: await admin.listUsers(actorOf(req), req.query),
  }));
  r.post('/api/v1/admin/users', { schema: { tags, body: UserCreateInput, response: { 201: User } } }, async (req, reply) =>
    reply.status(201).send(await admin.createUser(actorOf(req), req.body, auditContext(req))),
  );
  r.get('/api/v1/admin/users/:id', { schema: { tags, params: IdParam, response: { 200: User } } }, async (req) => admin.getUser(actorOf(req), req.params.id, auditContext(req)));
  r.patch('/api/v1/admin/users/:id', { schema: { tags, params: IdParam, body: UserPatch, response: { 200: User } } }, async (req) =>
    admin.updateUser(actorOf(req), req.params.id, req.body, auditContext(req)),
  );
  r.put('/api/v1/admin/users/:id/roles', { schema: { tags, params: IdParam, body: z.object({ roles: z.array(ScopeBindingInput).max(20) }), response: { 200: User } } }, async (req) =>
    admin.setRoles(actorOf(req), req.params.id, req.body.roles, auditContext(req)),
  );
  r.put('/api/v1/admin/users/:id/password', { schema: { tags, params: IdParam, body: z.object({ password: z.string().min(1).max(200) }), response: { 200: Ok } } }, async (req) => {
    await admin.setPassword(actorOf(req), req.params.id, req.body.password, auditContext(req));
    return { ok: true as const };
  });

  r.get('/api/v1/admin/organisations', { schema: { tags, querystring: ListQuery, response: { 200: z.object({ items: z.array(Organisation) }) } } }, async (req) => ({
    items: await admin.listOrganisations(actorOf(req), req.query),
  }));
  r.post('/api/v1/admin/organisations', { schema: { tags, body: OrganisationInput, response: { 201: Organisation } } }, async (req, reply) =>
    reply.status(201).send(await admin.createOrganisation(actorOf(req), req.body, auditContext(req))),
  );
  r.patch('/api/v1/admin/organisations/:id', { schema: { tags, params: IdParam, body: OrganisationPatch, response: { 200: Organisation } } }, async (req) =>
    admin.updateOrganisation(actorOf(req), req.params.id, req.body, auditContext(req)),
  );

  r.get('/api/v1/organisations', { schema: { tags: ['directory'], querystring: z.object({ q: z.string().trim().max(100).optional() }), response: { 200: Items(DirectoryOrganisation) } } }, async (req) => {
    actorOf(req);
    return { items: await admin.directory(req.query) };
  });
  r.get('/api/v1/organisations/:id/caseworkers', { schema: { tags: ['directory'], params: IdParam, response: { 200: Items(PersonName) } } }, async (req) => {
    actorOf(req);
    return { items: await admin.caseWorkersOf(req.params.id) };
  });

  r.get('/api/v1/admin/roles', { schema: { tags, response: { 200: z.object({ items: z.array(Role) }) } } }, async (req) => ({ items: await admin.listRoles(actorOf(req)) }));
  r.put('/api/v1/admin/roles/:key', { schema: { tags, params: z.object({ key: z.string().max(60) }), body: RolePermissionsInput, response: { 200: Role } } }, async (req) =>
    admin.setRolePermissions(actorOf(req), req.params.key, req.body.permissions, auditContext(req)),
  );

  r.get('/api/v1/admin/audit', { schema: { tags, querystring: z.object({ entity: z.string().max(60).optional(), entityId: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: Items(AuditRow) } } }, async (req) => ({
    items: await admin.auditTrail(actorOf(req), req.query),
  }));

  r.get('/api/v1/admin/jobs', { schema: { tags, response: { 200: Items(Job) } } }, async (req) => {
    if (!can(actorOf(req), P.jobsRead)) throw new AppError('forbidden');
    return { items: (await jobs.recent()).map(presentJob) };
  });
}
