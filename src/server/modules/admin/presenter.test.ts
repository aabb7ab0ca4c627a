import { describe, expect, it } from 'vitest';
import { Organisation, Role, User } from '../../../shared/admin.js';
import { presentOrganisation, presentRole, presentUser } from './presenter.js';
import type { UserListRow } from './queries.js';

const user: UserListRow & Record<string, unknown> = {
  id: 'u1', username: 'kurigram.caseworker', full_name: 'Nasrin Akter', email: 'n@example.org', phone: null, lang: 'bn', is_active: true, totp_enabled: false,
  locked_until: null, organisation_id: 'o1', org_name: 'DSS Kurigram Sadar', adm1_code: '55', adm2_code: '5549', adm3_code: '554952',
  password_hash: '$argon2id$v=19$secret', totp_secret_enc: 'sealed',
};

describe('admin presenter', () => {
  it('never shows credentials, whatever the row carries', () => {
    const shown = presentUser(user, [{ role_key: 'caseworker', scope_level: 3, scope_code: '554952', scope_name: 'Kurigram Sadar' }], ['update']);
    expect(User.strict().parse(shown)).toEqual(shown);
    expect(JSON.stringify(shown)).not.toMatch(/argon2|sealed/);
    expect(shown.roles).toEqual([{ role: 'caseworker', scopeLevel: 3, scopeCode: '554952', scopeName: 'Kurigram Sadar' }]);
  });

  it('shows a lockout only while it lasts', () => {
    expect(presentUser({ ...user, locked_until: new Date(Date.now() + 60_000) }, [], []).lockedUntil).not.toBeNull();
    expect(presentUser({ ...user, locked_until: new Date(Date.now() - 60_000) }, [], []).lockedUntil).toBeNull();
  });

  it('presents organisations and roles in the API shape', () => {
    const org = presentOrganisation({ id: 'o1', name_en: 'BRAC', name_local: 'ব্র্যাক', short_name: 'BRAC', type: 'national_ngo', geo_code: '3026', place_name: 'Dhaka', is_active: true, user_count: 3 });
    expect(Organisation.strict().parse(org)).toEqual(org);
    const role = presentRole({ key: 'caseworker', name_en: 'Caseworker', name_local: 'কেসওয়ার্কার', permissions: ['cases.work'], home: '/cases', requires_mfa: false });
    expect(Role.strict().parse(role)).toEqual(role);
  });
});
