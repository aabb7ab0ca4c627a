import type { AllowedRead } from '../../tools/table-ownership.js';

/**
 * The read-only joins one owner's SQL may make into another's tables without going through
 * its service: a name or place shown beside a row, where a second round trip per row would
 * cost more than it protects. Writes are never allowed (the owner's service does them), and
 * the composition root (main, seeds) gets none. Checked by `npm run check` (docs/MODULES.md).
 */
export const DISPLAY_JOINS: readonly AllowedRead[] = [
  { reader: '*', table: 'geo_units', why: 'the place name (union, upazila, district) beside a placed row: reference data' },
  { reader: '*', table: 'organisations', why: 'the organisation name beside a row, and whether it is active' },
  { reader: '*', table: 'users', why: "a person's name beside what they did or are assigned to, and whether they are active in an organisation" },
  { reader: 'helpline', table: 'cases', why: 'the case number beside a contact that opened or joined the case' },
  { reader: 'institutions', table: 'cases', why: 'the case number beside a child placed from a case' },
  { reader: 'admin', table: 'user_roles', why: 'the account list shows each account\'s role bindings' },
  { reader: 'admin', table: 'roles', why: 'the roles page lists roles and their permissions' },
];
