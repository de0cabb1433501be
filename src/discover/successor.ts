import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { FactRef } from '../facts/fact-ref.js';

/**
 * What successor discovery tells an editor: the pages of the prefecture's
 * current site that most likely hold the procedure a dead guide link pointed
 * to. These are report and cache contracts (`entries[].successors`).
 */

/** How the page was reached: the redirect target (and its links), the sitemap, or the walk from the home page. */
export const SuccessorVia = z.enum(['redirect', 'sitemap', 'walk']);
export type SuccessorVia = z.infer<typeof SuccessorVia>;

export const Successor = z.object({
  url: z.string(),
  title: z.nullable(z.string()),
  /** ISO date of the page's own "Mis à jour le", when it states one. */
  pageUpdated: z.nullable(z.string()),
  /** In [0, 1]: AES words in title, h1 and path, guide facts on the page, closeness to the reviewed text. */
  score: z.number().check(z.minimum(0), z.maximum(1)),
  via: SuccessorVia,
  /** Guide facts (email, postal address, online form, document titles) the page states. */
  matchedFacts: z.array(FactRef),
  /** AES words found, and where: `"admission exceptionnelle" in title`. */
  matchedWords: z._default(z.array(z.string()), []),
  /** In [0, 1]: how close the page's procedure text is to the reviewed baseline (or the guide's reproduced text). */
  closeness: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0),
  /** Requests the search made for this entry in the run that found the page. */
  pagesVisited: z.int().check(z.nonnegative()),
});
export type Successor = z.infer<typeof Successor>;

/** Why a search gave no successor. */
export const NoSuccessorCode = z.enum([
  /** Pages were read; none scored high enough. */
  'no-candidate',
  /** No sitemap, and neither the redirect target nor the home page had links about procedures for foreigners. */
  'nothing-to-search',
  /** robots.txt forbids (or, unreadable, must be taken to forbid) what the search would fetch. */
  'robots-disallowed',
  /** The site answered nothing usable (network errors, 5xx). */
  'site-unreachable',
]);
export type NoSuccessorCode = z.infer<typeof NoSuccessorCode>;

export const NoSuccessorReason = z.object({ code: NoSuccessorCode, detail: z.string() });
export type NoSuccessorReason = z.infer<typeof NoSuccessorReason>;

/** One entry's discovery: up to 3 successors, best first, or none and the reason. */
export const Discovery = z.object({
  successors: z.array(Successor),
  /** Null when there are successors. */
  reason: z.nullable(NoSuccessorReason),
  /** When the search whose result this is ran (a cached result keeps its date). */
  searchedAt: z.iso.datetime(),
  /** Requests made by that search. */
  pagesFetched: z.int().check(z.nonnegative()),
  /** True when this run reused a stored result because the site's sitemap or home page had not changed. */
  fromCache: z.boolean(),
});
export type Discovery = z.infer<typeof Discovery>;

/** Successors kept per entry, and the score a page needs to be one. */
export const MAX_SUCCESSORS = 3;
export const MIN_SUCCESSOR_SCORE = 0.3;
/** A page scoring this much is taken to hold the procedure: the search stops looking further afield. */
export const CONFIDENT_SCORE = 0.7;
