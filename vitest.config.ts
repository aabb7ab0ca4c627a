import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'], environment: 'node' } },
      // Medium tests: services and HTTP against a real database (PGlite, or DATABASE_URL's server).
      { test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], environment: 'node', globalSetup: ['e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false } },
      { test: { name: 'integration', include: ['src/**/*.int.test.ts'], environment: 'node', globalSetup: ['src/server/testing/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
