import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchPage } from './fixtures.js';

/**
 * Child process of the check benchmarks: N loopback "prefectures", each page
 * answered after a fixed latency, with ETags so a rerun can be answered by 304s.
 * Kept out of the measured process so its memory does not count.
 */
const hosts = Number(process.argv[2] ?? 50);
const pagesPerHost = Number(process.argv[3] ?? 4);
const latencyMs = Number(process.argv[4] ?? 50);
/**
 * `firstAt`: epoch ms (sub-ms precision) of the first request since the last reset, to time a process's start-up.
 * `maxPerHost`: the most requests one host had in flight at once (politeness says 1).
 */
const stats = { ok: 0, notModified: 0, firstAt: 0, maxPerHost: 0 };
const servers: Server[] = [];

for (let h = 0; h < hosts; h += 1) {
  let inFlight = 0;
  const server = createServer((req, res) => {
    if (stats.firstAt === 0) stats.firstAt = performance.timeOrigin + performance.now();
    inFlight += 1;
    stats.maxPerHost = Math.max(stats.maxPerHost, inFlight);
    res.on('close', () => (inFlight -= 1));
    const match = /^\/page-(\d+)$/.exec(req.url ?? '');
    setTimeout(() => {
      if (!match) return void res.writeHead(404).end();
      const etag = `"p${h}-${match[1]}"`;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified += 1;
        return void res.writeHead(304, { etag }).end();
      }
      stats.ok += 1;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(benchPage(Number(match[1])));
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, `127.0.1.${h + 1}`, resolve));
  servers.push(server);
}

process.send?.({ ready: servers.map((s) => `http://${(s.address() as AddressInfo).address}:${(s.address() as AddressInfo).port}`), pagesPerHost });
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: { ...stats } });
  if (message === 'reset') Object.assign(stats, { ok: 0, notModified: 0, firstAt: 0, maxPerHost: 0 });
  if (message === 'exit') {
    for (const server of servers) server.closeAllConnections(), server.close();
    process.exit(0);
  }
});
