import pLimit from 'p-limit';
import type { Clock } from '../shared/clock.js';

export interface PoliteSchedulerOptions {
  /** Minimum pause between the end of one request and the start of the next on the same host. */
  perHostDelayMs: number;
  /** Requests in flight across all hosts (one per host). Default 50. */
  concurrency?: number;
  clock: Clock;
}

export interface PoliteScheduler {
  /** Runs `task` when `url`'s host is free and rested, within the global concurrency cap. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** Keeps `host` (a hostname, or a URL) idle for `ms` from now, e.g. after a 429/503 Retry-After. */
  deferHost(host: string, ms: number): void;
}

interface HostState {
  /** Settles when the host's last queued task has finished. */
  tail: Promise<void>;
  /** Epoch ms before which no new task may start on this host. */
  notBefore: number;
}

/** The politeness key: the hostname, so one server on several ports is still one server. */
export function hostKey(urlOrHost: string): string {
  try {
    return new URL(urlOrHost).hostname.toLowerCase();
  } catch {
    return urlOrHost.toLowerCase();
  }
}

/**
 * One request at a time per host, with a rest between them (government sites
 * ask for it); different hosts run side by side up to the global cap.
 */
export function createPoliteScheduler(options: PoliteSchedulerOptions): PoliteScheduler {
  const { clock, perHostDelayMs } = options;
  const limit = pLimit(options.concurrency ?? 50);
  const hosts = new Map<string, HostState>();

  function stateOf(key: string): HostState {
    let state = hosts.get(key);
    if (!state) {
      state = { tail: Promise.resolve(), notBefore: 0 };
      hosts.set(key, state);
    }
    return state;
  }

  async function waitForTurn(state: HostState): Promise<void> {
    for (;;) {
      const target = state.notBefore;
      const wait = target - clock.now().getTime();
      if (wait <= 0) return;
      await clock.sleep(wait);
      // Sleep again only if deferHost pushed the host back meanwhile.
      if (state.notBefore <= target) return;
    }
  }

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const state = stateOf(hostKey(url));
      const result = state.tail.then(async () => {
        await waitForTurn(state);
        try {
          return await limit(task);
        } finally {
          state.notBefore = Math.max(state.notBefore, clock.now().getTime() + perHostDelayMs);
        }
      });
      state.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    deferHost(host: string, ms: number): void {
      const state = stateOf(hostKey(host));
      state.notBefore = Math.max(state.notBefore, clock.now().getTime() + ms);
    },
  };
}
