import { lazy, Suspense, type ComponentType } from 'react';
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
import { SESSION_KEY } from './session.js';

// Everything past sign-in and the home page loads on first visit, so the login route stays small on 2G.
const GeoPage = lazy(() => import('./features/geo/GeoPage.js').then((m) => ({ default: m.GeoPage })));
const UsersPage = lazy(() => import('./features/admin/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => import('./features/admin/UserPage.js').then((m) => ({ default: m.UserPage })));
const OrganisationsPage = lazy(() => import('./features/admin/OrganisationsPage.js').then((m) => ({ default: m.OrganisationsPage })));
const RolesPage = lazy(() => import('./features/admin/RolesPage.js').then((m) => ({ default: m.RolesPage })));
const AuditPage = lazy(() => import('./features/admin/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const JobsPage = lazy(() => import('./features/admin/JobsPage.js').then((m) => ({ default: m.JobsPage })));
const AccountPage = lazy(() => import('./features/account/AccountPage.js').then((m) => ({ default: m.AccountPage })));
const CasesPage = lazy(() => import('./features/cases/CasesPage.js').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./features/cases/CasePage.js').then((m) => ({ default: m.CasePage })));
const NewCasePage = lazy(() => import('./features/cases/NewCasePage.js').then((m) => ({ default: m.NewCasePage })));
const ImportCasesPage = lazy(() => import('./features/cases/ImportCasesPage.js').then((m) => ({ default: m.ImportCasesPage })));
const ReferralsPage = lazy(() => import('./features/referrals/ReferralsPage.js').then((m) => ({ default: m.ReferralsPage })));
const TransfersPage = lazy(() => import('./features/cases/TransfersPage.js').then((m) => ({ default: m.TransfersPage })));
const ServicesPage = lazy(() => import('./features/referrals/ServicesPage.js').then((m) => ({ default: m.ServicesPage })));

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
  const page = (path: string, Component: ComponentType) =>
    createRoute({ getParentRoute: () => app, path, component: () => (
      <Suspense fallback={<p role="status">…</p>}>
        <Component />
      </Suspense>
    ) });
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
