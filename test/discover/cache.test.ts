import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import { silentLogger } from '../../src/shared/log.js';
import { workspace, type Workspace } from '../check/fixture-run.js';
import { PATHS, cmsPage, orneSection, sitePages, startCmsSite, type CmsSite } from '../support/current-cms.js';
import { recordingClock, type RecordingClock } from '../support/fake-clock.js';

/**
 * The nightly run must not walk every site every night: a search's result is
 * kept in the snapshot store and reused while the site's sitemap reads the
 * same, for up to 7 days; when the site changed, only what changed is read.
 */
const DAY = 24 * 3600 * 1000;
let site: CmsSite;
let ws: Workspace;
let request: CheckRequest;
let clock: RecordingClock;

beforeAll(async () => {
  site = await startCmsSite('127.0.61.30');
  ws = await workspace();
  await ws.writeGuide([orneSection(site.url(PATHS.old404))]);
  request = await checkRequestFromConfig(ws.dir, {
    guides: [ws.guide],
    snapshotsDir: ws.snapshots,
    reportsDir: ws.reports,
    perHostDelayMs: 0,
    retries: 0,
    timeoutMs: 2000,
    forcedFetch: 'http',
  });
  clock = recordingClock(new Date('2025-03-10T01:23:00Z'));
});
afterAll(() => site.close());

async function nightlyRun() {
  site.served.length = 0;
  const sink = new PassThrough().resume();
  const result = await runCheck(request, { stdout: sink, stderr: sink, cwd: ws.dir, env: {} }, undefined, { clock, log: silentLogger });
  // What discovery asked for: everything but the check's own fetch of the cited page.
  const asked = site.served.filter((s) => s.path !== PATHS.old404);
  return { entry: result.report!.entries[0]!, asked, fetched: asked.filter((s) => s.status === 200).map((s) => s.path) };
}

describe('the discovery cache', () => {
  it('searches on the first run and keeps the result beside the snapshots', async () => {
    const { entry, fetched } = await nightlyRun();
    expect(entry.successors[0]?.url).toBe(site.url(PATHS.aes));
    expect(fetched).toEqual(expect.arrayContaining(['/robots.txt', '/sitemap.xml', PATHS.aes]));
    const cache = JSON.parse(await readFile(join(ws.snapshots, entry.id, 'discovery.json'), 'utf8'));
    expect(cache.discovery.successors[0].url).toBe(site.url(PATHS.aes));
  });

  it('the next night, with nothing changed, only asks "changed?" and reuses the result', async () => {
    await clock.sleep(DAY);
    const { entry, asked, fetched } = await nightlyRun();
    expect(fetched).toEqual([]);
    expect(asked).toEqual([
      { path: '/robots.txt', status: 304 },
      { path: '/sitemap.xml', status: 304 },
    ]);
    expect(entry.successors[0]?.url).toBe(site.url(PATHS.aes));
  });

  it('when the prefecture edits its AES page, reads only the sitemap and that page again', async () => {
    await clock.sleep(DAY);
    const edited = sitePages({ aesUpdated: '20/03/2025', aesExtra: '<p>Les demandes incomplètes sont irrecevables.</p>' })[PATHS.aes]!;
    site.edit(PATHS.aes, edited, '2025-03-20');
    const { entry, fetched } = await nightlyRun();
    expect(fetched.sort()).toEqual([PATHS.aes, '/sitemap.xml'].sort());
    expect(entry.successors[0]).toMatchObject({ url: site.url(PATHS.aes), pageUpdated: '2025-03-20' });
  });

  it('when the home page changes and there is no sitemap, walks again but reads only changed pages', async () => {
    // Covered by the sitemap case for pages; the home page is the anchor of sitemap-less sites.
    const bare = await startCmsSite('127.0.61.31', { sitemap: 'none' });
    try {
      const other = await workspace();
      await other.writeGuide([orneSection(bare.url(PATHS.old404))]);
      const req = await checkRequestFromConfig(other.dir, { guides: [other.guide], snapshotsDir: other.snapshots, reportsDir: other.reports, perHostDelayMs: 0, retries: 0, forcedFetch: 'http' });
      const sink = new PassThrough().resume();
      const run = () => runCheck(req, { stdout: sink, stderr: sink, cwd: other.dir, env: {} }, undefined, { clock, log: silentLogger });
      await run();
      bare.served.length = 0;
      await run();
      expect(bare.served.filter((s) => s.status === 200).map((s) => s.path)).toEqual([]);

      bare.put(PATHS.home, cmsPage({ title: 'Accueil', body: `<p>Nouveau :</p><ul><li><a href="${PATHS.aes}">Admission exceptionnelle au séjour</a></li></ul>` }));
      bare.served.length = 0;
      const third = await run();
      expect(bare.served.filter((s) => s.status === 200).map((s) => s.path)).toEqual([PATHS.home]);
      expect(third.report!.entries[0]!.successors[0]?.url).toBe(bare.url(PATHS.aes));
    } finally {
      await bare.close();
    }
  });

  it('searches afresh after 7 days, whatever the site says', async () => {
    await clock.sleep(8 * DAY);
    const { entry, fetched } = await nightlyRun();
    expect(fetched).toEqual(expect.arrayContaining(['/robots.txt', '/sitemap.xml', PATHS.aes]));
    expect(entry.successors[0]?.url).toBe(site.url(PATHS.aes));
  });
});
