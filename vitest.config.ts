import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Links to real hosts in fixture pages fail like unknown names: no test reaches the internet.
    setupFiles: ['test/support/no-internet.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The JSON results let .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'reports/test-results.json' }]],
  },
});
