import { z } from 'zod';
import { Fact } from '../facts/fact.js';

/** `current`: what the page says now; `baseline`: what an editor last reviewed (accepted). */
export type Slot = 'current' | 'baseline';

/** Metadata stored beside each snapshot's text and raw HTML. */
export const SnapshotMeta = z.object({
  url: z.string(),
  finalUrl: z.string(),
  httpStatus: z.number().int(),
  redirects: z.array(z.object({ url: z.string(), status: z.number().int() })),
  fetchedWith: z.enum(['http', 'browser']),
  /** When this content was first stored (not every time it was seen again unchanged). */
  capturedAt: z.string().datetime(),
  validators: z.object({ etag: z.string().nullable(), lastModified: z.string().nullable() }),
  charset: z.string(),
  contentType: z.string().nullable(),
  title: z.string().nullable(),
  pageUpdated: z.string().nullable(),
  extractorVersion: z.number().int(),
  /** The entry's configured content selector, when it has one: a stored extraction is reused only under the same one. */
  selector: z.string().optional(),
  /** Ties the slot's files to one fetch: `png` only for a browser page's screenshot. */
  sha256: z.object({ text: z.string(), html: z.string(), png: z.string().optional() }),
  facts: z.array(Fact),
  hasScreenshot: z.boolean().default(false),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** What is stored for one source at one moment: `current` or the reviewed `baseline`. */
export interface Snapshot {
  meta: SnapshotMeta;
  text: string;
  html: string;
}

/** Per-entry state that must survive between runs. */
export const EntryState = z.object({
  /** Stops at the `unreachableAfter` threshold, so a site that stays down changes nothing night after night. */
  consecutiveFailures: z.number().int().nonnegative().default(0),
  /** What each cited URL answered last run ("200 <final URL>", "unreachable"): a change is "changed since last run". */
  sources: z.record(z.string(), z.string()).optional(),
  /** Cited URLs whose fetch failed last run: `accept` will not take their old snapshot as reviewed. */
  failing: z.array(z.string()).optional(),
});
export type EntryState = z.infer<typeof EntryState>;
