import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsFor } from '../../src/report/labels.js';
import { renderDiscoveredText } from '../../src/run/discover-text.js';
import { runDiscover, type DiscoveredEntry } from '../../src/run/discover.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import { acquireRunLock, lockPathFor } from '../../src/schedule/lock.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { silentLogger } from '../../src/shared/log.js';
import { recordingClock } from '../support/fake-clock.js';
import { PATHS, orneSection, startCmsSite, type CmsSite } from '../support/current-cms.js';
import { guideDocument, type GuideSectionSpec } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/**
 * `aes-watch discover` as the run stage does it (runDiscover), over a local
 * prefecture site on the current CMS: the entries it answers, and how it
 * refuses a bad guide, an unknown name or a held lock.
 */
let site: CmsSite;
beforeAll(async () => {
  site = await startCmsSite('127.0.0.69');
});
afterAll(() => site.close());

async function folder(sections: GuideSectionSpec[] = [orneSection(site.url(PATHS.old301)), { ...orneSection(site.url(PATHS.aes)), code: '72', departmentPhrase: 'de la Sarthe' }]) {
  const dir = await tempFolder('aes-run-discover-');
  await writeFile(join(dir, 'guide.txt'), guideDocument('Normandie', sections));
  return dir;
}

async function discover(dir: string, overrides: Partial<CheckRequest> = {}) {
  const request = await checkRequestFromConfig(dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', perHostDelayMs: 0, retries: 0, timeoutMs: 2000, ...overrides });
  let stderr = '';
  const err = new PassThrough();
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = await runDiscover(request, { stdout: new PassThrough().resume(), stderr: err, cwd: dir, env: {} }, undefined, { clock: recordingClock(), log: silentLogger });
  await new Promise((resolve) => setImmediate(resolve));
  return { ...result, stderr };
}

describe('discover', () => {
  it('answers each named entry with its cited pages and the likely new page, within the page budget', async () => {
    const dir = await folder();
    const result = await discover(dir, { only: ['61'], discovery: { enabled: false, maxPages: 12, maxSeconds: 60 } });
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.stderr).toBe('');
    expect(result.entries).toHaveLength(1);
    const [entry] = result.entries;
    expect(entry).toMatchObject({ id: '61-orne', department: { code: '61', name: 'Orne' }, citedUrls: [site.url(PATHS.old301)], successorsReason: null, fromCache: false });
    expect(entry!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
    // The cited page's own fetch counts against the budget.
    expect(entry!.pagesFetched).toBeGreaterThan(1);
    expect(entry!.pagesFetched).toBeLessThanOrEqual(12);
    const again = await discover(dir, { only: ['61'], discovery: { enabled: false, maxPages: 12, maxSeconds: 60 } });
    expect(again.entries[0]).toMatchObject({ id: '61-orne', fromCache: true });
  });

  it('never proposes a cited page that still answers as itself', async () => {
    const dir = await folder();
    const result = await discover(dir, { only: ['72-sarthe'] });
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.entries.map((e) => e.id)).toEqual(['72-sarthe']);
    expect(result.entries[0]!.successors.map((s) => s.url)).not.toContain(site.url(PATHS.aes));
  });

  it('answers every entry of the guide without a name', async () => {
    const dir = await folder();
    const result = await discover(dir);
    expect(result.entries.map((e) => e.id)).toEqual(['61-orne', '72-sarthe']);
  });

  it('refuses a guide with any problem, naming it: exit 2, nothing searched', async () => {
    const dir = await folder([orneSection(site.url(PATHS.old301)), { ...orneSection(site.url(PATHS.aes)), code: '72', departmentPhrase: 'de la Sarthe', updated: '31/02/2023' }]);
    const before = site.served.length;
    const result = await discover(dir);
    expect(result).toMatchObject({ exitCode: EXIT.usage, entries: [] });
    expect(result.stderr).toMatch(/guide\.txt/);
    expect(site.served.length).toBe(before);
  });

  it('refuses a name the guide lacks: exit 2', async () => {
    const dir = await folder();
    const result = await discover(dir, { only: ['99', '14-calvados'] });
    expect(result).toMatchObject({ exitCode: EXIT.usage, entries: [] });
    expect(result.stderr).toBe('aes-watch: discover: no guide entry matches "99", "14-calvados"\n');
  });

  it('waits for no one: another run holding the snapshots is exit 4, naming it', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'snapshots'));
    const held = await acquireRunLock(lockPathFor(join(dir, 'snapshots')), { wait: false, command: 'aes-watch check' });
    if (held.kind !== 'acquired') throw new Error('lock not taken');
    try {
      const result = await discover(dir, { only: ['61'] });
      expect(result).toMatchObject({ exitCode: EXIT.locked, entries: [] });
      expect(result.stderr).toBe(`aes-watch: another run (pid ${process.pid}, "aes-watch check") is writing snapshots; try again later\n`);
    } finally {
      await held.release();
    }
    // Its own lock is released at the end: two runs in a row both work.
    expect((await discover(dir, { only: ['61'] })).exitCode).toBe(EXIT.ok);
    expect((await discover(dir, { only: ['61'] })).exitCode).toBe(EXIT.ok);
  });
});

describe('discover in words', () => {
  const entry = (o: Partial<DiscoveredEntry>): DiscoveredEntry => ({
    id: '61-orne',
    department: { code: '61', name: 'Orne' },
    citedUrls: ['https://www.orne.gouv.fr/aes'],
    successors: [],
    successorsReason: null,
    pagesFetched: 7,
    fromCache: false,
    ...o,
  });
  const successor = { url: 'https://www.orne.gouv.fr/Demarches/AES', title: 'Admission exceptionnelle au séjour', pageUpdated: '2025-02-03', score: 0.82, via: 'sitemap' as const, matchedFacts: [], matchedWords: [], closeness: 0.5, pagesVisited: 5 };

  it('gives one block per entry: what it cost, each likely new page with its evidence, or why there is none', () => {
    const l = labelsFor('en');
    const text = renderDiscoveredText(
      [
        entry({ successors: [successor, { ...successor, url: 'https://www.orne.gouv.fr/x', title: null }] }),
        entry({ id: '72-sarthe', department: { code: '72', name: 'Sarthe' }, fromCache: true, successorsReason: { code: 'no-sitemap-no-links', detail: 'nothing to walk' } as never }),
        entry({ id: '50-manche', department: { code: '50', name: 'Manche' } }),
      ],
      l,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(`61-orne (Orne)${l.colon}${l.successor.cost(7, false)}`);
    expect(lines[1]).toBe(`  ${l.successor.likelyNewPage} Admission exceptionnelle au séjour`);
    expect(lines[2]).toBe('    https://www.orne.gouv.fr/Demarches/AES');
    expect(lines[3]).toMatch(/^ {4}\S.* ; .*/);
    expect(lines[4]).toBe(`  ${l.successor.likelyNewPage} ${l.successor.untitled}`);
    expect(lines[5]).toBe('    https://www.orne.gouv.fr/x');
    expect(lines[7]).toBe(`72-sarthe (Sarthe)${l.colon}${l.successor.cost(7, true)}`);
    expect(lines[8]).toMatch(/^ {2}\S.*\(nothing to walk\)$/);
    expect(lines[9]).toBe(`50-manche (Manche)${l.colon}${l.successor.cost(7, false)}`);
    expect(lines).toHaveLength(11);
    expect(text.endsWith('\n')).toBe(true);
  });
});
