/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const ADMIN_PERMISSIONS = {
  usersRead: 'admin.users.read',
  usersManage: 'admin.users.manage',
  organisationsManage: 'admin.organisations.manage',
  rolesManage: 'admin.roles.manage',
  auditRead: 'admin.audit.read',
  jobsRead: 'admin.jobs.read',
  /** Move the platform's clock forward on a training or test installation (never possible in production). */
  clockSet: 'admin.clock.set',
} as const;
