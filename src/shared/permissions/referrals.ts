/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const REFERRAL_PERMISSIONS = {
  /** Answer referrals sent to one's organisation (used with @org). */
  respond: 'referrals.respond',
  /** Add and update services in the directory (with @org: one's own organisation's services). */
  manageServices: 'services.manage',
} as const;
