import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../src/fetch/http.js';
import { createPoliteScheduler } from '../../src/fetch/host-queue.js';
import { withPoliteness } from '../../src/fetch/polite-fetcher.js';
import { recordingClock } from '../support/fake-clock.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, TEST_USER_AGENT } from './make-fetcher.js';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.close()));
});

function politeFetcher(perHostDelayMs: number) {
  // Frozen time: every politeness rest is a full perHostDelayMs sleep, recorded.
  const clock = recordingClock(undefined, false);
  const fetcher = createHttpFetcher({ userAgent: TEST_USER_AGENT, timeoutMs: 5_000, maxBodyBytes: 1 << 20, retries: 0, clock });
  const scheduler = createPoliteScheduler({ perHostDelayMs, concurrency: 16, clock });
  return { clock, fetcher: withPoliteness(fetcher, scheduler) };
}

describe('HTTP fetcher behind the polite scheduler', () => {
  it('never overlaps requests to one host, spaces them, and overlaps hosts', async () => {
    const hosts = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
    const inFlight = new Map<string, number>();
    const maxInFlight = new Map<string, number>();
    let globalInFlight = 0;
    let globalMax = 0;
    // The first request on each host is held until every host has one in flight:
    // if hosts were not served side by side this would never release.
    const held: (() => void)[] = [];
    let barrierPassed = false;
    const serve = (host: string) => (_req: unknown, res: ServerResponse) => {
      const now = (inFlight.get(host) ?? 0) + 1;
      inFlight.set(host, now);
      maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
      globalMax = Math.max(globalMax, ++globalInFlight);
      res.on('finish', () => {
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
        globalInFlight -= 1;
      });
      const answer = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(dsfrPage(host));
      if (!barrierPassed && globalInFlight < hosts.length) held.push(answer);
      else {
        barrierPassed = true;
        held.splice(0).forEach((release) => release());
        answer();
      }
    };
    for (const host of hosts) {
      const s = await startSite({}, host);
      for (const page of ['/p1', '/p2', '/p3']) s.set(page, serve(host));
      sites.push(s);
    }
    const { fetcher, clock } = politeFetcher(250);

    const urls = ['/p1', '/p2', '/p3'].flatMap((page) => sites.map((s) => s.url(page)));
    const outcomes = await Promise.all(urls.map((url) => fetcher.fetch({ url })));

    expect(outcomes.map((o) => o.kind)).toEqual(Array(9).fill('fetched'));
    for (const s of sites) expect(s.requests.map((r) => r.path)).toEqual(['/p1', '/p2', '/p3']);
    expect([...maxInFlight.values()]).toEqual([1, 1, 1]);
    expect(globalMax).toBe(3);
    // Two rests per host between its three requests.
    expect(clock.sleeps).toEqual(Array(6).fill(250));
  }, 10_000);

  it('keeps a host idle for its Retry-After when it still refuses', async () => {
    let calls = 0;
    const s = await startSite({}, '127.0.0.5');
    sites.push(s);
    s.set('/Demarches/AES', (_req, res) => {
      if (calls++ === 0) res.writeHead(429, { 'retry-after': '120' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end(dsfrPage('AES'));
    });
    const { fetcher, clock } = politeFetcher(0);

    expect(await fetcher.fetch({ url: s.url('/Demarches/AES') })).toMatchObject({ kind: 'http-error', status: 429, retryAfterSeconds: 120 });
    expect(await fetcher.fetch({ url: s.url('/Demarches/AES') })).toMatchObject({ kind: 'fetched' });
    expect(clock.sleeps).toEqual([120_000]);
  });
});
