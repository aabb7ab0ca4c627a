import type { ReactElement } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { SessionState } from '../shared/auth.js';
import { get, setCsrfToken } from './api.js';
import { Shell } from './components/Shell.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { TwoFactorPage } from './features/auth/TwoFactorPage.js';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.js';
import { HomePage } from './features/home/HomePage.js';
import { GeoPage } from './features/geo/GeoPage.js';
import { UsersPage } from './features/admin/UsersPage.js';
import { UserPage } from './features/admin/UserPage.js';
import { OrganisationsPage } from './features/admin/OrganisationsPage.js';
import { RolesPage } from './features/admin/RolesPage.js';
import { AuditPage } from './features/admin/AuditPage.js';
import { JobsPage } from './features/admin/JobsPage.js';
import { AccountPage } from './features/account/AccountPage.js';
import { CasesPage } from './features/cases/CasesPage.js';
import { CasePage } from './features/cases/CasePage.js';
import { NewCasePage } from './features/cases/NewCasePage.js';
import { ImportCasesPage } from './features/cases/ImportCasesPage.js';
import { ReferralsPage } from './features/referrals/ReferralsPage.js';
import { TransfersPage } from './features/cases/TransfersPage.js';
import { ServicesPage } from './features/referrals/ServicesPage.js';
import { SESSION_KEY } from './session.js';

export function makeRouter(queryClient: QueryClient) {
  const session = () =>
    queryClient.fetchQuery({
      queryKey: SESSION_KEY,
      queryFn: async () => {
        const s = await get<SessionState>('/api/v1/auth/session');
        setCsrfToken(s.csrfToken);
        return s;
      },
      staleTime: 60_000,
    });

  const root = createRootRoute({ component: Outlet });
  const login = createRoute({ getParentRoute: () => root, path: '/login', component: LoginPage });
  const twoFactor = createRoute({
    getParentRoute: () => root,
    path: '/login/two-factor',
    component: TwoFactorPage,
    beforeLoad: async () => {
      const s = await session();
      if (s.state !== 'mfa_pending') throw redirect({ to: s.state === 'signed_in' ? '/' : '/login' });
    },
  });
  const forgot = createRoute({ getParentRoute: () => root, path: '/forgot-password', component: ForgotPasswordPage });
  const reset = createRoute({ getParentRoute: () => root, path: '/reset-password', component: ResetPasswordPage });

  // Everything below needs a completed sign-in.
  const app = createRoute({
    getParentRoute: () => root,
    id: 'app',
    component: () => (
      <Shell>
        <Outlet />
      </Shell>
    ),
    beforeLoad: async () => {
      const s = await session();
      if (s.state === 'mfa_pending') throw redirect({ to: '/login/two-factor' });
      if (s.state !== 'signed_in') throw redirect({ to: '/login' });
    },
  });
  const page = (path: string, component: () => ReactElement | null) => createRoute({ getParentRoute: () => app, path, component });
  const tree = root.addChildren([
    login,
    twoFactor,
    forgot,
    reset,
    app.addChildren([
      page('/', HomePage),
      page('/cases', CasesPage),
      page('/cases/new', NewCasePage),
      page('/cases/import', ImportCasesPage),
      page('/cases/$id', CasePage),
      page('/referrals', ReferralsPage),
      page('/transfers', TransfersPage),
      page('/services', ServicesPage),
      page('/geo', GeoPage),
      page('/account', AccountPage),
      page('/admin/users', UsersPage),
      page('/admin/users/$id', UserPage),
      page('/admin/organisations', OrganisationsPage),
      page('/admin/roles', RolesPage),
      page('/admin/audit', AuditPage),
      page('/admin/jobs', JobsPage),
    ]),
  ]);
  return createRouter({ routeTree: tree, defaultPreload: false });
}
