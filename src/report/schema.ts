import { z } from 'zod';
import { FactRef } from '../facts/fact.js';

/** The JSON run report: `reports/latest.json`. Its JSON Schema is generated from this (see `aes-watch schema`). */

export const ReasonCode = z.enum([
  'fact-missing',
  'content-changed',
  'page-updated',
  'source-moved',
  'source-gone',
  'fetch-failed',
  'extraction-failed',
  'baseline-damaged',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const STALE_REASONS: readonly ReasonCode[] = [
  'fact-missing',
  'content-changed',
  'page-updated',
  'source-moved',
  'source-gone',
  'baseline-damaged',
];

export const Reason = z.object({
  code: ReasonCode,
  detail: z.string(),
  /** The cited URL the reason is about, when it is about one source. */
  sourceUrl: z.string().nullable().default(null),
});
export type Reason = z.infer<typeof Reason>;

export const EntryStatus = z.enum(['ok', 'stale', 'unreachable']);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const SourceReport = z.object({
  url: z.string(),
  finalUrl: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  fetchedWith: z.enum(['http', 'browser']).nullable(),
  pageUpdated: z.string().nullable(),
  /** The fetch outcome kind (`fetched`, `not-modified`, `http-error`, `timeout`...). */
  outcome: z.string(),
  redirects: z.array(z.object({ url: z.string(), status: z.number().int() })),
  title: z.string().nullable(),
  /** Unified diff of the extracted text against the reviewed baseline; null when none. */
  diffFromBaseline: z.string().nullable(),
  /** The texts the diff was made from, for word-level rendering. */
  baselineText: z.string().nullable(),
  currentText: z.string().nullable(),
  /** Where this source's snapshot lives, relative to the snapshots dir. */
  snapshotPath: z.string().nullable(),
});
export type SourceReport = z.infer<typeof SourceReport>;

export const EntryReport = z.object({
  id: z.string(),
  department: z.object({ code: z.string(), name: z.string() }),
  prefecture: z.string(),
  guideUpdated: z.string(),
  guideFile: z.string(),
  status: EntryStatus,
  reasons: z.array(Reason),
  changedSinceLastRun: z.boolean(),
  /** Consecutive runs in which every source failed to fetch or extract. */
  consecutiveFailures: z.number().int().nonnegative(),
  sources: z.array(SourceReport),
  facts: z.object({
    missing: z.array(FactRef),
    added: z.array(FactRef),
    /** Every guide fact with whether a page still states it. */
    checked: z.array(FactRef.extend({ found: z.boolean() })),
  }),
  /** Stable hash of what the editor would review (reasons + facts + diffs): equal digests mean nothing new. */
  digest: z.string(),
});
export type EntryReport = z.infer<typeof EntryReport>;

export const RunReport = z.object({
  tool: z.object({ name: z.literal('aes-watch'), version: z.string(), extractorVersion: z.number().int() }),
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime(),
  guides: z.array(z.string()),
  summary: z.object({ ok: z.number().int(), stale: z.number().int(), unreachable: z.number().int() }),
  /** Things the maintainers should know that are not verdicts (e.g. a corrupt snapshot moved aside). */
  warnings: z.array(z.string()).default([]),
  entries: z.array(EntryReport),
});
export type RunReport = z.infer<typeof RunReport>;
