import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { Fact } from '../facts/fact.js';

/** `current`: what the page says now; `baseline`: what an editor last reviewed (accepted). */
export type Slot = 'current' | 'baseline';

/** Metadata stored beside each snapshot's text and raw HTML. zod/mini: read before the first request (see shared/zod-english.ts). */
export const SnapshotMeta = z.object({
  url: z.string(),
  finalUrl: z.string(),
  httpStatus: z.int(),
  redirects: z.array(z.object({ url: z.string(), status: z.int() })),
  fetchedWith: z.enum(['http', 'browser']),
  /** When this content was first stored (not every time it was seen again unchanged). */
  capturedAt: z.iso.datetime(),
  validators: z.object({ etag: z.nullable(z.string()), lastModified: z.nullable(z.string()) }),
  charset: z.string(),
  contentType: z.nullable(z.string()),
  title: z.nullable(z.string()),
  pageUpdated: z.nullable(z.string()),
  extractorVersion: z.int(),
  /** The entry's configured content selector, when it has one: a stored extraction is reused only under the same one. */
  selector: z.optional(z.string()),
  /** Ties the slot's files to one fetch: `png` only for a browser page's screenshot. */
  sha256: z.object({ text: z.string(), html: z.string(), png: z.optional(z.string()) }),
  facts: z.array(Fact),
  hasScreenshot: z._default(z.boolean(), false),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** What a snapshot says of its page: enough to judge it, without the raw HTML. */
export interface SnapshotText {
  meta: SnapshotMeta;
  text: string;
}

/** What is stored for one source at one moment: `current` or the reviewed `baseline`. */
export interface Snapshot extends SnapshotText {
  html: string;
}

/** Per-entry state that must survive between runs. */
export const EntryState = z.object({
  /** Stops at the `unreachableAfter` threshold, so a site that stays down changes nothing night after night. */
  consecutiveFailures: z._default(z.int().check(z.nonnegative()), 0),
  /** What each cited URL answered last run ("200 <final URL>", "unreachable"): a change is "changed since last run". */
  sources: z.optional(z.record(z.string(), z.string())),
  /** Cited URLs whose fetch failed last run: `accept` will not take their old snapshot as reviewed. */
  failing: z.optional(z.array(z.string())),
});
export type EntryState = z.infer<typeof EntryState>;
