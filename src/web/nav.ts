/** Navigation entries and the permission each needs; the shell shows only what the user may use. */
export type NavItem = { to: string; label: string; permission?: string };

export const NAV: NavItem[] = [
  { to: '/', label: 'web.nav.home' },
  { to: '/cases', label: 'web.nav.cases', permission: 'cases.read' },
  { to: '/transfers', label: 'web.nav.transfers', permission: 'cases.work' },
  { to: '/referrals', label: 'web.nav.referrals', permission: 'referrals.respond' },
  { to: '/services', label: 'web.nav.services' },
  { to: '/geo', label: 'web.nav.geo' },
  { to: '/admin/users', label: 'web.nav.users', permission: 'admin.users.read' },
  { to: '/admin/organisations', label: 'web.nav.organisations', permission: 'admin.users.read' },
  { to: '/admin/roles', label: 'web.nav.roles', permission: 'admin.users.read' },
  { to: '/admin/audit', label: 'web.nav.audit', permission: 'admin.audit.read' },
  { to: '/admin/jobs', label: 'web.nav.jobs', permission: 'admin.jobs.read' },
  { to: '/account', label: 'web.nav.account' },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV.filter((n) => !n.permission || permissions.includes(n.permission));
}
