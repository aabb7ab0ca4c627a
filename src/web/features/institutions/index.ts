import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const institutionsFeature = defineWebModule({
  name: 'institutions',
  namespace: 'institutions',
  pages: [
    { path: '/facilities', component: lazyPage(() => import('./FacilitiesPage.js'), 'FacilitiesPage') },
    { path: '/facilities/map', component: lazyPage(() => import('./SeatsMapPage.js'), 'SeatsMapPage') },
    { path: '/facilities/new', component: lazyPage(() => import('./FacilityFormPage.js'), 'FacilityFormPage') },
    { path: '/facilities/$id/edit', component: lazyPage(() => import('./FacilityFormPage.js'), 'FacilityFormPage'), early: '/api/v1/facilities/$id' },
    { path: '/facilities/admit', component: lazyPage(() => import('./AdmitPage.js'), 'AdmitPage') },
    { path: '/facilities/$id', component: lazyPage(() => import('./FacilityPage.js'), 'FacilityPage'), early: '/api/v1/facilities/$id' },
    { path: '/grants', component: lazyPage(() => import('./ClaimsPage.js'), 'ClaimsPage') },
    { path: '/grants/$id', component: lazyPage(() => import('./ClaimPage.js'), 'ClaimPage'), early: '/api/v1/grants/claims/$id' },
  ],
  // The registry has no personal data: every signed-in user may look for a facility and a free seat.
  nav: [
    { to: '/facilities', label: 'web.nav.facilities' },
    { to: '/grants', label: 'web.nav.grants', permission: INSTITUTION_PERMISSIONS.readClaims },
  ],
});
