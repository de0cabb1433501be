import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInTurns } from '../../src/run/start-in-turns.js';
import { tempFolder } from '../support/temp.js';

describe('starting entries in turns', () => {
  it('starts every item, a few per event-loop turn, so earlier work can reach the network first', async () => {
    const log: string[] = [];
    // An I/O-like callback queued before starting: it must run after the first turn, not after all items.
    setImmediate(() => log.push('event loop'));
    const started = await startInTurns([1, 2, 3, 4, 5], async (n) => (log.push(`start ${n}`), n * 10), 2);
    expect(await Promise.all(started)).toEqual([10, 20, 30, 40, 50]);
    expect(log).toEqual(['start 1', 'start 2', 'event loop', 'start 3', 'start 4', 'start 5']);
  });

  // A request is written when the loop polls and sees its socket connected: that poll must come before the next entry's work.
  it('lets the loop poll for I/O between two items, so what one item made ready is handled before the next starts', async () => {
    // A Unix socket: what one end writes is in the other's queue when the write returns, so the next poll sees it.
    const path = join(await tempFolder('aes-turns-'), 'pair.sock');
    const server = createServer().listen(path);
    await once(server, 'listening');
    const client = connect(path);
    const [[peer]] = await Promise.all([once(server, 'connection') as Promise<[Socket]>, once(client, 'connect')]);
    const log: string[] = [];
    peer.on('data', (bytes: Buffer) => log.push(`polled ${bytes.toString()}`));
    try {
      await startInTurns(['1', '2', '3'], async (n) => {
        log.push(`start ${n}`);
        client.write(n);
      });
      while (log.length < 6) await new Promise((resolve) => setImmediate(resolve));
      expect(log).toEqual(['start 1', 'polled 1', 'start 2', 'polled 2', 'start 3', 'polled 3']);
    } finally {
      client.destroy();
      peer.destroy();
      server.close();
    }
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
