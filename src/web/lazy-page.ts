import { lazy, type ComponentType } from 'react';

/** A page loaded on first visit (everything past sign-in and home), so the login route stays small on 2G. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType & { preload: () => void } {
  let loading: Promise<Record<K, ComponentType>> | undefined;
  const once = () => (loading ??= load());
  const component = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await once())[name] }));
  // The router asks for the code as soon as navigation to the page begins (router.tsx).
  return Object.assign(component, { preload: () => void once().catch(() => undefined) });
}
