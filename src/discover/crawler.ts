import { decodeBody } from '../fetch/charset.js';
import type { Validators } from '../fetch/outcome.js';
import { readPage, type ReadPage } from './page.js';
import { rankPage, type RankProfile } from './score.js';
import type { SiteAnswer, SiteSession } from './site-client.js';
import type { SuccessorVia } from './successor.js';
import { checkUrl } from './url-rules.js';
import { MAX_KEPT_LINKS, type VisitedPage } from './visited.js';
import { linkRelevance } from './words.js';

/**
 * Visits pages for one entry's search: each URL at most once, only URLs
 * discovery may request, pages unchanged since the last search (same sitemap
 * `lastmod`, or a 304) taken from the cache instead of being read again.
 */
export interface Crawler {
  readonly hosts: ReadonlySet<string>;
  readonly session: SiteSession;
  visit(url: string, via: SuccessorVia, lastmod?: string | null): Promise<VisitedPage | null>;
  /** A GET that first looks at answers already in hand (the cache check's). */
  fetch(url: string, validators: Validators | null, mayFollow: (url: string) => boolean): Promise<SiteAnswer>;
  visited(): VisitedPage[];
  isAllowed(url: string): boolean;
}

export interface CrawlerOptions {
  session: SiteSession;
  hosts: ReadonlySet<string>;
  profile: RankProfile;
  /** Pages of the last search, by URL. */
  previous: ReadonlyMap<string, VisitedPage>;
  /** Answers already fetched this run (the cache check's), by URL. */
  prefetched: Map<string, SiteAnswer>;
}

function looksLikeHtml(answer: Extract<SiteAnswer, { kind: 'ok' }>): boolean {
  const type = answer.contentType?.toLowerCase() ?? '';
  return type === '' || type.includes('html');
}

/** A page's links discovery may follow, best first. */
export function followable(page: ReadPage, hosts: ReadonlySet<string>): VisitedPage['links'] {
  const best = new Map<string, number>();
  for (const link of page.links) {
    const checked = checkUrl(link.href, hosts, page.url);
    if (checked.kind !== 'ok') continue;
    const relevance = linkRelevance(link.text, checked.url);
    if (relevance > (best.get(checked.url) ?? 0)) best.set(checked.url, relevance);
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_KEPT_LINKS)
    .map(([url, relevance]) => ({ url, relevance }));
}

export function createCrawler(options: CrawlerOptions): Crawler {
  const { session, hosts, profile, previous, prefetched } = options;
  const seen = new Map<string, VisitedPage>();
  const pending = new Map<string, Promise<VisitedPage | null>>();
  const isAllowed = (url: string) => checkUrl(url, hosts).kind === 'ok';

  const fetch = (url: string, validators: Validators | null, mayFollow: (url: string) => boolean): Promise<SiteAnswer> => {
    const ready = prefetched.get(url);
    if (ready) {
      prefetched.delete(url);
      return Promise.resolve(ready);
    }
    return session.get(url, { validators, mayFollow });
  };

  function record(url: string, via: SuccessorVia, lastmod: string | null, answer: SiteAnswer): VisitedPage {
    const base = { url, via, lastmod, finalUrl: answer.url, validators: { etag: null, lastModified: null }, title: null, pageUpdated: null, rank: null, links: [] };
    if (answer.kind === 'refused') return { ...base, outcome: answer.why === 'robots' ? 'refused-by-robots' : 'refused' };
    if (answer.kind !== 'ok') return { ...base, outcome: 'failed' };
    if (!looksLikeHtml(answer)) return { ...base, outcome: 'not-html', validators: answer.validators };
    const page = readPage(decodeBody(answer.body, answer.contentType).text, answer.url);
    const extracted = page.extraction.kind === 'extracted' ? page.extraction : null;
    const rank = extracted
      ? rankPage({ url: answer.url, title: page.title, h1: page.h1, text: extracted.text, facts: extracted.facts }, profile)
      : null;
    return {
      ...base,
      validators: answer.validators,
      outcome: extracted ? 'read' : 'no-procedure',
      title: extracted?.title ?? page.h1 ?? page.title,
      pageUpdated: extracted?.pageUpdated ?? null,
      rank,
      links: followable(page, hosts),
    };
  }

  async function load(url: string, via: SuccessorVia, lastmod: string | null): Promise<VisitedPage | null> {
    const before = previous.get(url);
    // The sitemap says the page is as it was: no request at all.
    if (before && lastmod !== null && before.lastmod === lastmod && before.outcome !== 'failed') return { ...before, via };
    if (session.requests >= session.budget && !prefetched.has(url)) return null;
    const answer = await fetch(url, before?.validators ?? null, isAllowed);
    if (answer.kind === 'refused' && answer.why === 'budget') return null;
    if (answer.kind === 'not-modified' && before) return { ...before, via, lastmod };
    return record(url, via, lastmod, answer);
  }

  return {
    hosts,
    session,
    fetch,
    isAllowed,
    visited: () => [...new Set(seen.values())],
    async visit(raw, via, lastmod = null) {
      const checked = checkUrl(raw, hosts);
      if (checked.kind !== 'ok') return null;
      const url = checked.url;
      const done = seen.get(url);
      if (done) return done;
      let job = pending.get(url);
      if (!job) {
        job = load(url, via, lastmod).then((page) => {
          if (page) {
            seen.set(url, page);
            if (page.finalUrl !== url && !seen.has(page.finalUrl)) seen.set(page.finalUrl, page);
          }
          return page;
        });
        pending.set(url, job);
      }
      return job;
    },
  };
}
