import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Schemas read before the first request (config, lock, snapshots) use zod/mini:
 * full zod is the largest module aes-watch loads, and a quiet night can send its
 * requests before it is needed. Mini registers no language of its own; full zod
 * registers English on its first schema. Both share one configuration, so a
 * message reads the same whichever loaded first.
 */
config(en());
