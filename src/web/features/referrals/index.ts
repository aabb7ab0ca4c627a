import { REFERRAL_PERMISSIONS } from '../../../shared/permissions/referrals.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const referralsFeature = defineWebModule({
  name: 'referrals',
  namespace: 'referrals',
  pages: [
    { path: '/referrals', component: lazyPage(() => import('./ReferralsPage.js'), 'ReferralsPage') },
    { path: '/services', component: lazyPage(() => import('./ServicesPage.js'), 'ServicesPage') },
  ],
  nav: [
    { to: '/referrals', label: 'web.nav.referrals', permission: REFERRAL_PERMISSIONS.respond },
    { to: '/services', label: 'web.nav.services' },
  ],
});
