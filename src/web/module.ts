import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';

/**
 * One feature of the web app, declared in `features/<name>/index.ts` and listed in
 * `features/index.ts`: its pages, its navigation entries and its message namespace. The
 * router and the shell are built from that list (docs/MODULES.md).
 */
export type WebPage = {
  path: string;
  component: ComponentType;
  /**
   * Who may open it: `app` (a completed sign-in; the default), `public` (the sign-in pages),
   * or `mfa` (only while a sign-in waits for its second factor).
   */
  access?: 'app' | 'public' | 'mfa';
  /**
   * Starts the page's first data request as navigation begins, beside the sign-in check and
   * the page's code, instead of after them: on a 3G link each step in a row costs half a second.
   */
  prefetch?: (params: Record<string, string>, queryClient: QueryClient) => void;
  /**
   * The URL of the page's first data with the path's parameters (`/api/v1/cases/$id`), asked
   * for by the page-load script in index.html as the HTML arrives, before the app's code does
   * (src/build/early-requests.ts reads it from this declaration: keep the page on one line).
   */
  early?: string;
};

/** A navigation entry; `permission` comes from the shared catalogue (src/shared/permissions/). */
export type NavItem = { to: string; label: string; permission?: string };

export type WebModule = {
  name: string;
  pages: readonly WebPage[];
  nav?: readonly NavItem[];
  /** The catalogue namespace of its messages (src/shared/i18n/<namespace>/). */
  namespace?: string;
};

/** Declares a feature (the identity, for type checking). */
export function defineWebModule(m: WebModule): WebModule {
  return m;
}
