import { hostKey } from '../fetch/host-queue.js';
import type { FetchOutcome } from '../fetch/outcome.js';

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
      return `network error ${outcome.code}: ${outcome.message}`;
    case 'timeout':
      return `no answer within ${outcome.afterMs} ms`;
    case 'too-large':
      return `page larger than ${Math.round(outcome.limitBytes / 1024)} KiB`;
    case 'browser-unavailable':
      return outcome.message;
  }
}

export const isGoneStatus = (status: number) => status === 404 || status === 410;

