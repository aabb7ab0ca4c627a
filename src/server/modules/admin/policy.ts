import { can, grantsFor, type Actor } from '../../platform/access/actor.js';
import type { ScopeBindingInput } from '../../../shared/admin.js';
import { ADMIN_PERMISSIONS as P } from './permissions.js';

/** A unit's codes at levels 1-3, as the geography module resolves them. */
export type Place = { adm1: string | null; adm2: string | null; adm3: string | null };

/** True when one of the actor's bindings for `permission` covers the place. */
export function scopeCovers(actor: Actor, permission: string, place: Place): boolean {
  return grantsFor(actor, permission).some(({ binding }) => {
    switch (binding.scopeLevel) {
      case 0:
        return true;
      case 1:
        return place.adm1 === binding.scopeCode;
      case 2:
        return place.adm2 === binding.scopeCode;
      case 3:
        return place.adm3 === binding.scopeCode;
      default:
        return false;
    }
  });
}

/** The scope a binding grants, as a place, so nesting can be checked (null place = nation). */
export function bindingPlace(level: number, unit: Place | null): Place | null {
  return level === 0 ? null : unit;
}

/**
 * Granting a role is a privilege in itself: an administrator may only hand out roles whose
 * permissions they hold, over a scope inside their own user-management scope.
 */
export function mayGrant(actor: Actor, rolePermissions: readonly string[], target: ScopeBindingInput, targetPlace: Place | null): boolean {
  if (!can(actor, P.usersManage)) return false;
  const held = new Set(actor.bindings.flatMap((b) => b.permissions));
  if (!rolePermissions.every((p) => held.has(p))) return false;
  if (target.scopeLevel === 0 || !targetPlace) return grantsFor(actor, P.usersManage).some((g) => g.binding.scopeLevel === 0);
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
