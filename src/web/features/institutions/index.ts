import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const institutionsFeature = defineWebModule({
  name: 'institutions',
  namespace: 'institutions',
  pages: [
    { path: '/facilities', component: lazyPage(() => import('./FacilitiesPage.js'), 'FacilitiesPage') },
    { path: '/facilities/admit', component: lazyPage(() => import('./AdmitPage.js'), 'AdmitPage') },
    { path: '/facilities/$id', component: lazyPage(() => import('./FacilityPage.js'), 'FacilityPage'), early: '/api/v1/facilities/$id' },
  ],
  // The registry has no personal data: every signed-in user may look for a facility and a free seat.
  nav: [{ to: '/facilities', label: 'web.nav.facilities' }],
});
