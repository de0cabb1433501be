import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFetcher } from './make-fetcher.js';

/**
 * A prefecture server that closes idle kept-alive connections: what a client
 * sees when it reuses one just as the server drops it. The server here answers
 * the first request of each connection and drops the connection at the second,
 * the race's outcome made certain.
 */
async function droppingServer(): Promise<{ server: Server; url: string; connections: () => number }> {
  const served = new WeakMap<Socket, number>();
  let connections = 0;
  const server = createServer((req, res) => {
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    if (count > 1) return void req.socket.resetAndDestroy();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><h1>Page ${req.url}</h1></body></html>`);
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.14.2', resolve));
  const { address, port } = server.address() as AddressInfo;
  return { server, url: `http://${address}:${port}`, connections: () => connections };
}

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

describe('HTTP fetcher: kept-alive connections', () => {
  it('sends a request again on a new connection when the reused one was closed, without spending a retry', async () => {
    const site = await droppingServer();
    server = site.server;
    const { fetcher, clock } = makeFetcher({ retries: 0 });
    const first = await fetcher.fetch({ url: `${site.url}/a` });
    const second = await fetcher.fetch({ url: `${site.url}/b` });
    expect(first).toMatchObject({ kind: 'fetched', status: 200 });
    expect(second).toMatchObject({ kind: 'fetched', status: 200 });
    expect(second.kind === 'fetched' && second.html).toContain('Page /b');
    // The second request reused the first connection, lost it, and went again on a second one.
    expect(site.connections()).toBe(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('sends again only once: a server that drops every reused connection still fails the fetch', async () => {
    const site = await droppingServer();
    server = site.server;
    const { fetcher } = makeFetcher({ retries: 0 });
    // Two connections in the pool, each having served one request: both fail when reused.
    const [a, b] = await Promise.all([fetcher.fetch({ url: `${site.url}/a` }), fetcher.fetch({ url: `${site.url}/b` })]);
    expect([a.kind, b.kind]).toEqual(['fetched', 'fetched']);
    const third = await fetcher.fetch({ url: `${site.url}/c` });
    expect(third).toMatchObject({ kind: 'network-error' });
    expect(site.connections()).toBe(2);
  });
});
