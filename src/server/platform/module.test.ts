import { describe, expect, it } from 'vitest';
import { createModuleServices, defineModule, type PlatformServices } from './module.js';

const platform = { config: {}, db: {} } as unknown as PlatformServices;

describe('building module services', () => {
  it('gives each module the platform and the modules listed before it', () => {
    const first = defineModule({ name: 'first', permissions: [], tables: [], create: () => ({ first: { n: 1 } }) });
    const second = defineModule({ name: 'second', permissions: [], tables: [], create: (s) => ({ second: { n: (s as unknown as { first: { n: number } }).first.n + 1 } }) });
    const services = createModuleServices(platform, [first, second]) as unknown as { second: { n: number }; config: unknown };
    expect(services.second.n).toBe(2);
    expect(services.config).toBe(platform.config);
  });

  it('names the problem when a module uses one listed after it', () => {
    const early = defineModule({ name: 'early', permissions: [], tables: [], create: (s) => ({ early: (s as unknown as { late: unknown }).late }) });
    const late = defineModule({ name: 'late', permissions: [], tables: [], create: () => ({ late: {} }) });
    expect(() => createModuleServices(platform, [early, late])).toThrow(/"late" is not built yet/);
  });

  it('refuses two modules offering a service under one name', () => {
    const a = defineModule({ name: 'a', permissions: [], tables: [], create: () => ({ shared: 1 }) });
    const b = defineModule({ name: 'b', permissions: [], tables: [], create: () => ({ shared: 2 }) });
    expect(() => createModuleServices(platform, [a, b])).toThrow(/already taken/);
  });
});
