import { registerPermissions } from '../../platform/access/permissions.js';

export const REFERRAL_PERMISSIONS = {
  /** Answer referrals sent to one's organisation (used with @org). */
  respond: 'referrals.respond',
} as const;

registerPermissions('referrals', Object.values(REFERRAL_PERMISSIONS));
