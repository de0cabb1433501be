import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFileName } from '../../src/notify/drafts-reporter.js';
import { calvados, workspace } from '../check/fixture-run.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { snapshotTree } from './store-tree.js';

/**
 * Issue #10 A: an identical night leaves snapshots/ byte-identical, so the
 * nightly workflow has nothing to commit, however the page was fetched.
 */
let site: FixtureSite;
let down: FixtureSite;
let nonce = 0;
let honours304 = true;
const ETAG = '"v1"';

beforeAll(async () => {
  site = await startSite({}, '127.0.10.1');
  down = await startSite({}, '127.0.10.2');
  // Same procedure every night; the noise (nonce, year, cookie id) differs on every 200.
  site.set('/aes', (req, res) => {
    if (honours304 && req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    nonce += 1;
    const noise = { nonce: `n-${nonce}`, year: 2025 + (nonce % 2), cookieId: `ck-${nonce}`, shareQuery: `utm_source=${nonce}` };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: nonce === 1 ? ETAG : `"v${nonce}"` });
    res.end(dsfrPage({ updated: '14/01/2023', body: postalProcedure(), noise }));
  });
  down.set('/aes', { status: 503, body: 'maintenance' });
});
afterAll(async () => {
  await site.close();
  await down.close();
});

describe('an identical night changes no snapshot byte', () => {
  it('whether the page answers 200, 304, over the browser or 200 with new noise; a site that stays down stops changing at the threshold', async () => {
    const ws = await workspace();
    await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ unreachableAfter: 2 }));
    const manche = { ...calvados(down.url('/aes'), postalGuideText()), code: '50', departmentPhrase: 'de la Manche' };
    await ws.writeGuide([calvados(site.url('/aes'), postalGuideText()), manche]);
    const night = async (...extra: string[]) => {
      const { report } = await ws.check(...extra);
      return { report, tree: await snapshotTree(ws.snapshots) };
    };

    const unreachableDraft = join(ws.reports, 'issues', draftFileName('50-manche', 'unreachable'));
    const first = await night();
    expect(existsSync(unreachableDraft)).toBe(false);
    expect(first.report.entries.map((e) => [e.id, e.status, e.consecutiveFailures])).toEqual([['14-calvados', 'ok', 0], ['50-manche', 'unreachable', 1]]);
    // Night 2: the site answers 304; Manche reaches the threshold, which is the last change it may make.
    const second = await night();
    expect(second.report.entries[0]!.sources[0]!.httpStatus).toBe(304);
    expect(second.report.entries[1]!.consecutiveFailures).toBe(2);
    expect(existsSync(unreachableDraft)).toBe(true);
    const changed = Object.keys(second.tree).filter((path) => second.tree[path] !== first.tree[path]);
    expect(changed).toEqual(['50-manche/state.json']);

    // Nights 3–5: over the browser, 200 again with fresh noise and validators, and a plain rerun.
    const third = await night('--fetch', 'browser');
    expect(third.report.entries[0]!.sources[0]).toMatchObject({ fetchedWith: 'browser', outcome: 'fetched' });
    honours304 = false;
    const fourth = await night('--fetch', 'http');
    expect(fourth.report.entries[0]!.sources[0]).toMatchObject({ fetchedWith: 'http', outcome: 'fetched', httpStatus: 200 });
    const fifth = await night();
    for (const later of [third, fourth, fifth]) {
      expect(later.report.entries.map((e) => [e.id, e.status, e.consecutiveFailures])).toEqual([['14-calvados', 'ok', 0], ['50-manche', 'unreachable', 2]]);
      expect(later.tree).toEqual(second.tree);
    }
    expect(nonce).toBeGreaterThanOrEqual(2);

    // Recovery is a change again: the count goes back to 0.
    down.set('/aes', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    const recovered = await night();
    expect(recovered.report.entries[1]).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
    expect(recovered.tree['50-manche/state.json']).not.toBe(second.tree['50-manche/state.json']);
  });
});
