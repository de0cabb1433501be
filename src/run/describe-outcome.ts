import { hostKey } from '../fetch/host-queue.js';
import type { FetchOutcome } from '../fetch/outcome.js';

/** Codes whose message is already a full sentence for the editor. */
const SPECIFIC_CODES = new Set(['BODY_INCOMPLETE', 'BAD_REDIRECT', 'REDIRECT_LOOP', 'TOO_MANY_REDIRECTS', 'ECONNRESET']);
const KIB = (bytes: number) => Math.round(bytes / 1024);

/** One line an editor understands, for a fetch that did not give a page. */
export function describeFailure(outcome: Exclude<FetchOutcome, { kind: 'fetched' | 'not-modified' }>): string {
  switch (outcome.kind) {
    case 'http-error':
      return outcome.status === 429
        ? 'HTTP 429: the site asked us to slow down'
        : outcome.status === 403 || outcome.status === 406
          ? `HTTP ${outcome.status}: the site refused the request (bot blocking?)`
          : `HTTP ${outcome.status}`;
    case 'network-error':
      if (outcome.code === 'ENOTFOUND' || outcome.code === 'EAI_AGAIN') {
        return `cannot resolve ${hostKey(outcome.url)} (${outcome.code}): this machine is offline, or the domain no longer exists`;
      }
      if (outcome.code === 'UND_ERR_HEADERS_OVERFLOW' || outcome.code === 'HPE_HEADER_OVERFLOW') return `the response headers never ended (more than 16 KiB)`;
      if (SPECIFIC_CODES.has(outcome.code)) return outcome.message;
      return `network error ${outcome.code}: ${outcome.message}`;
    case 'timeout':
      if (outcome.phase === 'headers') return `no complete headers within ${outcome.afterMs} ms (the whole-request deadline)`;
      if (outcome.phase === 'body') return `the body was still arriving after ${outcome.afterMs} ms (${outcome.receivedBytes ?? 0} bytes so far; the whole-request deadline)`;
      return `no answer within ${outcome.afterMs} ms`;
    case 'too-large':
      if (outcome.contentEncoding) return `page larger than ${KIB(outcome.limitBytes)} KiB once decompressed (${outcome.contentEncoding}): stopped inflating at the cap`;
      return `page larger than ${KIB(outcome.limitBytes)} KiB`;
    case 'browser-unavailable':
      return outcome.message;
  }
}

export const isGoneStatus = (status: number) => status === 404 || status === 410;

