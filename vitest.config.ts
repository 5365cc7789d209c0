import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the package by name, as a user does; in the repository that name is the source.
  resolve: {
    alias: [
      { find: /^pinpoint-guard\/shapes$/, replacement: fileURLToPath(new URL('./src/shapes/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/policy$/, replacement: fileURLToPath(new URL('./src/policy/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/tooling$/, replacement: fileURLToPath(new URL('./src/tooling/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/principal$/, replacement: fileURLToPath(new URL('./src/principal/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/aws-sdk$/, replacement: fileURLToPath(new URL('./src/aws-sdk/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard\/testing\/msw$/, replacement: fileURLToPath(new URL('./src/testing/msw/index.ts', import.meta.url)) },
      { find: /^pinpoint-guard$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Generous: subprocess tests (CLI, examples) run on a 2-core machine that may be busy.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
