import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { FactRef } from '../facts/fact-ref.js';
import { SuccessorVia } from './successor.js';

/**
 * One page a search requested, as kept in the discovery cache: enough to
 * reuse its ranking and its links when the page has not changed since.
 */
export const Validators = z.object({ etag: z.nullable(z.string()), lastModified: z.nullable(z.string()) });

export const PageRank = z.object({
  score: z.number().check(z.minimum(0), z.maximum(1)),
  matchedFacts: z.array(FactRef),
  matchedWords: z.array(z.string()),
  closeness: z.number().check(z.minimum(0), z.maximum(1)),
});

export const VisitedPage = z.object({
  /** As requested (no fragment). */
  url: z.string(),
  /** Where its redirects ended. */
  finalUrl: z.string(),
  via: SuccessorVia,
  /** The sitemap's `lastmod` for it, when it came from a sitemap. */
  lastmod: z.nullable(z.string()),
  validators: Validators,
  /** `read`: an HTML page; `no-procedure`: HTML without one; `failed` / `refused`: nothing to read. */
  outcome: z.enum(['read', 'no-procedure', 'not-html', 'failed', 'refused-by-robots', 'refused']),
  title: z.nullable(z.string()),
  pageUpdated: z.nullable(z.string()),
  /** Null when the page holds no procedure. */
  rank: z.nullable(PageRank),
  /** Links worth following, best first (only kept for pages the walk may continue from). */
  links: z.array(z.object({ url: z.string(), relevance: z.number() })),
});
export type VisitedPage = z.infer<typeof VisitedPage>;

/** Links kept per page in the cache: the walk only ever takes the best few. */
export const MAX_KEPT_LINKS = 20;

/**
 * What tells a later run whether the site changed: its sitemap (the list of
 * pages and their `lastmod`) or, without one, its home page's links.
 */
export const Anchor = z.object({
  kind: z.enum(['sitemap', 'home']),
  url: z.string(),
  validators: Validators,
  /** sha256 of what matters in it: sitemap entries, or the home page's followable links. */
  fingerprint: z.string(),
});
export type Anchor = z.infer<typeof Anchor>;
