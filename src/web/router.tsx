import { Suspense, type ComponentType } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Shell } from './components/Shell.js';
import { FEATURES } from './features/index.js';
import { loadSession, SESSION_KEY } from './session.js';
import type { WebPage } from './module.js';

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
    beforeLoad: async ({ matches }) => {
      // The session check goes first, then the page's first data, then its code, all at once
      // rather than one after another (a browser opens six connections to a server and a
      // seventh request waits for one: on 3G each wait was half a second or more).
      const checking = session();
      const opening = matches.map((m) => [pageOf(m.routeId), m.params as Record<string, string>] as const);
      for (const [p, params] of opening) p?.prefetch?.(params, queryClient);
      for (const [p] of opening) (p?.component as { preload?: () => void } | undefined)?.preload?.();
      const s = await checking;
      if (s.state === 'mfa_pending') throw redirect({ to: '/login/two-factor' });
      if (s.state !== 'signed_in') throw redirect({ to: '/login' });
    },
  });
  const routed: Array<[{ id: string }, WebPage]> = [];
  const inside = pages.filter((p) => (p.access ?? 'app') === 'app').map((p) => {
    const route = createRoute({ getParentRoute: () => app, path: p.path, component: suspended(p.component) });
    routed.push([route, p]);
    return route;
  });
  // Route ids are known once the router has built the tree.
  const pageOf = (routeId: string) => routed.find(([r]) => r.id === routeId)?.[1];
  const tree = root.addChildren([...outside, app.addChildren(inside)]);
  return createRouter({ routeTree: tree, defaultPreload: false });
}
