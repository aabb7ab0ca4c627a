import { z } from 'zod';
import { ORGANISATION_TYPES } from './values.js';
export { ORGANISATION_TYPES } from './values.js';
import { Items, Ok } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';

export const OrganisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationType>;

export const OrganisationInput = z.object({
  nameEn: z.string().trim().min(2).max(200),
  nameLocal: z.string().trim().max(200).nullable().optional(),
  shortName: z.string().trim().max(40).nullable().optional(),
  type: OrganisationType,
  geoCode: z.string().max(40).nullable().optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export const OrganisationPatch = OrganisationInput.partial().extend({ isActive: z.boolean().optional() });

export const Organisation = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameLocal: z.string().nullable(),
  shortName: z.string().nullable(),
  type: OrganisationType,
  geoCode: z.string().nullable(),
  placeName: z.string().nullable(),
  isActive: z.boolean(),
  userCount: z.number(),
});
export type Organisation = z.infer<typeof Organisation>;

export const ScopeBindingInput = z.object({
  role: z.string().min(1).max(60),
  scopeLevel: z.number().int().min(0).max(3),
  scopeCode: z.string().max(40).nullable(),
});
export type ScopeBindingInput = z.infer<typeof ScopeBindingInput>;

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,59}$/);

export const UserCreateInput = z.object({
  username: Username,
  fullName: z.string().trim().min(2).max(200),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  organisationId: z.uuid(),
  lang: z.enum(['en', 'bn']).default('en'),
  password: z.string().min(1).max(200),
  roles: z.array(ScopeBindingInput).max(20).default([]),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserPatch = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  organisationId: z.uuid().optional(),
  isActive: z.boolean().optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  lang: z.enum(['en', 'bn']),
  isActive: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  roles: z.array(ScopeBindingInput.extend({ scopeName: z.string().nullable() })),
  allowedActions: z.array(z.string()),
});
export type User = z.infer<typeof User>;

export const Role = z.object({
  key: z.string(),
  nameEn: z.string(),
  nameLocal: z.string(),
  permissions: z.array(z.string()),
  home: z.string(),
  requiresMfa: z.boolean(),
});
export type Role = z.infer<typeof Role>;
export const RolePermissionsInput = z.object({ permissions: z.array(z.string().min(1).max(80)).max(200) });

export const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The organisation directory any signed-in user may search (to refer or transfer to). */
export const DirectoryOrganisation = z.object({ id: z.string(), name: z.string(), nameLocal: z.string().nullable(), type: z.string(), place: z.string().nullable() });
export type DirectoryOrganisation = z.infer<typeof DirectoryOrganisation>;
/** A person in a picker: a name, never contacts. */
export const PersonName = z.object({ id: z.string(), name: z.string() });
export type PersonName = z.infer<typeof PersonName>;
/** One row of the audit trail, as the administrators' view shows it. */
export const AuditRow = z.object({
  seq: z.number(), at: z.string(), actor_user_id: z.string().nullable(), actor_role: z.string().nullable(), action: z.string(), entity: z.string(),
  entity_id: z.string().nullable(), diff: z.unknown(), request_id: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;
/** A background job, for the administrators' view. */
export const Job = z.object({ id: z.string(), name: z.string(), state: z.string(), retry_count: z.number(), created_on: z.string(), completed_on: z.string().nullable(), output: z.unknown() });
export type Job = z.infer<typeof Job>;

export { ADMIN_PERMISSIONS } from './permissions/admin.js';

/** The platform's clock: where it stands, and whether this installation lets it be moved. */
export const ClockState = z.object({ now: z.string(), offsetMs: z.number(), controllable: z.boolean() });
export type ClockState = z.infer<typeof ClockState>;
/** Where to move it (`null`: back to real time). */
export const ClockInput = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

const IdParam = z.object({ id: z.uuid() });
export const AuditQuery = z.object({ entity: z.string().max(60).optional(), entityId: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The administration API (accounts, organisations, roles, audit, jobs) and the organisation directory. */
export const adminApi = routeTable({
  'GET /api/v1/admin/users': { summary: "List user accounts within one's scope", querystring: ListQuery, response: { 200: Items(User) } },
  'POST /api/v1/admin/users': { summary: 'Create a user account with its roles', body: UserCreateInput, response: { 201: User } },
  'GET /api/v1/admin/users/:id': { summary: 'One user account', params: IdParam, response: { 200: User } },
  'PATCH /api/v1/admin/users/:id': { summary: "Change a user's name, email, language or active state", params: IdParam, body: UserPatch, response: { 200: User } },
  'PUT /api/v1/admin/users/:id/roles': { summary: "Replace a user's role bindings", params: IdParam, body: z.object({ roles: z.array(ScopeBindingInput).max(20) }), response: { 200: User } },
  'PUT /api/v1/admin/users/:id/password': { summary: "Set a user's password", params: IdParam, body: z.object({ password: z.string().min(1).max(200) }), response: { 200: Ok } },
  'GET /api/v1/admin/organisations': { summary: 'List organisations', querystring: ListQuery, response: { 200: Items(Organisation) } },
  'POST /api/v1/admin/organisations': { summary: 'Register an organisation', body: OrganisationInput, response: { 201: Organisation } },
  'PATCH /api/v1/admin/organisations/:id': { summary: 'Change an organisation', params: IdParam, body: OrganisationPatch, response: { 200: Organisation } },
  'GET /api/v1/organisations': { summary: 'Look organisations up by name (the directory)', querystring: z.object({ q: z.string().trim().max(100).optional() }), response: { 200: Items(DirectoryOrganisation) } },
  'GET /api/v1/organisations/:id/caseworkers': { summary: 'The caseworkers of an organisation (for transfers)', params: IdParam, response: { 200: Items(PersonName) } },
  'GET /api/v1/admin/roles': { summary: 'List roles and their permissions', response: { 200: Items(Role) } },
  'PUT /api/v1/admin/roles/:key': { summary: "Replace a role's permissions", params: z.object({ key: z.string().max(60) }), body: RolePermissionsInput, response: { 200: Role } },
  'GET /api/v1/admin/audit': { summary: 'Read the audit trail', querystring: AuditQuery, response: { 200: Items(AuditRow) } },
  'GET /api/v1/admin/jobs': { summary: 'Recent background jobs', response: { 200: Items(Job) } },
  'GET /api/v1/admin/clock': { summary: "The platform's clock", response: { 200: ClockState } },
  'PUT /api/v1/admin/clock': { summary: 'Move the clock (training and test installations only); the deadline sweeps run at once', body: ClockInput, response: { 200: ClockState } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof adminApi> {}
}
