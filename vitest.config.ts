import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Links to real hosts in fixture pages fail like unknown names: no test reaches the internet.
    setupFiles: ['test/support/no-internet.ts', 'test/support/temp-cleanup.ts'],
    // A temp folder of the run's own, which must be empty at the end: a leaked folder fails the run.
    globalSetup: ['test/support/temp-guard.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The JSON results let .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'reports/test-results.json' }]],
  },
});
