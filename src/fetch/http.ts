import type { Clock } from '../shared/clock.js';
import { silentLogger, type Logger } from '../shared/log.js';
import { decodeBody } from './charset.js';
import { exchange, type Exchange, type ExchangeOptions } from './exchange.js';
import { nodeHttpFetch, type FetchLike, type FetchResponse } from './node-http-fetch.js';
import type { FetchOutcome, FetchRequest, Fetcher, Hop, Validators } from './outcome.js';
import { backoffDelayMs, honoursRetryAfter, isTransientNetworkError, isTransientStatus, parseRetryAfter } from './retry-policy.js';
import { stripFragment } from './url.js';

export interface HttpFetcherOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Extra attempts per fetch for transient failures (network, timeout, 5xx, 429). */
  retries: number;
  /** Backoff waits go through the clock so tests can record them. */
  clock: Clock;
  log?: Logger;
  /** Default: Node's http/https modules (cheaper per request than the global fetch). */
  fetchImpl?: FetchLike;
  /** First backoff wait; doubles on each retry. Default 1000 ms. */
  backoffBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch gives up. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Default 10. */
  maxRedirects?: number;
}

/** `network-error` code when the caller's signal ended the fetch (shutdown), not the network. */
export const ABORTED_CODE = 'ABORTED';
export const TOO_MANY_REDIRECTS_CODE = 'TOO_MANY_REDIRECTS';
export const INVALID_URL_CODE = 'INVALID_URL';
export const BAD_REDIRECT_CODE = 'BAD_REDIRECT';
export const REDIRECT_LOOP_CODE = 'REDIRECT_LOOP';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Parses a URL for requesting: http(s) only, fragment dropped. */
function requestUrl(raw: string, base?: string): { ok: true; url: string } | { ok: false; message: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return { ok: false, message: `not a valid URL: ${JSON.stringify(raw)}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: `not an http(s) URL: ${JSON.stringify(raw)}` };
  }
  return { ok: true, url: stripFragment(parsed.href) };
}

function validatorsOf(headers: FetchResponse['headers'], fallback: Validators | null | undefined): Validators {
  return {
    etag: headers.get('etag') ?? fallback?.etag ?? null,
    lastModified: headers.get('last-modified') ?? fallback?.lastModified ?? null,
  };
}

export function createHttpFetcher(options: HttpFetcherOptions): Fetcher {
  const log = options.log ?? silentLogger;
  const backoffBaseMs = options.backoffBaseMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const maxRedirects = options.maxRedirects ?? 10;
  const exchangeOptions: ExchangeOptions = {
    fetchImpl: options.fetchImpl ?? nodeHttpFetch,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
  };

  /** Wait before retry number `retryIndex`, or null when the failure is final. */
  function retryDelay(result: Exchange, retryIndex: number): number | null {
    const backoff = backoffDelayMs(retryIndex, backoffBaseMs);
    if (result.kind === 'timeout') return backoff;
    if (result.kind === 'network-error') return isTransientNetworkError(result.code) ? backoff : null;
    if (result.kind !== 'answer' || !isTransientStatus(result.status)) return null;
    if (!honoursRetryAfter(result.status)) return backoff;
    const seconds = parseRetryAfter(result.headers.get('retry-after'), options.clock.now());
    if (seconds === null) return backoff;
    // Asked to come back much later: give up now and let the host be deferred instead.
    if (seconds * 1000 > maxRetryAfterMs) return null;
    return Math.max(backoff, seconds * 1000);
  }

  async function fetchOne(request: FetchRequest): Promise<FetchOutcome> {
    const first = requestUrl(request.url);
    if (!first.ok) {
      return { kind: 'network-error', url: request.url, code: INVALID_URL_CODE, message: first.message, fetchedWith: 'http' };
    }
    let url = first.url;
    const redirects: Hop[] = [];
    const maxBodyBytes = request.maxBodyBytes ?? options.maxBodyBytes;
    const perRequest = maxBodyBytes === options.maxBodyBytes ? exchangeOptions : { ...exchangeOptions, maxBodyBytes };
    let retriesUsed = 0;
    for (;;) {
      let result = await exchange(url, request.validators, request.signal, perRequest);
      for (;;) {
        const delay = retriesUsed < options.retries ? retryDelay(result, retriesUsed) : null;
        if (delay === null) break;
        retriesUsed += 1;
        log.info({ url, result: result.kind, status: result.kind === 'answer' ? result.status : undefined, delayMs: delay }, 'fetch: retrying');
        try {
          await options.clock.sleep(delay, request.signal);
        } catch {
          result = { kind: 'aborted' };
          break;
        }
        result = await exchange(url, request.validators, request.signal, perRequest);
      }

      switch (result.kind) {
        case 'aborted':
          return { kind: 'network-error', url, code: ABORTED_CODE, message: 'fetch aborted by the caller', fetchedWith: 'http' };
        case 'network-error':
          return { kind: 'network-error', url, code: result.code, message: result.message, fetchedWith: 'http' };
        case 'timeout':
          return { kind: 'timeout', url, afterMs: options.timeoutMs, fetchedWith: 'http', phase: result.phase, receivedBytes: result.receivedBytes };
        case 'too-large':
          return { kind: 'too-large', url, limitBytes: maxBodyBytes, fetchedWith: 'http', contentEncoding: result.contentEncoding };
      }

      const { status, headers } = result;
      const location = headers.get('location');
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        redirects.push({ url, status });
        const next = requestUrl(location, url);
        if (!next.ok) {
          return { kind: 'network-error', url, code: BAD_REDIRECT_CODE, message: `HTTP ${status} redirect refused: ${next.message}`, fetchedWith: 'http' };
        }
        if (redirects.some((hop) => hop.url === next.url)) {
          const loop = [...redirects.map((hop) => hop.url), next.url].join(' → ');
          return { kind: 'network-error', url, code: REDIRECT_LOOP_CODE, message: `redirect loop: ${loop}`, fetchedWith: 'http' };
        }
        if (redirects.length > maxRedirects) {
          const message = `more than ${maxRedirects} redirects from ${redirects[0]?.url ?? url}`;
          return { kind: 'network-error', url, code: TOO_MANY_REDIRECTS_CODE, message, fetchedWith: 'http' };
        }
        log.debug({ from: url, to: next.url, status }, 'fetch: redirect');
        url = next.url;
        continue;
      }

      const answered = { redirects, finalUrl: url, fetchedWith: 'http' as const };
      if (status === 304) {
        return { ...answered, kind: 'not-modified', status, validators: validatorsOf(headers, request.validators) };
      }
      if (status >= 200 && status <= 299) {
        const contentType = headers.get('content-type');
        const body = result.body ?? Buffer.alloc(0);
        const { text, charset, unknownLabel } = request.binary ? { text: '', charset: 'binary', unknownLabel: undefined } : decodeBody(body, contentType);
        return {
          ...answered,
          kind: 'fetched',
          status,
          html: text,
          charset,
          unknownCharsetLabel: unknownLabel,
          contentType,
          validators: validatorsOf(headers, null),
          screenshot: null,
          body,
        };
      }
      const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'), options.clock.now());
      return { ...answered, kind: 'http-error', status, retryAfterSeconds };
    }
  }

  return { fetch: fetchOne };
}
