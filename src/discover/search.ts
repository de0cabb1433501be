import { canonicalUrl } from '../facts/url.js';
import { linksFingerprint, readSitemaps } from './anchor.js';
import type { Crawler } from './crawler.js';
import { CONFIDENT_SCORE, MAX_SUCCESSORS, MIN_SUCCESSOR_SCORE, type NoSuccessorReason, type Successor } from './successor.js';
import { checkUrl, homeOf } from './url-rules.js';
import type { Anchor, VisitedPage } from './visited.js';
import { linkRelevance } from './words.js';

/** Where a dead source leads: the cited URL, and the page its redirects ended on (null for a 404). */
export interface SearchStart {
  cited: string;
  landing: string | null;
}

export interface SearchOutcome {
  successors: Successor[];
  reason: NoSuccessorReason | null;
  visited: VisitedPage[];
  anchor: Anchor | null;
}

/** Links of the redirect target read in phase 1. */
const REDIRECT_LINKS = 8;
/** How deep the walk goes from the home page (home › Démarches › Étrangers › page › sub-page). */
const MAX_DEPTH = 4;
/** The walk's to-do list is cut to its best items beyond this. */
const MAX_FRONTIER = 300;
/** Each level down costs this much of a link's relevance: breadth first, best links first. */
const DEPTH_COST = 0.25;

/**
 * The three places to look, in order: the redirect target and its links, the
 * sitemap, a walk from the home page. Each later place is searched only while
 * no page is a confident successor; every tier of equally relevant links is
 * finished before stopping, so a confident decoy cannot hide the real page.
 */
export async function searchSite(starts: SearchStart[], crawler: Crawler, exclude: string[]): Promise<SearchOutcome> {
  const excluded = new Set(exclude.map(canonicalUrl));
  const confident = () => crawler.visited().some((p) => p.rank !== null && p.rank.score >= CONFIDENT_SCORE && !excluded.has(canonicalUrl(p.finalUrl)));
  const budgetLeft = () => crawler.session.requests < crawler.session.budget;

  /** Visits `links` best first, stopping between relevance tiers once a confident page is in hand. */
  async function visitInTiers(links: { url: string; relevance: number; lastmod?: string | null }[], via: 'redirect' | 'sitemap'): Promise<void> {
    let tier = Number.POSITIVE_INFINITY;
    for (const link of links) {
      if (!budgetLeft()) return;
      if (link.relevance < tier && confident()) return;
      tier = link.relevance;
      await crawler.visit(link.url, via, link.lastmod ?? null);
    }
  }

  // 1. The redirect target and its links.
  for (const start of starts) {
    if (start.landing === null) continue;
    const landing = await crawler.visit(start.landing, 'redirect');
    if (landing) await visitInTiers(landing.links.slice(0, REDIRECT_LINKS), 'redirect');
  }

  const first = starts[0];
  const home = homeOf(first?.landing ?? first?.cited ?? '');
  const robots = await crawler.session.robotsFor(home);
  let anchor: Anchor | null = null;
  let sitemapPages = 0;

  if (robots.forbids !== 'everything') {
    // 2. The sitemap: robots.txt's Sitemap lines, else /sitemap.xml.
    if (!confident()) {
      const sitemaps = robots.sitemaps.length > 0 ? robots.sitemaps : [new URL('/sitemap.xml', home).href];
      const read = await readSitemaps(sitemaps, crawler);
      anchor = read.anchor;
      const listed = read.pages.flatMap((page) => {
        const checked = checkUrl(page.loc, crawler.hosts);
        const relevance = checked.kind === 'ok' ? linkRelevance('', checked.url) : 0;
        return relevance > 0 && checked.kind === 'ok' ? [{ url: checked.url, relevance, lastmod: page.lastmod }] : [];
      });
      sitemapPages = listed.length;
      await visitInTiers(listed.sort((a, b) => b.relevance - a.relevance), 'sitemap');
    }
    // 3. The walk from the home page.
    if (!confident() || anchor === null) await walk(home, crawler, confident);
    const homePage = crawler.visited().find((p) => p.url === home);
    if (anchor === null && homePage && homePage.outcome !== 'failed' && !homePage.outcome.startsWith('refused')) {
      anchor = { kind: 'home', url: home, validators: homePage.validators, fingerprint: linksFingerprint(homePage.links) };
    }
  }

  const visited = crawler.visited();
  const successors = rankSuccessors(visited, excluded, crawler.session.requests);
  return {
    successors,
    reason: successors.length > 0 ? null : whyNone(visited, robots.forbids === 'everything', sitemapPages, crawler),
    visited,
    anchor,
  };
}

async function walk(home: string, crawler: Crawler, confident: () => boolean): Promise<void> {
  const frontier: { url: string; priority: number; depth: number }[] = [{ url: home, priority: 1, depth: 0 }];
  const queued = new Set([home]);
  while (frontier.length > 0 && crawler.session.requests < crawler.session.budget) {
    // A confident page ends the walk, unless the home page (the cache's anchor) is still unread.
    if (confident() && crawler.visited().some((p) => p.url === home)) return;
    frontier.sort((a, b) => b.priority - a.priority || a.depth - b.depth);
    const next = frontier.shift()!;
    const page = await crawler.visit(next.url, 'walk');
    if (!page || next.depth >= MAX_DEPTH) continue;
    for (const link of page.links) {
      if (queued.has(link.url)) continue;
      queued.add(link.url);
      frontier.push({ url: link.url, priority: link.relevance - DEPTH_COST * (next.depth + 1), depth: next.depth + 1 });
    }
    if (frontier.length > MAX_FRONTIER) frontier.splice(MAX_FRONTIER);
  }
}

function rankSuccessors(visited: VisitedPage[], excluded: Set<string>, requests: number): Successor[] {
  const best = new Map<string, Successor>();
  for (const page of visited) {
    if (page.outcome !== 'read' || page.rank === null || page.rank.score < MIN_SUCCESSOR_SCORE) continue;
    const key = canonicalUrl(page.finalUrl);
    if (excluded.has(key) || (best.get(key)?.score ?? -1) >= page.rank.score) continue;
    best.set(key, { url: page.finalUrl, title: page.title, pageUpdated: page.pageUpdated, via: page.via, ...page.rank, pagesVisited: requests });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.url.localeCompare(b.url)).slice(0, MAX_SUCCESSORS);
}

function whyNone(visited: VisitedPage[], robotsClosed: boolean, sitemapPages: number, crawler: Crawler): NoSuccessorReason {
  const read = visited.filter((p) => p.outcome === 'read' || p.outcome === 'no-procedure');
  const refused = visited.filter((p) => p.outcome === 'refused-by-robots').length;
  if (robotsClosed) {
    return { code: 'robots-disallowed', detail: 'robots.txt could not be read (the site did not answer it), so nothing else may be fetched' };
  }
  if (read.length === 0 && refused > 0) return { code: 'robots-disallowed', detail: `robots.txt disallows the ${refused} page(s) the search would read` };
  if (read.length === 0) {
    const failed = visited.filter((p) => p.outcome === 'failed').length;
    return failed > 0 || crawler.session.requests > 0
      ? { code: 'site-unreachable', detail: `the site gave no readable page (${crawler.session.requests} request(s))` }
      : { code: 'nothing-to-search', detail: 'no page to start from' };
  }
  const followed = read.filter((p) => p.via !== 'sitemap').some((p) => p.links.length > 0);
  if (sitemapPages === 0 && !followed) {
    return { code: 'nothing-to-search', detail: 'no sitemap, and no link about procedures for foreigners on the redirect target or the home page' };
  }
  const spent = crawler.session.requests >= crawler.session.budget ? `; the budget of ${crawler.session.budget} requests is spent` : '';
  return { code: 'no-candidate', detail: `${read.length} page(s) read; none scored ${MIN_SUCCESSOR_SCORE} or more${spent}` };
}
