import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const geoFeature = defineWebModule({
  name: 'geo',
  namespace: 'geo',
  pages: [{ path: '/geo', component: lazyPage(() => import('./GeoPage.js'), 'GeoPage') }],
  nav: [{ to: '/geo', label: 'web.nav.geo' }],
});
