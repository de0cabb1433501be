import * as z from 'zod/mini';
import { LANGS } from './lang.js';
import './zod-english.js';

/** Per-entry settings: declarations are data (like Open Terms Archive's). */
export const EntrySettings = z.object({
  fetch: z.optional(z.enum(['http', 'browser', 'auto'])),
  /** CSS selector of the procedure's main content on this entry's pages. */
  selector: z.optional(z.string().check(z.minLength(1))),
  /** Browser mode: wait for this selector before reading the page. */
  waitFor: z.optional(z.string().check(z.minLength(1))),
});
export type EntrySettings = z.infer<typeof EntrySettings>;

/** Successor discovery for gone or moved sources (see src/discover). */
export const DiscoverySettings = z.strictObject({
  /** Off: `check` never searches; `aes-watch discover` still does. */
  enabled: z._default(z.boolean(), true),
  /** Requests per entry per run, robots.txt and sitemaps included. */
  maxPages: z._default(z.int().check(z.positive(), z.lte(500)), 30),
  /** Seconds one entry's search may take, whatever is left of its page budget. */
  maxSeconds: z._default(z.int().check(z.positive()), 120),
});
export type DiscoverySettings = z.infer<typeof DiscoverySettings>;

/** `aes-watch.config.json`; every field optional, command-line flags win. */
const positive = (fallback: number) => z._default(z.int().check(z.positive()), fallback);
const nonnegative = (fallback: number) => z._default(z.int().check(z.nonnegative()), fallback);
export const Config = z.strictObject({
  guides: z._default(z.array(z.string()), ['data/guides']),
  snapshotsDir: z._default(z.string(), 'snapshots'),
  reportsDir: z._default(z.string(), 'reports'),
  fetch: z._default(z.enum(['http', 'browser', 'auto']), 'auto'),
  perHostDelayMs: nonnegative(1000),
  concurrency: positive(50),
  timeoutMs: positive(30_000),
  maxBodyBytes: positive(5 * 1024 * 1024),
  /** Time limit for reading one linked PDF; a slower one fails alone. */
  documentTimeoutMs: positive(10_000),
  retries: nonnegative(2),
  userAgent: z._default(z.string(), 'aes-watch/0.1 (+https://github.com/gisti/aes-watch; freshness monitor for GISTI AES guides)'),
  /** Consecutive failed runs before an `unreachable` issue opens. */
  unreachableAfter: positive(3),
  issues: z._default(z.enum(['none', 'github']), 'none'),
  /** Language of the HTML/Markdown reports and issue bodies. */
  lang: z._default(z.enum(LANGS), 'fr'),
  entries: z._default(z.record(z.string(), EntrySettings), {}),
  discovery: z.prefault(DiscoverySettings, {}),
});
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
