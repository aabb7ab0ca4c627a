import type { AuditRow, Job, Organisation, Role, User } from '../../../shared/admin.js';
import type { OrganisationRow, UserListRow } from './queries.js';

export function presentUser(row: UserListRow, roles: Array<{ role_key: string; scope_level: number; scope_code: string | null; scope_name: string | null }>, allowedActions: string[]): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    organisation: { id: row.organisation_id, name: row.org_name },
    lang: row.lang,
    isActive: row.is_active,
    totpEnabled: row.totp_enabled,
    lockedUntil: row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until.toISOString() : null,
    roles: roles.map((r) => ({ role: r.role_key, scopeLevel: r.scope_level, scopeCode: r.scope_code, scopeName: r.scope_name })),
    allowedActions,
  };
}

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    nameEn: row.name_en,
    nameLocal: row.name_local,
    shortName: row.short_name,
    type: row.type as Organisation['type'],
    geoCode: row.geo_code,
    placeName: row.place_name,
    isActive: row.is_active,
    userCount: row.user_count,
  };
}

export function presentRole(row: { key: string; name_en: string; name_local: string; permissions: string[]; home: string; requires_mfa: boolean }): Role {
  return { key: row.key, nameEn: row.name_en, nameLocal: row.name_local, permissions: row.permissions, home: row.home, requiresMfa: row.requires_mfa };
}

/** An audit row for the administrators' view: the sequence as a number, the time as ISO text. */
export function presentAuditRow(r: Record<string, unknown>): AuditRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    seq: Number(r.seq), at: r.at instanceof Date ? r.at.toISOString() : String(r.at), actor_user_id: text(r.actor_user_id), actor_role: text(r.actor_role),
    action: String(r.action), entity: String(r.entity), entity_id: text(r.entity_id), diff: r.diff ?? null, request_id: text(r.request_id),
  };
}

/** A pg-boss job row, dates as ISO text. */
export function presentJob(j: Record<string, unknown>): Job {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
  return { id: String(j.id), name: String(j.name), state: String(j.state), retry_count: Number(j.retry_count), created_on: iso(j.created_on) ?? '', completed_on: iso(j.completed_on), output: j.output ?? null };
}
