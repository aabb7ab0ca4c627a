import type { Lang } from '../../../shared/i18n/index.js';

/**
 * 0 = the whole nation; 1-3 = one admin unit at that level. The country configuration names
 * the levels (Bangladesh: division, district, upazila), so nothing here knows a country.
 */
export const SCOPE_LEVELS = [0, 1, 2, 3] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** One role a user holds, bound to one geographic scope. */
export type RoleBinding = {
  roleKey: string;
  permissions: readonly string[];
  scopeLevel: ScopeLevel;
  /** Admin unit code; null for the nation. */
  scopeCode: string | null;
};

/** The authenticated caller, as every service and query sees it. */
export type Actor = {
  userId: string;
  username: string;
  organisationId: string;
  lang: Lang;
  bindings: readonly RoleBinding[];
  /** How the caller authenticated: a browser session or an API token. */
  via: 'session' | 'token' | 'cli';
};

/**
 * A permission may carry a reach qualifier:
 * - `x.read`           everything inside the binding's geographic scope
 * - `x.read@org`       inside the scope and belonging to the caller's organisation
 * - `x.read@assigned`  inside the scope and assigned to the caller
 */
export type Reach = 'scope' | 'org' | 'assigned';

export type Grant = { binding: RoleBinding; reach: Reach };

export function grantsFor(actor: Actor, permission: string): Grant[] {
  const grants: Grant[] = [];
  for (const binding of actor.bindings) {
    for (const p of binding.permissions) {
      const [name, qualifier] = p.split('@');
      if (name !== permission) continue;
      const reach: Reach = qualifier === 'org' ? 'org' : qualifier === 'assigned' ? 'assigned' : 'scope';
      grants.push({ binding, reach });
    }
  }
  return grants;
}

/** True when any of the caller's roles grants the permission, at any reach. */
export function can(actor: Actor, permission: string): boolean {
  return grantsFor(actor, permission).length > 0;
}

/** The caller's role keys, for audit rows ("which hat were they wearing"). */
export function roleLabel(actor: Actor): string {
  return [...new Set(actor.bindings.map((b) => b.roleKey))].join(',');
}
