import { describe, expect, it } from 'vitest';
import { startInTurns } from '../../src/run/start-in-turns.js';

describe('starting entries in turns', () => {
  it('starts every item, a few per event-loop turn, so earlier work can reach the network first', async () => {
    const log: string[] = [];
    // An I/O-like callback queued before starting: it must run after the first turn, not after all items.
    setImmediate(() => log.push('event loop'));
    const started = await startInTurns([1, 2, 3, 4, 5], async (n) => (log.push(`start ${n}`), n * 10), 2);
    expect(await Promise.all(started)).toEqual([10, 20, 30, 40, 50]);
    expect(log).toEqual(['start 1', 'start 2', 'event loop', 'start 3', 'start 4', 'start 5']);
  });

  it('leaves a failure started early for the caller, without an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const started = await startInTurns([1, 2, 3], (n) => (n === 1 ? Promise.reject(new Error('page 1 failed')) : Promise.resolve(n)), 1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(Promise.all(started)).rejects.toThrow('page 1 failed');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
