import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  FactRef
} from "./chunk-3EVCR4QT.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";

// src/report/schema.ts
var ReasonCode = external_exports.enum([
  "fact-missing",
  "content-changed",
  "page-updated",
  "source-moved",
  "source-gone",
  "fetch-failed",
  "extraction-failed"
]);
var STALE_REASONS = [
  "fact-missing",
  "content-changed",
  "page-updated",
  "source-moved",
  "source-gone"
];
var Reason = external_exports.object({
  code: ReasonCode,
  detail: external_exports.string(),
  /** The cited URL the reason is about, when it is about one source. */
  sourceUrl: external_exports.string().nullable().default(null)
});
var EntryStatus = external_exports.enum(["ok", "stale", "unreachable"]);
var SourceReport = external_exports.object({
  url: external_exports.string(),
  finalUrl: external_exports.string().nullable(),
  httpStatus: external_exports.number().int().nullable(),
  fetchedWith: external_exports.enum(["http", "browser"]).nullable(),
  pageUpdated: external_exports.string().nullable(),
  /** The fetch outcome kind (`fetched`, `not-modified`, `http-error`, `timeout`...). */
  outcome: external_exports.string(),
  redirects: external_exports.array(external_exports.object({ url: external_exports.string(), status: external_exports.number().int() })),
  title: external_exports.string().nullable(),
  /** Unified diff of the extracted text against the reviewed baseline; null when none. */
  diffFromBaseline: external_exports.string().nullable(),
  /** The texts the diff was made from, for word-level rendering. */
  baselineText: external_exports.string().nullable(),
  currentText: external_exports.string().nullable(),
  /** Where this source's snapshot lives, relative to the snapshots dir. */
  snapshotPath: external_exports.string().nullable()
});
var EntryReport = external_exports.object({
  id: external_exports.string(),
  department: external_exports.object({ code: external_exports.string(), name: external_exports.string() }),
  prefecture: external_exports.string(),
  guideUpdated: external_exports.string(),
  guideFile: external_exports.string(),
  status: EntryStatus,
  reasons: external_exports.array(Reason),
  changedSinceLastRun: external_exports.boolean(),
  /** Consecutive runs in which every source failed to fetch or extract. */
  consecutiveFailures: external_exports.number().int().nonnegative(),
  sources: external_exports.array(SourceReport),
  facts: external_exports.object({
    missing: external_exports.array(FactRef),
    added: external_exports.array(FactRef),
    /** Every guide fact with whether a page still states it. */
    checked: external_exports.array(FactRef.extend({ found: external_exports.boolean() }))
  }),
  /** Stable hash of what the editor would review (reasons + facts + diffs): equal digests mean nothing new. */
  digest: external_exports.string()
});
var RunReport = external_exports.object({
  tool: external_exports.object({ name: external_exports.literal("aes-watch"), version: external_exports.string(), extractorVersion: external_exports.number().int() }),
  startedAt: external_exports.string().datetime(),
  finishedAt: external_exports.string().datetime(),
  guides: external_exports.array(external_exports.string()),
  summary: external_exports.object({ ok: external_exports.number().int(), stale: external_exports.number().int(), unreachable: external_exports.number().int() }),
  /** Things the maintainers should know that are not verdicts (e.g. a corrupt snapshot moved aside). */
  warnings: external_exports.array(external_exports.string()).default([]),
  entries: external_exports.array(EntryReport)
});

export {
  ReasonCode,
  STALE_REASONS,
  Reason,
  EntryStatus,
  SourceReport,
  EntryReport,
  RunReport
};
//# sourceMappingURL=chunk-LIZN4YST.js.map
