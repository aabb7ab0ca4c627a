import { registerPermissions } from '../../platform/access/permissions.js';

export const CASE_PERMISSIONS = {
  read: 'cases.read',
  create: 'cases.create',
  assign: 'cases.assign',
  import: 'cases.import',
} as const;

registerPermissions('cases', Object.values(CASE_PERMISSIONS));
