import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ABORTED_CODE, INVALID_URL_CODE } from '../../src/fetch/http.js';
import { flushPromises, manualClock } from '../support/fake-clock.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { makeFetcher } from './make-fetcher.js';

let s: FixtureSite | null = null;
afterEach(async () => {
  // closeAllConnections() inside close() also ends the sockets a silent route left open.
  await s?.close();
  s = null;
});

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('HTTP fetcher: failures are values', () => {
  it('times out on a server that never answers, retrying once', async () => {
    s = await startSite({ '/silent': () => undefined });
    const { fetcher, clock } = makeFetcher({ timeoutMs: 150, retries: 1 });
    const outcome = await fetcher.fetch({ url: s.url('/silent') });
    expect(outcome).toEqual({ kind: 'timeout', url: s.url('/silent'), afterMs: 150, fetchedWith: 'http', phase: 'headers', receivedBytes: 0 });
    expect(s.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('times out when the body stalls after the headers', async () => {
    s = await startSite({ '/stall': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).write('<html><body>') });
    const { fetcher } = makeFetcher({ timeoutMs: 150, retries: 0 });
    expect(await fetcher.fetch({ url: s.url('/stall') })).toMatchObject({ kind: 'timeout', afterMs: 150, phase: 'body', receivedBytes: 12 });
  });

  it('refuses a body whose Content-Length exceeds the cap', async () => {
    s = await startSite({ '/big.pdf': { body: Buffer.alloc(20_000, 0x41) } });
    const { fetcher, clock } = makeFetcher({ maxBodyBytes: 10_000 });
    const outcome = await fetcher.fetch({ url: s.url('/big.pdf') });
    expect(outcome).toEqual({ kind: 'too-large', url: s.url('/big.pdf'), limitBytes: 10_000, fetchedWith: 'http', contentEncoding: null });
    expect(clock.sleeps).toEqual([]);
  });

  it('stops reading an endless chunked body at the cap', async () => {
    let written = 0;
    s = await startSite({
      '/endless': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024, 0x61);
        // Keeps writing until the client hangs up (or a generous 50 MB safety limit).
        const pump = () => {
          while (!res.destroyed && written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
    });
    const { fetcher } = makeFetcher({ maxBodyBytes: 4096, retries: 0 });
    const outcome = await fetcher.fetch({ url: s.url('/endless') });
    expect(outcome).toMatchObject({ kind: 'too-large', limitBytes: 4096 });
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('maps a refused connection to network-error ECONNREFUSED after backing off', async () => {
    const port = await closedPort();
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: `http://127.0.0.1:${port}/Demarches/AES` });
    expect(outcome).toMatchObject({ kind: 'network-error', code: 'ECONNREFUSED', url: `http://127.0.0.1:${port}/Demarches/AES` });
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('does not retry a name the resolver says does not exist', async () => {
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: 'http://prefecture.aes-watch-test.invalid/Demarches/AES' });
    expect(outcome).toMatchObject({ kind: 'network-error' });
    // EAI_AGAIN (resolver unavailable) is worth retrying; ENOTFOUND is final.
    if (outcome.kind === 'network-error') expect(clock.sleeps).toEqual(outcome.code === 'ENOTFOUND' ? [] : [1000, 2000]);
  });

  it('rejects a malformed cited URL with a message naming it', async () => {
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: 'www.manche.gouv.fr/AES' });
    expect(outcome).toMatchObject({ kind: 'network-error', code: INVALID_URL_CODE, url: 'www.manche.gouv.fr/AES' });
    if (outcome.kind === 'network-error') expect(outcome.message).toContain('www.manche.gouv.fr/AES');
  });

  it('stops when the caller aborts while waiting for the answer', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    s = await startSite({ '/silent': () => received() });
    const { fetcher } = makeFetcher({ timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = fetcher.fetch({ url: s.url('/silent'), signal: controller.signal });
    await arrived;
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'network-error', code: ABORTED_CODE });
    expect(s.requests).toHaveLength(1);
  });

  it('stops when the caller aborts during a backoff wait', async () => {
    s = await startSite({ '/busy': { status: 503 } });
    const clock = manualClock();
    const { fetcher } = makeFetcher({ clock });
    const controller = new AbortController();
    const pending = fetcher.fetch({ url: s.url('/busy'), signal: controller.signal });
    for (let i = 0; i < 100 && clock.pending().length === 0; i++) await flushPromises();
    expect(clock.pending()).toEqual([1000]);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'network-error', code: ABORTED_CODE });
    expect(s.requests).toHaveLength(1);
  });

  it('does not start when the signal is already aborted', async () => {
    s = await startSite({ '/page': { body: 'x' } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/page'), signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ kind: 'network-error', code: ABORTED_CODE });
    expect(s.requests).toHaveLength(0);
  });
});
