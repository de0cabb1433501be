import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { FactRef } from '../facts/fact-ref.js';

/** How the guide's facts move from the current section to the draft. */
export const FactChanges = z.object({
  kept: z.array(FactRef),
  /** The same address, document, email or site with another value (e.g. a new CEDEX). */
  changed: z.array(z.object({ from: FactRef, to: FactRef })),
  added: z.array(FactRef),
  removed: z.array(FactRef),
});
export type FactChanges = z.infer<typeof FactChanges>;

/** A draft of one guide section, written from the prefecture's page: `aes-watch propose --json`. */
export const Proposal = z.object({
  entryId: z.string(),
  guideFile: z.string(),
  /** The whole new section, "\n" line ends. */
  section: z.string(),
  /** Unified diff from the current section to the draft. */
  diff: z.string(),
  /** The page the draft was written from, as the draft cites it. */
  source: z.string(),
  facts: FactChanges,
  /** Every `[À VÉRIFIER : …]` the draft carries: an editor must decide. Empty when the page settles everything. */
  needsReview: z.array(z.string()),
});
export type Proposal = z.infer<typeof Proposal>;
