/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const ADMIN_PERMISSIONS = {
  usersRead: 'admin.users.read',
  usersManage: 'admin.users.manage',
  organisationsManage: 'admin.organisations.manage',
  rolesManage: 'admin.roles.manage',
  auditRead: 'admin.audit.read',
  jobsRead: 'admin.jobs.read',
} as const;
