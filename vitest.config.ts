import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Links to real hosts in fixture pages fail like unknown names: no test reaches the internet.
    setupFiles: ['test/support/no-internet.ts', 'test/support/temp-cleanup.ts'],
    // A temp folder of the run's own, which must be empty at the end: a leaked folder fails the run.
    globalSetup: ['test/support/temp-guard.ts'],
    // Most test files wait on child processes and local servers rather than the CPU: two at a time
    // even on 2 CPUs, where the default is one (measured: the suite in 281 s instead of 446 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The JSON results let .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'reports/test-results.json' }]],
  },
});
