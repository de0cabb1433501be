import { setMaxListeners } from 'node:events';
import { constants } from 'node:os';
import { writeLine } from '../shared/io.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
export type Interruption = (typeof SIGNALS)[number];

/** The shell's convention: 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM). */
export const exitCodeFor = (signal: Interruption): number => 128 + constants.signals[signal];

/**
 * Runs a command that SIGTERM and SIGINT interrupt cleanly: the first signal
 * aborts it, so it ends through its own `finally` (run lock released, browser
 * closed); a second one exits at once, and the lock's exit hook still removes
 * the lock.
 */
export async function interruptible<T>(
  run: (signal: AbortSignal) => Promise<T>,
  // Read when a signal comes: Node builds process.stderr on first read, and a check that prints nothing never needs it.
  io: { readonly stderr: NodeJS.WritableStream },
): Promise<{ value: T; interrupted: Interruption | null }> {
  const controller = new AbortController();
  // Every request in flight listens to the run's signal (up to one per host fetched at once): many, not a leak.
  setMaxListeners(0, controller.signal);
  let interrupted: Interruption | null = null;
  const listeners = SIGNALS.map((name) => {
    const listener = () => {
      if (interrupted) process.exit(exitCodeFor(name));
      interrupted = name;
      writeLine(io.stderr, `aes-watch: ${name} received: stopping this check (send it again to stop at once)`);
      controller.abort(new Error(`interrupted by ${name}`));
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  try {
    return { value: await run(controller.signal), interrupted };
  } finally {
    for (const [name, listener] of listeners) process.off(name, listener);
  }
}
