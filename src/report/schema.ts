import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { FactRef } from '../facts/fact-ref.js';
import { NoSuccessorReason, Successor } from '../discover/successor.js';
import { Proposal } from '../propose/schema.js';

/** The JSON run report: `reports/latest.json`. Its JSON Schema is generated from this (see `aes-watch schema`). */

// Reasons and statuses are the verdict's own words (compare/reasons.ts); the report carries them as they are.
export { EntryStatus, Reason, ReasonCode, STALE_REASONS } from '../compare/reasons.js';
import { EntryStatus, Reason } from '../compare/reasons.js';

// Linked documents and forms are judged by the compare stage (compare/linked.ts), in these words.
export { DocumentReport, FormReport } from '../compare/linked-schema.js';
import { DocumentReport, FormReport } from '../compare/linked-schema.js';

export const SourceReport = z.object({
  url: z.string(),
  finalUrl: z.nullable(z.string()),
  httpStatus: z.nullable(z.int()),
  fetchedWith: z.nullable(z.enum(['http', 'browser'])),
  pageUpdated: z.nullable(z.string()),
  /** The fetch outcome kind (`fetched`, `not-modified`, `http-error`, `timeout`...). */
  outcome: z.string(),
  redirects: z.array(z.object({ url: z.string(), status: z.int() })),
  title: z.nullable(z.string()),
  /** Unified diff of the extracted text against the reviewed baseline; null when none. */
  diffFromBaseline: z.nullable(z.string()),
  /** The texts the diff was made from, for word-level rendering. */
  baselineText: z.nullable(z.string()),
  currentText: z.nullable(z.string()),
  /** Where this source's snapshot lives, relative to the snapshots dir. */
  snapshotPath: z.nullable(z.string()),
  documents: z.optional(z.array(DocumentReport)),
  forms: z.optional(z.array(FormReport)),
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
  /** No earlier check of this entry (the store held nothing of it): `changedSinceLastRun` compared with nothing. Absent from older reports. */
  firstCheck: z._default(z.boolean(), false),
  /** Consecutive runs in which every source failed to fetch or extract. */
  consecutiveFailures: z.int().check(z.nonnegative()),
  sources: z.array(SourceReport),
  facts: z.object({
    missing: z.array(FactRef),
    added: z.array(FactRef),
    /** Every guide fact with whether a page still states it. */
    checked: z.array(z.extend(FactRef, { found: z.boolean() })),
  }),
  /** Stable hash of what the editor would review (reasons + facts + diffs): equal digests mean nothing new. */
  digest: z.string(),
  /** Likely new pages of a gone or moved source on the prefecture's current site, best first (at most 3). */
  successors: z._default(z.array(Successor), []),
  /** Why `successors` is empty after a search; null when there are some, or when no search ran. */
  successorsReason: z._default(z.nullable(NoSuccessorReason), null),
  /** Stale entries whose page was read: the guide section drafted from it (`aes-watch propose`). */
  proposal: z.optional(Proposal),
});
export type EntryReport = z.infer<typeof EntryReport>;

export const RunReport = z.object({
  tool: z.object({ name: z.literal('aes-watch'), version: z.string(), extractorVersion: z.int() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  guides: z.array(z.string()),
  summary: z.object({ ok: z.int(), stale: z.int(), unreachable: z.int() }),
  /** Things the maintainers should know that are not verdicts (e.g. a corrupt snapshot moved aside). */
  warnings: z._default(z.array(z.string()), []),
  entries: z.array(EntryReport),
});
export type RunReport = z.infer<typeof RunReport>;
