import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Config, type DiscoverySettings, type EntrySettings } from '../shared/config.js';
import type { FetchMode } from '../fetch/outcome.js';
import type { EntryStatus } from '../report/schema.js';
import { UsageError } from '../shared/io.js';
import type { Lang } from '../shared/lang.js';

/** Everything one check run needs to know, after config file and flags are merged. */
export interface CheckRequest {
  cwd: string;
  guides: string[];
  /** Entry ids or département codes; empty means all. */
  only: string[];
  snapshotsDir: string;
  reportsDir: string;
  json: boolean;
  perHostDelayMs: number;
  concurrency: number;
  timeoutMs: number;
  maxBodyBytes: number;
  documentTimeoutMs: number;
  retries: number;
  userAgent: string;
  defaultFetch: FetchMode;
  /** `--fetch`: overrides every entry's own mode. */
  forcedFetch: FetchMode | null;
  failOn: EntryStatus[];
  issues: 'none' | 'github';
  dryRun: boolean;
  unreachableAfter: number;
  entries: Record<string, EntrySettings>;
  /** Wait for another run's lock instead of exiting. */
  wait: boolean;
  /** Successor discovery for gone or moved sources. */
  discovery: DiscoverySettings;
  /** Language of the editor-facing reports and issue bodies. */
  lang: Lang;
}

export const CONFIG_FILE = 'aes-watch.config.json';

/** Reads `aes-watch.config.json` (or `configPath`); a missing default file is fine, a broken one is an error. */
export async function loadConfig(cwd: string, configPath?: string): Promise<Config> {
  const path = resolve(cwd, configPath ?? CONFIG_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !configPath) return Config.parse({});
    throw new UsageError(`${path}: cannot read configuration (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = Config.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

export async function checkRequestFromConfig(cwd: string, overrides: Partial<CheckRequest> = {}, configPath?: string): Promise<CheckRequest> {
  const config = await loadConfig(cwd, configPath);
  return {
    cwd,
    guides: config.guides,
    only: [],
    snapshotsDir: config.snapshotsDir,
    reportsDir: config.reportsDir,
    json: false,
    perHostDelayMs: config.perHostDelayMs,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    documentTimeoutMs: config.documentTimeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    defaultFetch: config.fetch,
    forcedFetch: null,
    failOn: [],
    issues: config.issues,
    dryRun: false,
    unreachableAfter: config.unreachableAfter,
    entries: config.entries,
    wait: false,
    discovery: config.discovery,
    lang: config.lang,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
}
