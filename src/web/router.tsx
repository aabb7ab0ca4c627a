import { Suspense, type ComponentType } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Shell } from './components/Shell.js';
import { FEATURES } from './features/index.js';
import { loadSession, SESSION_KEY } from './session.js';

export function makeRouter(queryClient: QueryClient) {
  const session = () =>
    queryClient.fetchQuery({
      queryKey: SESSION_KEY,
      queryFn: loadSession,
      staleTime: 60_000,
    });

  const root = createRootRoute({ component: Outlet });
  const pages = FEATURES.flatMap((f) => f.pages);
  const suspended = (Component: ComponentType) => () => (
    <Suspense fallback={<p role="status">…</p>}>
      <Component />
    </Suspense>
  );
  const outside = pages.filter((p) => p.access === 'public' || p.access === 'mfa').map((p) =>
    createRoute({
      getParentRoute: () => root,
      path: p.path,
      component: suspended(p.component),
      // The second-factor page exists only while a sign-in waits for it.
      ...(p.access === 'mfa' ? { beforeLoad: async () => {
        const s = await session();
        if (s.state !== 'mfa_pending') throw redirect({ to: s.state === 'signed_in' ? '/' : '/login' });
      } } : {}),
    }),
  );

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
    createRoute({ getParentRoute: () => app, path, component: suspended(Component) });
  const inside = pages.filter((p) => (p.access ?? 'app') === 'app').map((p) => page(p.path, p.component));
  const tree = root.addChildren([...outside, app.addChildren(inside)]);
  return createRouter({ routeTree: tree, defaultPreload: false });
}
