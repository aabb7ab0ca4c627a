import { lazy, type ComponentType } from 'react';

/** A page loaded on first visit (everything past sign-in and home), so the login route stays small on 2G. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}
