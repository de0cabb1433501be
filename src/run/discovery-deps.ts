import type { DiscoverDeps } from '../discover/index.js';
import type { PoliteScheduler } from '../fetch/host-queue.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { CheckRequest } from './request.js';

/** Discovery settings of a run, on the run's own scheduler, User-Agent and time limits. */
export function discoveryDepsFor(
  request: Pick<CheckRequest, 'userAgent' | 'timeoutMs' | 'maxBodyBytes' | 'discovery'>,
  scheduler: PoliteScheduler,
  snapshotsDir: string,
  run: { clock: Clock; log: Logger; warn: (message: string) => void; signal?: AbortSignal },
): DiscoverDeps {
  return {
    client: {
      scheduler,
      userAgent: request.userAgent,
      timeoutMs: request.timeoutMs,
      maxBodyBytes: request.maxBodyBytes,
      clock: run.clock,
      signal: run.signal,
      maxSearchMs: request.discovery.maxSeconds * 1000,
    },
    maxPages: request.discovery.maxPages,
    snapshotsDir,
    clock: run.clock,
    log: run.log,
    warn: run.warn,
  };
}
