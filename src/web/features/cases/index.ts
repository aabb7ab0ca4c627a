import { CASE_PERMISSIONS } from '../../../shared/permissions/cases.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';
import { caseQuery } from './case-query.js';

export const casesFeature = defineWebModule({
  name: 'cases',
  namespace: 'cases',
  pages: [
    { path: '/cases', component: lazyPage(() => import('./CasesPage.js'), 'CasesPage') },
    { path: '/cases/new', component: lazyPage(() => import('./NewCasePage.js'), 'NewCasePage') },
    { path: '/cases/import', component: lazyPage(() => import('./ImportCasesPage.js'), 'ImportCasesPage') },
    { path: '/cases/$id', component: lazyPage(() => import('./CasePage.js'), 'CasePage'), prefetch: ({ id }, qc) => void qc.prefetchQuery(caseQuery(id!)), early: '/api/v1/cases/$id' },
    { path: '/transfers', component: lazyPage(() => import('./TransfersPage.js'), 'TransfersPage') },
  ],
  nav: [
    { to: '/cases', label: 'web.nav.cases', permission: CASE_PERMISSIONS.read },
    { to: '/transfers', label: 'web.nav.transfers', permission: CASE_PERMISSIONS.work },
  ],
});
