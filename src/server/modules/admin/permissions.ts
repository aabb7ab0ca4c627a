import { registerPermissions } from '../../platform/access/permissions.js';

export const ADMIN_PERMISSIONS = {
  usersRead: 'admin.users.read',
  usersManage: 'admin.users.manage',
  organisationsManage: 'admin.organisations.manage',
  rolesManage: 'admin.roles.manage',
  auditRead: 'admin.audit.read',
  jobsRead: 'admin.jobs.read',
} as const;

registerPermissions('admin', Object.values(ADMIN_PERMISSIONS));
