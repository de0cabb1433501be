import type { Clock } from '../../src/shared/clock.js';

/**
 * A clock whose sleeps resolve at once and are recorded, for checking backoff
 * and politeness delays without waiting. With `advance`, `now()` moves forward
 * by each sleep; without it, time stands still.
 */
export interface RecordingClock extends Clock {
  sleeps: number[];
}

export function recordingClock(start = new Date('2025-03-10T09:00:00Z'), advance = true): RecordingClock {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      if (advance) now += ms;
    },
  };
}

/** A clock the test drives: sleeps resolve only when `advance` passes their deadline. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Sleeps still waiting, as durations requested. */
  pending(): number[];
  sleeps: number[];
}

export function manualClock(start = new Date('2025-03-10T09:00:00Z')): ManualClock {
  let now = start.getTime();
  const sleeps: number[] = [];
  const waiting: { until: number; ms: number; resolve: () => void }[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        sleeps.push(ms);
        const sleeper = { until: now + ms, ms, resolve };
        waiting.push(sleeper);
        signal?.addEventListener('abort', () => {
          const index = waiting.indexOf(sleeper);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal.reason);
        });
      }),
    advance(ms) {
      now += ms;
      for (const sleeper of [...waiting]) {
        if (sleeper.until <= now) {
          waiting.splice(waiting.indexOf(sleeper), 1);
          sleeper.resolve();
        }
      }
    },
    pending: () => waiting.map((s) => s.ms),
  };
}

/** Lets queued promise callbacks run (not a timed sleep). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
