import { ADMIN_PERMISSIONS } from '../../../shared/permissions/admin.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const adminFeature = defineWebModule({
  name: 'admin',
  namespace: 'admin',
  pages: [
    { path: '/admin/users', component: lazyPage(() => import('./UsersPage.js'), 'UsersPage') },
    { path: '/admin/users/$id', component: lazyPage(() => import('./UserPage.js'), 'UserPage') },
    { path: '/admin/organisations', component: lazyPage(() => import('./OrganisationsPage.js'), 'OrganisationsPage') },
    { path: '/admin/roles', component: lazyPage(() => import('./RolesPage.js'), 'RolesPage') },
    { path: '/admin/audit', component: lazyPage(() => import('./AuditPage.js'), 'AuditPage') },
    { path: '/admin/jobs', component: lazyPage(() => import('./JobsPage.js'), 'JobsPage') },
  ],
  nav: [
    { to: '/admin/users', label: 'web.nav.users', permission: ADMIN_PERMISSIONS.usersRead },
    { to: '/admin/organisations', label: 'web.nav.organisations', permission: ADMIN_PERMISSIONS.usersRead },
    { to: '/admin/roles', label: 'web.nav.roles', permission: ADMIN_PERMISSIONS.usersRead },
    { to: '/admin/audit', label: 'web.nav.audit', permission: ADMIN_PERMISSIONS.auditRead },
    { to: '/admin/jobs', label: 'web.nav.jobs', permission: ADMIN_PERMISSIONS.jobsRead },
  ],
});
