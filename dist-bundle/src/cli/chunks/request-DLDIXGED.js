import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  UsageError
} from "./chunk-TTXVVIMA.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";
import "./chunk-DXLBKT2R.js";

// src/run/request.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/shared/config.ts
var EntrySettings = external_exports.object({
  fetch: external_exports.enum(["http", "browser", "auto"]).optional(),
  /** CSS selector of the procedure's main content on this entry's pages. */
  selector: external_exports.string().min(1).optional(),
  /** Browser mode: wait for this selector before reading the page. */
  waitFor: external_exports.string().min(1).optional()
});
var Config = external_exports.object({
  guides: external_exports.array(external_exports.string()).default(["data/guides"]),
  snapshotsDir: external_exports.string().default("snapshots"),
  reportsDir: external_exports.string().default("reports"),
  fetch: external_exports.enum(["http", "browser", "auto"]).default("auto"),
  perHostDelayMs: external_exports.number().int().nonnegative().default(1e3),
  concurrency: external_exports.number().int().positive().default(50),
  timeoutMs: external_exports.number().int().positive().default(3e4),
  maxBodyBytes: external_exports.number().int().positive().default(5 * 1024 * 1024),
  retries: external_exports.number().int().nonnegative().default(2),
  userAgent: external_exports.string().default("aes-watch/0.1 (+https://github.com/gisti/aes-watch; freshness monitor for GISTI AES guides)"),
  /** Consecutive failed runs before an `unreachable` issue opens. */
  unreachableAfter: external_exports.number().int().positive().default(3),
  issues: external_exports.enum(["none", "github"]).default("none"),
  entries: external_exports.record(external_exports.string(), EntrySettings).default({})
}).strict();
var DEFAULT_CONFIG = Config.parse({});

// src/run/request.ts
var CONFIG_FILE = "aes-watch.config.json";
async function loadConfig(cwd, configPath) {
  const path = resolve(cwd, configPath ?? CONFIG_FILE);
  let raw;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT" && !configPath) return Config.parse({});
    throw new UsageError(`${path}: cannot read configuration (${error.message})`);
  }
  let json;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${error.message})`);
  }
  const parsed = Config.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}
async function checkRequestFromConfig(cwd, overrides = {}, configPath) {
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
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== void 0))
  };
}
export {
  CONFIG_FILE,
  checkRequestFromConfig,
  loadConfig
};
//# sourceMappingURL=request-DLDIXGED.js.map
