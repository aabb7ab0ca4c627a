import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const accountFeature = defineWebModule({
  name: 'account',
  pages: [{ path: '/account', component: lazyPage(() => import('./AccountPage.js'), 'AccountPage') }],
  nav: [{ to: '/account', label: 'web.nav.account' }],
});
