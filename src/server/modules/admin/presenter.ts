import type { Organisation, Role, User } from '../../../shared/admin.js';
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
