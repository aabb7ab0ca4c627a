import { FEATURES } from './features/index.js';
import type { NavItem } from './module.js';

export type { NavItem };

/** Navigation entries of every feature, in feature order; the shell shows only what the user may use. */
export const NAV: NavItem[] = FEATURES.flatMap((f) => f.nav ?? []);

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV.filter((n) => !n.permission || permissions.includes(n.permission));
}
