import { REFERRAL_PERMISSIONS } from '../../../shared/referrals.js';
import { defineModule } from '../../platform/module.js';
import { registerReferralRoutes } from './routes.js';
import { seedDemoServices } from './seed.js';
import { createReferralService, type ReferralService } from './service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    referrals: ReferralService;
  }
}

/** The service directory and referrals between organisations; talks to cases only through the case service. */
export const referralsModule = defineModule({
  name: 'referrals',
  permissions: Object.values(REFERRAL_PERMISSIONS),
  tables: ['services', 'referrals'],
  create: ({ db, cases, geo }) => ({ referrals: createReferralService(db, cases, geo) }),
  routes: registerReferralRoutes,
  seed: { demo: seedDemoServices },
});
