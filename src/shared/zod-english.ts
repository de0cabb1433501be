import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * A check's schemas (config, lock, snapshots, the report) use zod/mini: full zod
 * is the largest module aes-watch loads (its JSON Schema code comes with it), and
 * a check never needs it; discovery's caches and `propose` still use it. Mini
 * registers no language of its own; full zod registers English on its first
 * schema. Both share one configuration, so a message reads the same whichever
 * loaded first.
 */
config(en());
