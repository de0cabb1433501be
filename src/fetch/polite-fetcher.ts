import type { Fetcher } from './outcome.js';
import { hostKey, type PoliteScheduler } from './host-queue.js';

/**
 * Routes every fetch through the polite scheduler, and when a host still
 * answers 429/503 with Retry-After after the fetcher's own retries, keeps that
 * host idle for as long as it asked.
 */
export function withPoliteness(fetcher: Fetcher, scheduler: PoliteScheduler): Fetcher {
  const polite: Fetcher = {
    fetch: (request) =>
      scheduler.run(request.url, async () => {
        const outcome = await fetcher.fetch(request);
        if (outcome.kind === 'http-error' && outcome.retryAfterSeconds !== null) {
          scheduler.deferHost(hostKey(outcome.finalUrl), outcome.retryAfterSeconds * 1000);
        }
        return outcome;
      }),
  };
  if (fetcher.close) polite.close = () => fetcher.close!();
  return polite;
}
