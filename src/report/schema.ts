import { z } from 'zod';
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
  documents: z.array(DocumentReport).optional(),
  forms: z.array(FormReport).optional(),
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
  firstCheck: z.boolean().default(false),
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
  /** Likely new pages of a gone or moved source on the prefecture's current site, best first (at most 3). */
  successors: z.array(Successor).default([]),
  /** Why `successors` is empty after a search; null when there are some, or when no search ran. */
  successorsReason: NoSuccessorReason.nullable().default(null),
  /** Stale entries whose page was read: the guide section drafted from it (`aes-watch propose`). */
  proposal: Proposal.optional(),
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
