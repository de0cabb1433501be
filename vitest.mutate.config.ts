import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The suite as Stryker runs it for each mutant: everything that runs the
 * mutated source in-process. Tests that drive the built binary, a child
 * process or real Chromium never see a mutant, so they only cost time here.
 * AES_WATCH_MUTATE_TESTS (comma-separated globs) narrows it further, to score
 * one folder against the tests written for it in minutes rather than hours.
 */
const only = process.env.AES_WATCH_MUTATE_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    ...base.test,
    include: only ?? base.test?.include,
    exclude: ['test/browser/**', 'test/e2e/**', 'test/ops/**', 'test/faults/**', '**/node_modules/**'],
    reporters: ['default'],
    // The temp-folder guard is for CI (vitest.config.ts); here the test files still remove their folders.
    globalSetup: [],
  },
});
