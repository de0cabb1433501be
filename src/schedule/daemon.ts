import type { Logger } from '../shared/log.js';
import type { Scheduler } from './scheduler.js';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/** Where shutdown signals come from: `process` in production, an EventEmitter in tests. */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

/**
 * Starts the scheduler and resolves once a SIGTERM/SIGINT has stopped it: the
 * cron task is stopped, the run in progress is aborted and has settled. Our
 * listeners replace Node's default "exit at once" so the abort can finish;
 * snapshot writes are atomic, so an aborted run leaves nothing half-written.
 */
export async function runUntilSignalled(scheduler: Scheduler, options: { log: Logger; signals?: SignalSource }): Promise<ShutdownSignal> {
  const signals = options.signals ?? process;
  let received: ShutdownSignal | null = null;
  const listeners = new Map<ShutdownSignal, () => void>();
  const stopped = new Promise<ShutdownSignal>((resolve) => {
    for (const name of SHUTDOWN_SIGNALS) {
      const listener = () => {
        if (received) {
          options.log.warn({ event: 'signal', signal: name }, 'already shutting down: waiting for the current check to settle (SIGKILL forces it)');
          return;
        }
        received = name;
        options.log.info({ event: 'signal', signal: name }, `${name} received: shutting down`);
        void scheduler.stop(name).then(() => resolve(name));
      };
      listeners.set(name, listener);
      signals.on(name, listener);
    }
  });
  try {
    scheduler.start();
    return await stopped;
  } finally {
    for (const [name, listener] of listeners) signals.off(name, listener);
  }
}
