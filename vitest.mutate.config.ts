import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The suite as Stryker runs it for each mutant: everything that runs the
 * mutated source in-process. Tests that drive the built binary, a child
 * process or real Chromium never see a mutant, so they only cost time here.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/browser/**', 'test/e2e/**', 'test/ops/**', 'test/faults/kill*', '**/node_modules/**'],
      reporters: ['default'],
    },
  }),
);
