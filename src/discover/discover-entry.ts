import { createHash } from 'node:crypto';
import type { Fact } from '../facts/fact.js';
import { factKey } from '../facts/key.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { anchorChanged } from './anchor.js';
import { CACHE_MAX_AGE_MS, readDiscoveryCache, writeDiscoveryCache } from './cache.js';
import { createCrawler } from './crawler.js';
import type { RankProfile } from './score.js';
import { searchSite, type SearchStart } from './search.js';
import { openSiteSession, type SiteAnswer, type SiteClientOptions } from './site-client.js';
import type { Discovery } from './successor.js';
import { siteOf } from './url-rules.js';
import type { VisitedPage } from './visited.js';

export interface DiscoverDeps {
  client: SiteClientOptions;
  /** Requests per entry per run (`discovery.maxPages`). */
  maxPages: number;
  /** The snapshot store's folder: the cache lives beside the entry's snapshots. */
  snapshotsDir: string;
  clock: Clock;
  log: Logger;
  warn: (message: string) => void;
}

export interface DiscoverRequest {
  entryId: string;
  starts: SearchStart[];
  /** Pages never proposed: the entry's own cited pages. */
  exclude: string[];
  profile: RankProfile;
}

function inputsDigest(request: DiscoverRequest, maxPages: number): string {
  const facts = request.profile.facts.map((fact: Fact) => factKey(fact)).sort();
  return createHash('sha256')
    .update(JSON.stringify({ starts: request.starts, exclude: [...request.exclude].sort(), facts, reference: request.profile.reference, maxPages }))
    .digest('hex')
    .slice(0, 16);
}

/** Walk pages keep their links for a later walk; sitemap pages are reached from the sitemap again. */
const forCache = (page: VisitedPage): VisitedPage => (page.via === 'sitemap' ? { ...page, links: [] } : page);

/**
 * Finds where one entry's procedure lives now, or reuses the last search when
 * it is under 7 days old and the site's sitemap or home page has not changed.
 */
export async function discoverEntry(request: DiscoverRequest, deps: DiscoverDeps): Promise<Discovery> {
  const now = deps.clock.now();
  const inputs = inputsDigest(request, deps.maxPages);
  const read = await readDiscoveryCache(deps.snapshotsDir, request.entryId, now);
  if (read.kind === 'corrupt') deps.warn(`discovery cache of ${request.entryId} was corrupt; moved aside to ${read.movedTo}`);
  const cached = read.kind === 'found' ? read.cache : null;
  const usable = cached !== null && cached.inputs === inputs && now.getTime() - Date.parse(cached.discovery.searchedAt) < CACHE_MAX_AGE_MS;

  const hosts = new Set(request.starts.flatMap((start) => [siteOf(start.cited), start.landing ? siteOf(start.landing) : null]).filter((h): h is string => h !== null));
  const session = openSiteSession(deps.client, deps.maxPages, usable ? cached.robots : {});
  const prefetched = new Map<string, SiteAnswer>();
  const previous = new Map((usable ? cached.pages : []).map((page) => [page.url, page]));
  const crawler = createCrawler({ session, hosts, profile: request.profile, previous, prefetched });

  if (usable && cached.anchor) {
    const check = await anchorChanged(cached.anchor, crawler);
    if (!check.changed) {
      deps.log.debug({ entry: request.entryId, requests: session.requests }, 'discovery: site unchanged, stored result reused');
      return { ...cached.discovery, fromCache: true };
    }
    prefetched.set(cached.anchor.url, check.answer);
  }

  const outcome = await searchSite(request.starts, crawler, request.exclude);
  const discovery: Discovery = {
    successors: outcome.successors,
    reason: outcome.reason,
    searchedAt: now.toISOString(),
    pagesFetched: session.requests,
    fromCache: false,
  };
  deps.log.info({ entry: request.entryId, requests: session.requests, successors: outcome.successors.length }, 'discovery: searched');
  // An interrupted search is not a result to keep; nor is one with nothing to tell a change by.
  if (!deps.client.signal?.aborted && outcome.anchor !== null) {
    await writeDiscoveryCache(deps.snapshotsDir, request.entryId, {
      version: 1,
      inputs,
      discovery,
      anchor: outcome.anchor,
      robots: session.knownRobots(),
      pages: outcome.visited.map(forCache),
    });
  }
  return discovery;
}
