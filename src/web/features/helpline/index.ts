import { HELPLINE_PERMISSIONS } from '../../../shared/permissions/helpline.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const helplineFeature = defineWebModule({
  name: 'helpline',
  namespace: 'helpline',
  pages: [
    { path: '/helpline', component: lazyPage(() => import('./ContactsPage.js'), 'ContactsPage') },
    { path: '/helpline/new', component: lazyPage(() => import('./IntakePage.js'), 'IntakePage') },
    { path: '/helpline/board', component: lazyPage(() => import('./BoardPage.js'), 'BoardPage') },
    { path: '/helpline/analytics', component: lazyPage(() => import('./AnalyticsPage.js'), 'AnalyticsPage') },
  ],
  nav: [
    { to: '/helpline/new', label: 'web.helpline.intake', permission: HELPLINE_PERMISSIONS.take },
    { to: '/helpline', label: 'web.nav.helplineContacts', permission: HELPLINE_PERMISSIONS.read },
    { to: '/helpline/board', label: 'web.nav.helplineBoard', permission: HELPLINE_PERMISSIONS.supervise },
    { to: '/helpline/analytics', label: 'web.nav.helplineAnalytics', permission: HELPLINE_PERMISSIONS.analytics },
  ],
});
