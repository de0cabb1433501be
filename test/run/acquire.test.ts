import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquire } from '../../src/run/acquire.js';
import { checkEntry, type EntryDeps } from '../../src/run/check-entry.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * How a page is fetched, by the entry's mode: `http`, `browser`, or `auto`
 * (plain HTTP first, the browser only when HTTP cannot see the procedure).
 * The browser here is the check's browser seam, rendering what the local site sends.
 */
const MAIN = '/Demarches/Sejour/AES';
const page = () => dsfrPage({ updated: '14/01/2023', body: postalProcedure() });
const empty = '<!DOCTYPE html><html><head><title>Chargement</title></head><body><div id="app"></div></body></html>';

let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.64');
});
afterAll(() => site.close());
beforeEach(() => {
  site.set(MAIN, { body: page() });
});

const scene = (mode: 'http' | 'browser' | 'auto', url = site.url(MAIN), waitFor?: string) => runScene(site, calvadosSection(url), { mode, waitFor });
const check = (s: RunScene) => checkEntry(s.entry, s.sources, s.deps());
const hasFile = (path: string) => access(path).then(() => true, () => false);
const httpGets = () => site.requests.filter((r) => r.path === MAIN).length;

describe('browser mode', () => {
  it('asks only the browser, waits for the configured selector, and keeps its screenshot', async () => {
    const s = await scene('browser', site.url(MAIN), '#contenu');
    const report = await check(s);
    expect(report.status).toBe('ok');
    expect(s.browserAsked).toEqual([`${site.url(MAIN)} (waits for #contenu)`]);
    expect(report.sources[0]!.fetchedWith).toBe('browser');
    expect(await hasFile(join(s.dir, s.entry.id, s.sources[0]!.key, 'current.png'))).toBe(true);
  });
});

describe('http mode', () => {
  it.each([
    ['a bot-blocking 403', { status: 403, body: 'refusé' }, 'fetch-failed'],
    ['a page with nothing to read', { body: empty }, 'extraction-failed'],
  ])('never starts the browser, even for %s', async (_name, route, code) => {
    site.set(MAIN, route);
    const s = await scene('http');
    const report = await check(s);
    expect(s.browserAsked).toEqual([]);
    expect(report.reasons.map((r) => r.code)).toEqual([code]);
    expect(report.sources[0]!.fetchedWith).toBe('http');
  });
});

describe('auto mode', () => {
  it('reads a page HTTP can see over HTTP, with no browser', async () => {
    const s = await scene('auto');
    const report = await check(s);
    expect(report.status).toBe('ok');
    expect(s.browserAsked).toEqual([]);
    expect(report.sources[0]!.fetchedWith).toBe('http');
    expect(await hasFile(join(s.dir, s.entry.id, s.sources[0]!.key, 'current.png'))).toBe(false);
  });

  it.each([403, 406])('asks the browser after a bot-blocking %i, and reads what it renders', async (status) => {
    let served = 0;
    site.set(MAIN, (_req, res) => {
      served += 1;
      // The site blocks the plain client, not the browser.
      if (served === 1) res.writeHead(status).end('refusé');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    });
    const s = await scene('auto');
    const report = await check(s);
    expect(s.browserAsked).toEqual([site.url(MAIN)]);
    expect(report.status).toBe('ok');
    expect(report.sources[0]).toMatchObject({ fetchedWith: 'browser', httpStatus: 200 });
  });

  it.each([
    ['404', 404],
    ['500', 500],
  ])('does not ask the browser after a %s', async (_name, status) => {
    site.set(MAIN, { status, body: 'non' });
    const s = await scene('auto');
    const report = await check(s);
    expect(s.browserAsked).toEqual([]);
    expect(report.sources[0]).toMatchObject({ fetchedWith: 'http', httpStatus: status });
  });

  it('asks the browser for a page with nothing to read over HTTP', async () => {
    let served = 0;
    site.set(MAIN, (_req, res) => {
      served += 1;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(served === 1 ? empty : page());
    });
    const s = await scene('auto');
    const report = await check(s);
    expect(s.browserAsked).toEqual([site.url(MAIN)]);
    expect(report.status).toBe('ok');
    expect(report.sources[0]!.fetchedWith).toBe('browser');
  });

  it('asks the browser for a page whose procedure is under a #! client route, though HTTP reads text there', async () => {
    const url = `${site.url(MAIN)}#!/aes`;
    const s = await scene('auto', url);
    expect(s.sources[0]!.clientRoute).toBe('#!/aes');
    const report = await check(s);
    expect(s.browserAsked).toEqual([url]);
    expect(report.sources[0]!.fetchedWith).toBe('browser');
  });

  it('asks the browser when a link sends to a home page that blocks the plain client', async () => {
    site.set(MAIN, { status: 302, headers: { location: '/' } });
    site.set('/', { status: 403, body: 'refusé' });
    const s = await scene('auto');
    await check(s);
    expect(s.browserAsked).toEqual([site.url(MAIN)]);
    site.set('/', { body: empty });
  });

  it('does not start a browser once the run is stopped', async () => {
    site.set(MAIN, { status: 403, body: 'refusé' });
    const s = await scene('auto');
    const stop = new AbortController();
    const deps = s.deps();
    // The stop comes while the blocked page arrives.
    const http = { fetch: async (request: Parameters<typeof deps.http.fetch>[0]) => deps.http.fetch(request).finally(() => stop.abort()) };
    const report = await checkEntry(s.entry, s.sources, { ...deps, http, signal: stop.signal });
    expect(s.browserAsked).toEqual([]);
    expect(report.sources[0]).toMatchObject({ fetchedWith: 'http', httpStatus: 403 });
  });

  it('does not start a browser for a link that sends to the home page', async () => {
    site.set(MAIN, { status: 302, headers: { location: '/' } });
    site.set('/', { body: empty });
    const s = await scene('auto');
    const before = httpGets();
    const report = await check(s);
    expect(httpGets() - before).toBe(1);
    expect(s.browserAsked).toEqual([]);
    expect(report.reasons.map((r) => r.code)).toEqual(['source-gone']);
  });
});

/**
 * The scene's deps with a `readAfter` that settles on `requested()`; `answered` settles once the
 * page is in and every callback of it has run.
 */
function gated(s: RunScene) {
  let requested = () => {};
  const readAfter = new Promise<void>((resolve) => (requested = resolve));
  let fetched = () => {};
  const fetchedOnce = new Promise<void>((resolve) => (fetched = resolve));
  const deps = s.deps({ readAfter });
  const http = { fetch: async (request: Parameters<typeof deps.http.fetch>[0]) => deps.http.fetch(request).finally(fetched) };
  const answered = fetchedOnce.then(async () => {
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  });
  return { deps: { ...deps, http }, answered, requested: () => requested() };
}

describe('reading waits for the run', () => {
  it('a fetched page is read only once every entry has made its request (readAfter)', async () => {
    const s = await scene('http');
    // A first check loads the reading code, so that only the gate can hold the second one back.
    await check(s);
    site.set(MAIN, { body: dsfrPage({ updated: '15/01/2023', body: postalProcedure() }) });
    const run = gated(s);
    let read = false;
    const reading = acquire(s.sources[0]!, null, run.deps, null).then((acquired) => ((read = true), acquired));
    await run.answered;
    expect(read).toBe(false);
    run.requested();
    const { outcome, extraction } = await reading;
    expect(outcome).toMatchObject({ kind: 'fetched', status: 200 });
    expect(extraction).toMatchObject({ kind: 'extracted', pageUpdated: '2023-01-15' });
  });
});

describe('the reviewed baseline waits for the run', () => {
  it('is read once every entry has made its request; the current snapshot before, for its validators', async () => {
    const s = await scene('http');
    await check(s);
    const run = gated(s);
    const slotsRead: string[] = [];
    const store: EntryDeps['store'] = { ...run.deps.store, readText: (...args) => (slotsRead.push(args[2]), run.deps.store.readText(...args)) };
    const checking = checkEntry(s.entry, s.sources, { ...run.deps, store });
    await run.answered;
    expect(slotsRead).toEqual(['current']);
    run.requested();
    const report = await checking;
    expect(slotsRead).toEqual(['current', 'baseline']);
    expect(report.status).toBe('ok');
  });
});
