import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, makeFetcher } from './make-fetcher.js';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.close()));
});

/** A page that answers with `statuses` in turn, then 200. */
async function flakySite(statuses: { status: number; headers?: Record<string, string> }[]): Promise<FixtureSite> {
  const s = await startSite();
  sites.push(s);
  let calls = 0;
  s.set('/Demarches/AES', (_req, res: ServerResponse) => {
    const next = statuses[calls++];
    if (next) {
      res.writeHead(next.status, { 'content-type': 'text/html', ...next.headers }).end('<h1>Service indisponible</h1>');
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(dsfrPage('Admission exceptionnelle'));
    }
  });
  return s;
}

describe('HTTP fetcher: retries and backoff', () => {
  it('retries a 503 and succeeds, waiting the first backoff step', async () => {
    const s = await flakySite([{ status: 503 }]);
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome).toMatchObject({ kind: 'fetched', status: 200 });
    expect(s.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('backs off exponentially and reports the last 5xx when retries run out', async () => {
    const s = await flakySite([{ status: 502 }, { status: 500 }, { status: 504 }, { status: 503 }]);
    const { fetcher, clock } = makeFetcher({ retries: 3 });
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome).toMatchObject({ kind: 'http-error', status: 503, retryAfterSeconds: null });
    expect(s.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const s = await flakySite([{ status: 429, headers: { 'retry-after': '7' } }]);
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome.kind).toBe('fetched');
    expect(clock.sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    // The recording clock starts at 2025-03-10T09:00:00Z.
    const s = await flakySite([{ status: 503, headers: { 'retry-after': 'Mon, 10 Mar 2025 09:00:30 GMT' } }]);
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome.kind).toBe('fetched');
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('does not wait for a Retry-After beyond the cap and reports it', async () => {
    const s = await flakySite([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome).toMatchObject({ kind: 'http-error', status: 429, retryAfterSeconds: 3600 });
    expect(s.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([404, 410, 403])('does not retry %i', async (status) => {
    const s = await flakySite([{ status }]);
    const { fetcher, clock } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome).toMatchObject({ kind: 'http-error', status, redirects: [], finalUrl: s.url('/Demarches/AES') });
    expect(s.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('reports a 404 reached through a redirect with its chain', async () => {
    const s = await startSite({ '/old-a9349.html': { status: 301, headers: { location: '/Demarches/disparue' } } });
    sites.push(s);
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/old-a9349.html') });
    expect(outcome).toMatchObject({
      kind: 'http-error',
      status: 404,
      redirects: [{ url: s.url('/old-a9349.html'), status: 301 }],
      finalUrl: s.url('/Demarches/disparue'),
    });
  });

  it('makes a single attempt with retries: 0', async () => {
    const s = await flakySite([{ status: 503 }]);
    const { fetcher, clock } = makeFetcher({ retries: 0 });
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(outcome).toMatchObject({ kind: 'http-error', status: 503 });
    expect(clock.sleeps).toEqual([]);
  });
});
