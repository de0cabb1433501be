import * as z from 'zod/mini';
import '../shared/zod-english.js';

/** Why an entry is stale or unreachable: the codes of the JSON report, which scripts rely on. */
export const ReasonCode = z.enum([
  'fact-missing',
  'content-changed',
  'page-updated',
  'source-moved',
  'source-gone',
  'fetch-failed',
  'extraction-failed',
  'baseline-damaged',
  'document-changed',
  'document-gone',
  'form-closed',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const STALE_REASONS: readonly ReasonCode[] = [
  'fact-missing',
  'content-changed',
  'page-updated',
  'source-moved',
  'source-gone',
  'baseline-damaged',
  'document-changed',
  'document-gone',
  'form-closed',
];

export const Reason = z.object({
  code: ReasonCode,
  detail: z.string(),
  /** The cited URL the reason is about, when it is about one source. */
  sourceUrl: z._default(z.nullable(z.string()), null),
});
export type Reason = z.infer<typeof Reason>;

export const EntryStatus = z.enum(['ok', 'stale', 'unreachable']);
export type EntryStatus = z.infer<typeof EntryStatus>;

