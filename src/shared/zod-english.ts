import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Every schema of aes-watch is zod/mini. zod's core is one module, so a single
 * schema of full zod anywhere in the bundle would put every one of its types in
 * the chunk a check loads before its first request (test/e2e/start-up.test.ts).
 * Mini registers no language of its own: this registers English once for all.
 */
config(en());
