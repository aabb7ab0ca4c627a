import { grantsFor, type Actor } from '../../platform/access/actor.js';
import { scopeCovers, type Place } from '../../platform/access/scope.js';
import type { ScopeBindingInput } from '../../../shared/admin.js';
import { ADMIN_PERMISSIONS as P } from '../../../shared/admin.js';

/**
 * Granting a role is a privilege in itself. A national user manager (the system
 * administrator) may grant any role anywhere; a user manager with a narrower scope may only
 * hand out roles whose permissions they hold themselves, over a scope inside their own.
 */
export function mayGrant(actor: Actor, rolePermissions: readonly string[], target: ScopeBindingInput, targetPlace: Place | null): boolean {
  const grants = grantsFor(actor, P.usersManage);
  if (grants.length === 0) return false;
  if (grants.some((g) => g.binding.scopeLevel === 0)) return true;
  const held = new Set(actor.bindings.flatMap((b) => b.permissions));
  if (!rolePermissions.every((p) => held.has(p))) return false;
  if (target.scopeLevel === 0 || !targetPlace) return false;
  return scopeCovers(actor, P.usersManage, targetPlace);
}

/** The actions the UI may offer on a user row, so buttons follow the same rules as the API. */
export function userActions(actor: Actor, userPlace: Place, isSelf: boolean): string[] {
  const actions: string[] = [];
  if (scopeCovers(actor, P.usersManage, userPlace)) {
    actions.push('update', 'setRoles', 'resetPassword');
    if (!isSelf) actions.push('disable');
  }
  return actions;
}
