import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCovers } from '../../platform/access/scope.js';
import { mayGrant, userActions } from './policy.js';

const districtAdmin: Actor = {
  userId: 'u', username: 'u', organisationId: 'o', lang: 'en', via: 'session',
  bindings: [{ roleKey: 'district_admin', permissions: ['admin.users.read', 'admin.users.manage'], scopeLevel: 2, scopeCode: '5549' }],
};
const kurigramSadar = { adm1: '55', adm2: '5549', adm3: '554952' };
const sunamganjSadar = { adm1: '60', adm2: '6090', adm3: '609089' };

describe('admin policy', () => {
  it('covers places inside the binding only', () => {
    expect(scopeCovers(districtAdmin, 'admin.users.manage', kurigramSadar)).toBe(true);
    expect(scopeCovers(districtAdmin, 'admin.users.manage', sunamganjSadar)).toBe(false);
  });

  it('grants only held permissions, only inside the own scope, never the nation', () => {
    const binding = (scopeLevel: number, scopeCode: string | null) => ({ role: 'x', scopeLevel, scopeCode });
    expect(mayGrant(districtAdmin, ['admin.users.read'], binding(3, '554952'), kurigramSadar)).toBe(true);
    expect(mayGrant(districtAdmin, ['admin.users.read'], binding(3, '609089'), sunamganjSadar)).toBe(false);
    expect(mayGrant(districtAdmin, ['admin.roles.manage'], binding(3, '554952'), kurigramSadar)).toBe(false);
    expect(mayGrant(districtAdmin, [], binding(0, null), null)).toBe(false);
  });

  it('lets the national user manager grant any role anywhere', () => {
    const national: Actor = { ...districtAdmin, bindings: [{ roleKey: 'system_admin', permissions: ['admin.users.manage'], scopeLevel: 0, scopeCode: null }] };
    expect(mayGrant(national, ['cases.read'], { role: 'x', scopeLevel: 0, scopeCode: null }, null)).toBe(true);
  });

  it('offers no disable action on oneself', () => {
    expect(userActions(districtAdmin, kurigramSadar, true)).not.toContain('disable');
    expect(userActions(districtAdmin, kurigramSadar, false)).toContain('disable');
    expect(userActions(districtAdmin, sunamganjSadar, false)).toEqual([]);
  });
});
