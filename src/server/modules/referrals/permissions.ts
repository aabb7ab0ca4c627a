import { registerPermissions } from '../../platform/access/permissions.js';

export const REFERRAL_PERMISSIONS = {
  /** Answer referrals sent to one's organisation (used with @org). */
  respond: 'referrals.respond',
  /** Add and update services in the directory (with @org: one's own organisation's services). */
  manageServices: 'services.manage',
} as const;

registerPermissions('referrals', Object.values(REFERRAL_PERMISSIONS));
