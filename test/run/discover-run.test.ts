import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscover, type DiscoverSeams } from '../../src/run/discover.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import { acquireRunLock, lockPathFor } from '../../src/schedule/lock.js';
import type { Clock } from '../../src/shared/clock.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { createLogger, silentLogger } from '../../src/shared/log.js';
import { sourceKey } from '../../src/sources/source.js';
import { recordingClock } from '../support/fake-clock.js';
import { PATHS, orneSection, startCmsSite, type CmsSite } from '../support/current-cms.js';
import { guideDocument } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/**
 * `aes-watch discover` (runDiscover) on the run's footing: its clock, its
 * lock and --wait, its User-Agent, its warnings and its log, over a local
 * prefecture whose cited page is gone.
 */
let site: CmsSite;
beforeAll(async () => {
  site = await startCmsSite('127.0.62.20');
});
afterAll(() => site.close());

const MARCH_10 = new Date('2025-03-10T09:00:00Z');

async function folder() {
  const dir = await tempFolder('aes-run-discover-run-');
  await writeFile(join(dir, 'guide.txt'), guideDocument('Normandie', [orneSection(site.url(PATHS.old404))]));
  return {
    dir,
    snapshots: join(dir, 'snapshots'),
    async discover(overrides: Partial<CheckRequest> = {}, seams: DiscoverSeams = { clock: recordingClock(MARCH_10, false), log: silentLogger }, env: NodeJS.ProcessEnv = {}) {
      const request = await checkRequestFromConfig(dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', perHostDelayMs: 0, retries: 0, timeoutMs: 2000, ...overrides });
      let stderr = '';
      const err = new PassThrough();
      err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const result = await runDiscover(request, { stdout: new PassThrough().resume(), stderr: err, cwd: dir, env }, undefined, seams);
      await new Promise((resolve) => setImmediate(resolve));
      return { ...result, stderr };
    },
  };
}

/** A logger that keeps its JSON lines. */
function keptLog(level = 'info') {
  const lines: string[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  return { log: createLogger({ level, pretty: false, destination }), messages: () => lines.map((line) => JSON.parse(line).msg as string) };
}

describe('aes-watch discover on the run’s footing', () => {
  it('reuses a search for 7 days of the run’s clock, then searches again', async () => {
    const f = await folder();
    const first = await f.discover();
    expect(first.entries[0]!.fromCache).toBe(false);
    expect(first.entries[0]!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
    const sixDays = await f.discover({}, { clock: recordingClock(new Date('2025-03-16T09:00:00Z'), false), log: silentLogger });
    expect(sixDays.entries[0]!.fromCache).toBe(true);
    const eightDays = await f.discover({}, { clock: recordingClock(new Date('2025-03-18T09:00:00Z'), false), log: silentLogger });
    expect(eightDays.entries[0]!.fromCache).toBe(false);
    expect(eightDays.entries[0]!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
  });

  it('with --wait, waits for the run holding the snapshots, then searches', async () => {
    const f = await folder();
    await mkdir(f.snapshots);
    const held = await acquireRunLock(lockPathFor(f.snapshots), { wait: false, command: 'aes-watch check' });
    if (held.kind !== 'acquired') throw new Error('lock not taken');
    // The other run ends while this one waits its first turn.
    const waits: number[] = [];
    const clock: Clock = {
      now: () => MARCH_10,
      sleep: async (ms) => {
        waits.push(ms);
        await held.release();
      },
    };
    const result = await f.discover({ wait: true }, { clock, log: silentLogger });
    expect(result.exitCode).toBe(EXIT.ok);
    expect(waits).toHaveLength(1);
    expect(result.entries[0]!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
  });

  it('sends the configured User-Agent with every request, the cited page’s included', async () => {
    const f = await folder();
    const before = site.requests.length;
    await f.discover({ userAgent: 'aes-watch-test/1.0 (+mailto:veille@example.org)' });
    const agents = site.requests.slice(before).map((r) => r.headers['user-agent']);
    expect(site.requests.slice(before).map((r) => r.path)).toContain(PATHS.old404);
    expect(new Set(agents)).toEqual(new Set(['aes-watch-test/1.0 (+mailto:veille@example.org)']));
  });

  it('warns in its log when it sets a corrupt discovery cache aside', async () => {
    const f = await folder();
    await mkdir(join(f.snapshots, '61-orne'), { recursive: true });
    await writeFile(join(f.snapshots, '61-orne', 'discovery.json'), '{ not json');
    const { log, messages } = keptLog('warn');
    const result = await f.discover({}, { clock: recordingClock(MARCH_10, false), log });
    expect(result.entries[0]!.fromCache).toBe(false);
    expect(messages()).toEqual([`discovery cache of 61-orne was corrupt; moved aside to ${join(f.snapshots, '61-orne', 'discovery.json.corrupt-2025-03-10T09-00-00-000Z')}`]);
  });

  it('sets a damaged reviewed snapshot aside under the run’s date, and still searches', async () => {
    const f = await folder();
    const source = join(f.snapshots, '61-orne', sourceKey(site.url(PATHS.old404)));
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'baseline.json'), '{ not json');
    const result = await f.discover();
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.entries[0]!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
    expect(await readdir(source)).toEqual(['baseline.json.damaged-2025-03-10T09-00-00-000Z']);
  });

  it('without a log seam, logs JSON lines to stderr at the level AES_WATCH_LOG asks (info by default)', async () => {
    const f = await folder();
    const logged = (stderr: string) => stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line).msg);
    const info = await f.discover({}, { clock: recordingClock(MARCH_10, false) }, {});
    expect(logged(info.stderr)).toContain('discovery: searched');
    const quiet = await f.discover({}, { clock: recordingClock(new Date('2025-04-10T09:00:00Z'), false) }, { AES_WATCH_LOG: 'warn' });
    expect(quiet.entries[0]!.fromCache).toBe(false);
    expect(quiet.stderr).toBe('');
  });
});
