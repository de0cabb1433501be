import { z } from 'zod';
import { LANGS } from './lang.js';

/** Per-entry settings: declarations are data (like Open Terms Archive's). */
export const EntrySettings = z.object({
  fetch: z.enum(['http', 'browser', 'auto']).optional(),
  /** CSS selector of the procedure's main content on this entry's pages. */
  selector: z.string().min(1).optional(),
  /** Browser mode: wait for this selector before reading the page. */
  waitFor: z.string().min(1).optional(),
});
export type EntrySettings = z.infer<typeof EntrySettings>;

/** Successor discovery for gone or moved sources (see src/discover). */
export const DiscoverySettings = z
  .object({
    /** Off: `check` never searches; `aes-watch discover` still does. */
    enabled: z.boolean().default(true),
    /** Requests per entry per run, robots.txt and sitemaps included. */
    maxPages: z.number().int().positive().max(500).default(30),
    /** Seconds one entry's search may take, whatever is left of its page budget. */
    maxSeconds: z.number().int().positive().default(120),
  })
  .strict();
export type DiscoverySettings = z.infer<typeof DiscoverySettings>;

/** `aes-watch.config.json`; every field optional, command-line flags win. */
export const Config = z
  .object({
    guides: z.array(z.string()).default(['data/guides']),
    snapshotsDir: z.string().default('snapshots'),
    reportsDir: z.string().default('reports'),
    fetch: z.enum(['http', 'browser', 'auto']).default('auto'),
    perHostDelayMs: z.number().int().nonnegative().default(1000),
    concurrency: z.number().int().positive().default(50),
    timeoutMs: z.number().int().positive().default(30_000),
    maxBodyBytes: z.number().int().positive().default(5 * 1024 * 1024),
    /** Time limit for reading one linked PDF; a slower one fails alone. */
    documentTimeoutMs: z.number().int().positive().default(10_000),
    retries: z.number().int().nonnegative().default(2),
    userAgent: z
      .string()
      .default('aes-watch/0.1 (+https://github.com/gisti/aes-watch; freshness monitor for GISTI AES guides)'),
    /** Consecutive failed runs before an `unreachable` issue opens. */
    unreachableAfter: z.number().int().positive().default(3),
    issues: z.enum(['none', 'github']).default('none'),
    /** Language of the HTML/Markdown reports and issue bodies. */
    lang: z.enum(LANGS).default('fr'),
    entries: z.record(z.string(), EntrySettings).default({}),
    discovery: DiscoverySettings.prefault({}),
  })
  .strict();
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
