import { decodeBody } from '../fetch/charset.js';
import { exchange, type Exchange, type ExchangeOptions } from '../fetch/exchange.js';
import { nodeHttpFetch, type FetchLike, type FetchResponse } from '../fetch/node-http-fetch.js';
import { hostKey, type PoliteScheduler } from '../fetch/host-queue.js';
import type { Validators } from '../fetch/outcome.js';
import { parseRetryAfter } from '../fetch/retry-policy.js';
import type { Clock } from '../shared/clock.js';
import { ALLOW_ALL, FORBID_ALL, parseRobots, type RobotsRules } from './robots.js';

/**
 * The one way discovery reaches a site. Every request, robots.txt included,
 * goes through the run's polite scheduler (one at a time per host, the pause,
 * Retry-After), carries the run's User-Agent, counts against the entry's page
 * budget, and is checked against robots.txt first. GET only: discovery never
 * submits a form. Bodies stay bytes here, because sitemaps may be gzipped.
 */
export interface SiteClientOptions {
  scheduler: PoliteScheduler;
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  clock: Clock;
  signal?: AbortSignal;
  fetchImpl?: FetchLike;
  /** A search stops asking after this long, whatever its page budget (a slow site must not hold the run). */
  maxSearchMs?: number;
}

export type SiteAnswer =
  | { kind: 'ok'; url: string; contentType: string | null; body: Buffer; validators: Validators }
  | { kind: 'not-modified'; url: string; validators: Validators }
  | { kind: 'failed'; url: string; status: number | null; detail: string }
  | { kind: 'refused'; url: string; why: 'budget' | 'robots' | 'off-site' };

/** robots.txt as last read, so a later search can ask "changed?" instead of downloading it again. */
export interface KnownRobots {
  text: string | null;
  validators: Validators;
}

export interface SiteSession {
  /** Requests made so far. */
  readonly requests: number;
  readonly budget: number;
  /** Every URL requested, in order (for the report's evidence and the tests). */
  readonly requested: string[];
  /** GET with redirects followed while `mayFollow` allows the target; `validators` make it conditional. */
  get(url: string, options?: { validators?: Validators | null; mayFollow?: (url: string) => boolean }): Promise<SiteAnswer>;
  robotsFor(url: string): Promise<RobotsRules>;
  /** robots.txt per host as read in this session, for the cache. */
  knownRobots(): Record<string, KnownRobots>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;
/** A Crawl-delay beyond this is not honoured by waiting: the search would outlive the run. */
const MAX_CRAWL_DELAY_S = 30;
const NO_VALIDATORS: Validators = { etag: null, lastModified: null };
/** A site that failed this many requests in a row (timeouts, resets) is down tonight: stop asking it. */
const MAX_FAILURES_IN_A_ROW = 3;

function validatorsOf(headers: FetchResponse['headers']): Validators {
  return { etag: headers.get('etag'), lastModified: headers.get('last-modified') };
}

export function openSiteSession(options: SiteClientOptions, budget: number, previousRobots: Record<string, KnownRobots> = {}): SiteSession {
  const exchangeOptions: ExchangeOptions = {
    fetchImpl: options.fetchImpl ?? nodeHttpFetch,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
  };
  const robots = new Map<string, Promise<RobotsRules>>();
  /** Crawl-delay per host, once its robots.txt is read. */
  const crawlDelays = new Map<string, number>();
  const known: Record<string, KnownRobots> = {};
  const requested: string[] = [];
  let requests = 0;
  let failuresInARow = 0;
  const deadline = options.clock.now().getTime() + (options.maxSearchMs ?? Number.POSITIVE_INFINITY);

  /** One polite request; null when the budget (requests, time, patience with a failing site) is spent. */
  async function once(url: string, validators: Validators | null): Promise<Exchange | null> {
    if (requests >= budget || failuresInARow >= MAX_FAILURES_IN_A_ROW || options.clock.now().getTime() > deadline) return null;
    requests += 1;
    requested.push(url);
    const result = await options.scheduler.run(url, () => exchange(url, validators, options.signal, exchangeOptions));
    failuresInARow = result.kind === 'answer' && result.status < 500 ? 0 : failuresInARow + 1;
    if (result.kind === 'answer') {
      const host = hostKey(url);
      const retryAfter = result.status === 429 || result.status === 503 ? parseRetryAfter(result.headers.get('retry-after'), options.clock.now()) : null;
      if (retryAfter !== null) options.scheduler.deferHost(host, retryAfter * 1000);
      const delay = crawlDelays.get(new URL(url).host);
      if (delay !== undefined) options.scheduler.deferHost(host, Math.min(delay, MAX_CRAWL_DELAY_S) * 1000);
    }
    return result;
  }

  async function follow(url: string, validators: Validators | null, mayFollow: (url: string) => boolean, checkRobots: boolean): Promise<SiteAnswer> {
    let current = url;
    for (let hop = 0; hop <= MAX_HOPS; hop += 1) {
      if (checkRobots && !(await robotsFor(current)).allows(current)) return { kind: 'refused', url: current, why: 'robots' };
      const result = await once(current, hop === 0 ? validators : null);
      if (result === null) return { kind: 'refused', url: current, why: 'budget' };
      if (result.kind !== 'answer') return { kind: 'failed', url: current, status: null, detail: result.kind === 'network-error' ? `${result.code}: ${result.message}` : result.kind };
      const location = result.headers.get('location');
      if (REDIRECTS.has(result.status) && location !== null) {
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          return { kind: 'failed', url: current, status: result.status, detail: `bad redirect to ${location}` };
        }
        if (!mayFollow(next)) return { kind: 'refused', url: next, why: 'off-site' };
        current = next;
        continue;
      }
      if (result.status === 304) return { kind: 'not-modified', url: current, validators: validators ?? NO_VALIDATORS };
      if (result.status >= 200 && result.status <= 299) {
        return { kind: 'ok', url: current, contentType: result.headers.get('content-type'), body: result.body ?? Buffer.alloc(0), validators: validatorsOf(result.headers) };
      }
      return { kind: 'failed', url: current, status: result.status, detail: `HTTP ${result.status}` };
    }
    return { kind: 'failed', url: current, status: null, detail: `more than ${MAX_HOPS} redirects from ${url}` };
  }

  async function readRobots(origin: string, host: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const before = previousRobots[host];
    const sameHost = (next: string) => new URL(next).host === host;
    const answer = await follow(robotsUrl, before?.validators ?? null, sameHost, false);
    const remember = (text: string | null, validators: Validators) => (known[host] = { text, validators });
    switch (answer.kind) {
      case 'not-modified':
        remember(before?.text ?? null, before?.validators ?? NO_VALIDATORS);
        return before?.text ? parseRobots(robotsUrl, before.text, options.userAgent) : ALLOW_ALL;
      case 'ok': {
        const text = decodeBody(answer.body, answer.contentType).text;
        remember(text, answer.validators);
        return parseRobots(robotsUrl, text, options.userAgent);
      }
      case 'failed':
        // RFC 9309: "unavailable" (4xx) allows everything; "unreachable" (5xx, network) allows nothing.
        if (answer.status !== null && answer.status >= 400 && answer.status < 500) {
          remember(null, NO_VALIDATORS);
          return ALLOW_ALL;
        }
        return FORBID_ALL;
      case 'refused':
        return answer.why === 'off-site' ? ALLOW_ALL : FORBID_ALL;
    }
  }

  function robotsFor(url: string): Promise<RobotsRules> {
    const parsed = new URL(url);
    let rules = robots.get(parsed.host);
    if (!rules) {
      rules = readRobots(parsed.origin, parsed.host).then((read) => {
        if (read.crawlDelaySeconds !== null) crawlDelays.set(parsed.host, read.crawlDelaySeconds);
        return read;
      });
      robots.set(parsed.host, rules);
    }
    return rules;
  }

  return {
    get requests() {
      return requests;
    },
    budget,
    requested,
    get: (url, opts = {}) => follow(url, opts.validators ?? null, opts.mayFollow ?? (() => false), true),
    robotsFor,
    knownRobots: () => ({ ...known }),
  };
}
