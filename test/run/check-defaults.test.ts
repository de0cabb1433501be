import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUIDE_READER } from '../../src/guide/cache.js';
import { runCheck, type CheckSeams } from '../../src/run/check.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import type { RunReport } from '../../src/report/schema.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import type { CliIO } from '../../src/shared/io.js';
import { createLogger } from '../../src/shared/log.js';
import { recordingClock } from '../support/fake-clock.js';
import { dsfrPage, guideDocument, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';
import { calvadosSection } from './scene.js';

/**
 * A whole check (runCheck) in-process with what production uses when no seam
 * is given: the Chromium found (or not) from the environment, and a log made
 * for the terminal or for a machine. Also the run's drafting warnings.
 */
const CALVADOS = '/calvados/aes';
const page = (email?: string) => dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email }) });

let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.66');
});
afterAll(() => site.close());
beforeEach(() => site.set(CALVADOS, { body: page() }));

interface Run {
  code: number;
  report: RunReport | null;
  stderr: string;
  log: string;
}

async function folder() {
  const dir = await tempFolder('aes-run-check-defaults-');
  const guide = join(dir, 'guide.txt');
  await writeFile(guide, guideDocument('Normandie', [calvadosSection(site.url(CALVADOS))]));
  const request = (overrides: Partial<CheckRequest>) =>
    checkRequestFromConfig(dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', reportsDir: 'reports', perHostDelayMs: 0, retries: 0, timeoutMs: 2000, discovery: { enabled: false, maxPages: 5, maxSeconds: 10 }, ...overrides });
  return {
    dir,
    guide,
    /** A run whose stderr is `stderr` (a stream of the test's by default), with the seams given. */
    async check(overrides: Partial<CheckRequest> = {}, seams: CheckSeams = {}, env: NodeJS.ProcessEnv = {}, stderr?: NodeJS.WritableStream): Promise<Run> {
      const out = { stderr: '', log: '' };
      const capture = (key: keyof typeof out) => {
        const stream = new PassThrough();
        stream.on('data', (chunk: Buffer) => (out[key] += chunk.toString()));
        return stream;
      };
      const log = createLogger({ level: 'warn', destination: capture('log'), pretty: false });
      const io: CliIO = { stdout: new PassThrough(), stderr: stderr ?? capture('stderr'), cwd: dir, env };
      const result = await runCheck(await request(overrides), io, undefined, { clock: recordingClock(new Date('2025-03-10T09:00:00Z'), false), log, ...seams });
      await new Promise((resolve) => setImmediate(resolve));
      return { code: result.exitCode, report: result.report, ...out };
    },
  };
}

describe('a browser page without a browser seam', () => {
  it('asks for the Chromium the environment names; when it is missing the entry is unreachable, saying which, and the run goes on', async () => {
    const f = await folder();
    const run = await f.check({ forcedFetch: 'browser' }, {}, { AES_WATCH_CHROMIUM: '/nonexistent/chromium' });
    expect(run.code).toBe(EXIT.ok);
    const entry = run.report!.entries[0]!;
    expect(entry.status).toBe('unreachable');
    expect(entry.sources[0]).toMatchObject({ outcome: 'browser-unavailable', fetchedWith: 'browser' });
    expect(entry.reasons.map((reason) => reason.detail).join(' ')).toContain('AES_WATCH_CHROMIUM=/nonexistent/chromium is not an executable file');
    expect(run.log).toContain('browser unavailable');
    expect(run.log).not.toContain('closing the browser failed');
  });
});

describe('the log without a log seam', () => {
  // The run's only info line here: the first answer is a 503, retried once.
  const retried = () => {
    let served = 0;
    site.set(CALVADOS, (_req, res) => {
      served += 1;
      if (served === 1) res.writeHead(503).end('maintenance');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    });
  };
  const jsonMessages = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
  let written = '';
  beforeEach(() => {
    written = '';
    // The terminal is a TTY here; what reaches process.stderr through its stream is recorded.
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((written += chunk.toString()), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (process.stderr as { isTTY?: boolean }).isTTY;
  });

  it('is JSON lines on a stream that is not the process’s stderr, even when that stderr is a terminal', async () => {
    const f = await folder();
    retried();
    const run = await f.check({ retries: 1 }, { log: undefined });
    expect(run.code).toBe(EXIT.ok);
    expect(jsonMessages(run.stderr)).toContain('fetch: retrying');
  });

  it('is JSON lines on the process’s stderr when CI is set, terminal or not', async () => {
    const f = await folder();
    retried();
    const run = await f.check({ retries: 1 }, { log: undefined }, { CI: 'true' }, process.stderr);
    expect(run.code).toBe(EXIT.ok);
    expect(jsonMessages(written)).toContain('fetch: retrying');
  });

  it('is for a person at a terminal (pino-pretty, not JSON) on the process’s stderr outside CI', async () => {
    const f = await folder();
    retried();
    const run = await f.check({ retries: 1 }, { log: undefined }, {}, process.stderr);
    expect(run.code).toBe(EXIT.ok);
    // The summary line went through the stream; the log went to the pretty printer, not as JSON.
    expect(written).toContain('1 entries: 0 stale, 0 unreachable, 1 ok.');
    expect(jsonMessages(written)).toEqual([]);
  });
});

describe('the guide cache', () => {
  it('run from source, with no guide reader fingerprint, is off: nothing of it lands in the snapshots folder', async () => {
    // Only the bundled CLI has a fingerprint; a cache under no fingerprint could serve a parse by older reader code.
    expect(GUIDE_READER).toBeNull();
    const f = await folder();
    expect((await f.check()).code).toBe(EXIT.ok);
    expect((await f.check()).code).toBe(EXIT.ok);
    expect((await readdir(join(f.dir, 'snapshots'))).sort()).toEqual(['.aes-watch-folder', '14-calvados']);
  });
});

describe('drafting for a stale entry', () => {
  it('a guide that cannot be read again: no draft, a warning in the log naming the entry, and the run still reports', async () => {
    const f = await folder();
    await f.check();
    // The editor moves the guide away while the run reads the changed page.
    site.set(CALVADOS, (_req, res) => {
      void rm(f.guide).then(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('autre@testville.gouv.fr')));
    });
    const run = await f.check();
    expect(run.code).toBe(EXIT.ok);
    const entry = run.report!.entries[0]!;
    expect(entry.status).toBe('stale');
    expect(entry.proposal).toBeUndefined();
    expect(run.log).toContain('no draft for 14-calvados');
    expect(run.log).toContain('ENOENT');
  });
});
