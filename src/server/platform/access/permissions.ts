import type { Actor } from './actor.js';

/**
 * The permission catalogue: every module registers the permissions it checks, so role data
 * can be validated (an unknown permission in a role is refused, not silently ignored).
 */
const catalogue = new Map<string, { module: string }>();

export function registerPermissions(module: string, names: readonly string[]) {
  for (const name of names) catalogue.set(name, { module });
}

export function isKnownPermission(permission: string): boolean {
  const [name, qualifier] = permission.split('@');
  if (qualifier !== undefined && qualifier !== 'org' && qualifier !== 'assigned') return false;
  return catalogue.has(name as string);
}

export function allPermissions(): string[] {
  return [...catalogue.keys()].sort();
}

/**
 * The operator at the console (`ncpp ...`, and benches loading data as it does): every
 * permission, at national scope. Call it once the modules are built (their permissions registered).
 */
export function cliActor(): Actor {
  return { userId: '00000000-0000-0000-0000-000000000000', username: 'cli', organisationId: '', lang: 'en', via: 'cli', bindings: [{ roleKey: 'cli', permissions: allPermissions(), scopeLevel: 0, scopeCode: null }] };
}
