import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fetcher } from '../../src/fetch/outcome.js';
import { RunReport } from '../../src/report/schema.js';
import { runCheck, type CheckSeams } from '../../src/run/check.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import { acquireRunLock, lockPathFor } from '../../src/schedule/lock.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { createLogger } from '../../src/shared/log.js';
import { nodeStoreFs, type StoreFs } from '../../src/snapshot/staging.js';
import { snapshotTree } from '../faults/store-tree.js';
import { recordingClock } from '../support/fake-clock.js';
import { dsfrPage, guideDocument, postalProcedure, type GuideSectionSpec } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';
import { calvadosSection } from './scene.js';

/**
 * A whole check (runCheck) in-process over a local site: exit codes, the
 * lines on stderr, the JSON on stdout, the report files, and the snapshots
 * that land (or not) with them.
 */
const CALVADOS = '/calvados/aes';
const MANCHE = '/manche/aes';
const page = (email?: string) => dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email }) });
const manche = (url: string): GuideSectionSpec => ({ ...calvadosSection(url), code: '50', departmentPhrase: 'de la Manche' });

let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.65');
});
afterAll(() => site.close());
beforeEach(() => {
  site.set(CALVADOS, { body: page() });
  site.set(MANCHE, { body: page() });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  log: string;
  report: RunReport | null;
  durationMs: number;
  summary: { ok: number; stale: number; unreachable: number };
}

interface Folder {
  dir: string;
  guide: string;
  snapshots: string;
  reports: string;
  check(overrides?: Partial<CheckRequest>, seams?: CheckSeams, signal?: AbortSignal, env?: NodeJS.ProcessEnv): Promise<Run>;
}

async function folder(sections: GuideSectionSpec[] = [calvadosSection(site.url(CALVADOS)), manche(site.url(MANCHE))]): Promise<Folder> {
  const dir = await tempFolder('aes-run-check-');
  const guide = join(dir, 'guide.txt');
  await writeFile(guide, guideDocument('Normandie', sections));
  const f: Folder = {
    dir,
    guide,
    snapshots: join(dir, 'snapshots'),
    reports: join(dir, 'reports'),
    async check(overrides = {}, seams = {}, signal, env = {}) {
      const request = await checkRequestFromConfig(dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', reportsDir: 'reports', perHostDelayMs: 0, retries: 0, timeoutMs: 2000, json: true, discovery: { enabled: false, maxPages: 5, maxSeconds: 10 }, ...overrides });
      const out = { stdout: '', stderr: '', log: '' };
      const capture = (key: keyof typeof out) => {
        const stream = new PassThrough();
        stream.on('data', (chunk: Buffer) => (out[key] += chunk.toString()));
        return stream;
      };
      const log = createLogger({ level: 'warn', destination: capture('log'), pretty: false });
      const result = await runCheck(request, { stdout: capture('stdout'), stderr: capture('stderr'), cwd: dir, env }, signal, { clock: recordingClock(new Date('2025-03-10T09:00:00Z'), false), log, ...seams });
      await new Promise((resolve) => setImmediate(resolve));
      return { code: result.exitCode, ...out, report: result.report, durationMs: result.durationMs, summary: result.summary };
    },
  };
  return f;
}

const exists = (path: string) => access(path).then(() => true, () => false);
const latest = async (f: Folder) => RunReport.parse(JSON.parse(await readFile(join(f.reports, 'latest.json'), 'utf8')));

describe('a check that completes', () => {
  it('exits 0, prints the JSON report and the summary, writes the reports and the snapshots', async () => {
    const f = await folder();
    const run = await f.check();
    expect(run.code).toBe(EXIT.ok);
    expect(run.summary).toEqual({ ok: 2, stale: 0, unreachable: 0 });
    expect(run.durationMs).toBe(0);
    const report = run.report!;
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(report).toMatchObject({ tool: { name: 'aes-watch' }, startedAt: '2025-03-10T09:00:00.000Z', finishedAt: '2025-03-10T09:00:00.000Z', guides: ['guide.txt'], summary: { ok: 2, stale: 0, unreachable: 0 }, warnings: [] });
    expect(report.entries.map((e) => [e.id, e.status])).toEqual([
      ['14-calvados', 'ok'],
      ['50-manche', 'ok'],
    ]);
    expect(run.stderr).toContain('2 entries: 0 stale, 0 unreachable, 2 ok. Reports: reports/latest.md, reports/latest.html, reports/latest.json');
    expect((await latest(f)).entries).toHaveLength(2);
    expect(await exists(join(f.snapshots, '14-calvados', 'state.json'))).toBe(true);
    expect(await exists(join(f.snapshots, '.aes-watch.lock'))).toBe(false);
  });

  it('prints no JSON without --json', async () => {
    const f = await folder();
    const run = await f.check({ json: false });
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('2 entries: 0 stale, 0 unreachable, 2 ok.');
  });

  it('counts each verdict, and exits 1 only when --fail-on names one that occurred', async () => {
    const f = await folder();
    await f.check();
    site.set(CALVADOS, { body: page('autre@testville.gouv.fr') });
    site.set(MANCHE, { status: 503, body: 'maintenance' });
    const run = await f.check({ failOn: ['ok'] });
    expect(run.summary).toEqual({ ok: 0, stale: 1, unreachable: 1 });
    expect(run.code).toBe(EXIT.ok);
    expect((await f.check({ failOn: ['stale'] })).code).toBe(EXIT.failOn);
    expect((await f.check({ failOn: ['unreachable'] })).code).toBe(EXIT.failOn);
  });

  it('drafts the guide section for a stale entry, and none for an ok one', async () => {
    const f = await folder();
    await f.check();
    site.set(CALVADOS, { body: page('autre@testville.gouv.fr') });
    const run = await f.check();
    const [calvados, mancheEntry] = run.report!.entries;
    expect(calvados!.status).toBe('stale');
    expect(calvados!.proposal).toBeDefined();
    expect(JSON.stringify(calvados!.proposal)).toContain('autre@testville.gouv.fr');
    expect(mancheEntry!.proposal).toBeUndefined();
  });

  it('--only checks the named entries, and keeps the others in latest.json', async () => {
    const f = await folder();
    await f.check();
    site.set(CALVADOS, { body: page('autre@testville.gouv.fr') });
    site.set(MANCHE, { body: page('autre@testville.gouv.fr') });
    const run = await f.check({ only: ['14'] });
    expect(run.report!.entries.map((e) => [e.id, e.status])).toEqual([['14-calvados', 'stale']]);
    expect((await latest(f)).entries.map((e) => [e.id, e.status])).toEqual([
      ['14-calvados', 'stale'],
      ['50-manche', 'ok'],
    ]);
  });

  it('drafts a section for every stale entry when all are stale', async () => {
    const f = await folder();
    await f.check();
    site.set(CALVADOS, { body: page('autre@testville.gouv.fr') });
    site.set(MANCHE, { body: page('autre@testville.gouv.fr') });
    const run = await f.check();
    expect(run.report!.entries.map((e) => [e.status, e.proposal !== undefined])).toEqual([
      ['stale', true],
      ['stale', true],
    ]);
  });

  it('a whole run rewrites latest.json: an entry the guide dropped leaves it', async () => {
    const f = await folder();
    await f.check();
    await writeFile(f.guide, guideDocument('Normandie', [calvadosSection(site.url(CALVADOS))]));
    await f.check();
    expect((await latest(f)).entries.map((e) => e.id)).toEqual(['14-calvados']);
  });

  it('GitHub issues that cannot be updated: exit 3, the reports and snapshots written all the same', async () => {
    const f = await folder();
    const run = await f.check({ issues: 'github' });
    expect(run.code).toBe(EXIT.notifyFailed);
    expect(run.report!.summary).toEqual({ ok: 2, stale: 0, unreachable: 0 });
    expect(run.log).toContain('GitHub issues not updated');
    expect((await latest(f)).entries).toHaveLength(2);
    expect(await exists(join(f.snapshots, '14-calvados', 'state.json'))).toBe(true);
    // --fail-on does not hide the failed notification.
    expect((await f.check({ issues: 'github', failOn: ['ok'] })).code).toBe(EXIT.notifyFailed);
  });

  it('logs to stderr at the level AES_WATCH_LOG asks, without a log seam', async () => {
    const f = await folder();
    let served = 0;
    site.set(MANCHE, (_req, res) => {
      served += 1;
      if (served % 2 === 1) res.writeHead(503).end('maintenance');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    });
    const warnOnly = await f.check({ retries: 1 }, { log: undefined }, undefined, { AES_WATCH_LOG: 'warn' });
    expect(warnOnly.code).toBe(EXIT.ok);
    expect(warnOnly.stderr).not.toContain('fetch: retrying');
    await writeFile(join(f.snapshots, '14-calvados', 'state.json'), '{');
    const warned = await f.check({ retries: 1 }, { log: undefined }, undefined, { AES_WATCH_LOG: 'warn' });
    const lines = warned.stderr.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([expect.stringMatching(/^14-calvados: state\.json is not valid/)]);
    // The default level is info: the retry is logged.
    const info = await f.check({ retries: 1 }, { log: undefined }, undefined, {});
    expect(info.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line).msg)).toContain('fetch: retrying');
  });

  it('puts the run’s warnings in the report and on stderr', async () => {
    const f = await folder();
    await f.check();
    await writeFile(join(f.snapshots, '14-calvados', 'state.json'), '{');
    const run = await f.check();
    expect(run.report!.warnings).toHaveLength(1);
    expect(run.report!.warnings[0]).toMatch(/^14-calvados: state\.json is not valid/);
    expect(run.stderr).toContain(`warning: ${run.report!.warnings[0]}`);
    expect(run.log).toContain('14-calvados: state.json is not valid');
  });
});

describe('a check that cannot start', () => {
  it('a missing guide file: exit 2, the problem on stderr, nothing checked or written', async () => {
    const f = await folder();
    const run = await f.check({ guides: ['nowhere.txt'] });
    expect(run.code).toBe(EXIT.usage);
    expect(run.report).toBeNull();
    expect(run.summary).toEqual({ ok: 0, stale: 0, unreachable: 0 });
    expect(run.stderr).toMatch(/nowhere\.txt.*no such file or directory/);
    expect(await exists(f.snapshots)).toBe(false);
    expect(await exists(f.reports)).toBe(false);
  });

  it('a bad section: the others are checked and reported, the section is named, exit 2', async () => {
    const f = await folder([calvadosSection(site.url(CALVADOS)), { ...manche(site.url(MANCHE)), updated: '31/02/2023' }]);
    const run = await f.check();
    expect(run.code).toBe(EXIT.usage);
    expect(run.report!.entries.map((e) => e.id)).toEqual(['14-calvados']);
    expect(run.report!.warnings).toHaveLength(1);
    expect(run.report!.warnings[0]).toMatch(/guide\.txt.*\(this section was not checked\)$/);
    expect(run.stderr.split('\n')[0]).toBe(run.report!.warnings[0]!.replace(' (this section was not checked)', ''));
    expect((await latest(f)).entries).toHaveLength(1);
  });

  it('--only with a name the guide lacks: exit 2, listing the valid ids', async () => {
    const f = await folder();
    const run = await f.check({ only: ['99', 'orne'] });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe(`aes-watch: --only: no guide entry matches "99", "orne"; the guide's entries are: 14-calvados, 50-manche (an id or its département code)\n`);
    expect(await exists(f.snapshots)).toBe(false);
  });

  it('a snapshots folder aes-watch did not make: exit 2, the folder named, nothing written', async () => {
    const f = await folder();
    await mkdir(f.snapshots);
    await writeFile(join(f.snapshots, 'thesis.odt'), 'mine');
    const run = await f.check();
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/^aes-watch: --snapshots: .+\n$/);
    expect(await exists(join(f.snapshots, '14-calvados'))).toBe(false);
    expect(await exists(join(f.reports, 'latest.json'))).toBe(false);
  });

  it('another run holds the lock: exit 4, naming it, nothing written', async () => {
    const f = await folder();
    await mkdir(f.snapshots);
    const held = await acquireRunLock(lockPathFor(f.snapshots), { wait: false, command: 'aes-watch schedule' });
    if (held.kind !== 'acquired') throw new Error('lock not taken');
    try {
      const run = await f.check();
      expect(run.code).toBe(EXIT.locked);
      expect(run.stderr).toMatch(new RegExp(`^aes-watch: another run \\(pid ${process.pid}, started \\S+, "aes-watch schedule"\\) is writing snapshots; try again later or pass --wait\\n$`));
      expect(await exists(join(f.snapshots, '14-calvados'))).toBe(false);
    } finally {
      await held.release();
    }
  });
});

describe('the run’s settings', () => {
  it('are the ones the request gives: User-Agent, body cap, retries, report language', async () => {
    const f = await folder();
    let mancheServed = 0;
    site.set(MANCHE, (_req, res) => {
      mancheServed += 1;
      if (mancheServed === 1) res.writeHead(503).end('maintenance');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    });
    site.set(CALVADOS, { body: page() + '<!--' + 'x'.repeat(4000) + '-->' });
    const before = site.requests.length;
    const run = await f.check({ userAgent: 'aes-watch-test/9', maxBodyBytes: 3000, retries: 1, lang: 'en' });
    expect(site.requests.slice(before).map((r) => r.headers['user-agent'])).toEqual(['aes-watch-test/9', 'aes-watch-test/9', 'aes-watch-test/9']);
    const [calvados, mancheEntry] = run.report!.entries;
    expect(calvados!.reasons).toEqual([{ code: 'fetch-failed', detail: 'page larger than 3 KiB', sourceUrl: site.url(CALVADOS) }]);
    expect(mancheEntry!.status).toBe('ok');
    expect(mancheServed).toBe(2);
    const markdown = await readFile(join(f.reports, 'latest.md'), 'utf8');
    expect(markdown).toContain('unreachable');
    expect(markdown).not.toContain('injoignable');
  });

  it('--only on a guide with no usable entry lists none', async () => {
    const f = await folder([{ ...calvadosSection(site.url(CALVADOS)), updated: '31/02/2023' }]);
    const run = await f.check({ only: ['14'] });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(`aes-watch: --only: no guide entry matches "14"; the guide's entries are: none (an id or its département code)\n`);
  });

  it('--wait says it is waiting for the other run, then runs once it is done', async () => {
    const f = await folder();
    await mkdir(f.snapshots);
    const held = await acquireRunLock(lockPathFor(f.snapshots), { wait: false, command: 'aes-watch check' });
    if (held.kind !== 'acquired') throw new Error('lock not taken');
    let released = false;
    // The other run ends while the check waits its first turn.
    const clock = {
      now: () => new Date('2025-03-10T09:00:00Z'),
      sleep: async () => {
        if (!released) await held.release();
        released = true;
      },
    };
    const run = await f.check({ wait: true }, { clock });
    expect(released).toBe(true);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr.split('\n')[0]).toBe(`aes-watch: another run (pid ${process.pid}) is writing snapshots; waiting for it to end (--wait)`);
  });
});

describe('a check that cannot write', () => {
  it('a full disk while committing: exit 5, one line, the snapshots as they were, the lock released', async () => {
    const f = await folder();
    await f.check();
    const before = await readFile(join(f.snapshots, '14-calvados', 'state.json'), 'utf8');
    site.set(CALVADOS, { status: 404, body: 'introuvable' });
    const full: StoreFs = {
      ...nodeStoreFs,
      async writeFile(path, data) {
        if (path.endsWith('state.json')) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: 'ENOSPC', path });
        return nodeStoreFs.writeFile(path, data);
      },
    };
    const run = await f.check({}, { fs: full });
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(run.report).toBeNull();
    expect(run.stderr).toMatch(/^aes-watch: cannot write .*state\.json: no space left on the device \(ENOSPC\); the snapshots were left as they were\n$/);
    expect(await readFile(join(f.snapshots, '14-calvados', 'state.json'), 'utf8')).toBe(before);
    expect(await exists(join(f.snapshots, '.aes-watch.lock'))).toBe(false);
  });

  it('a snapshots path that is a file: exit 5 naming it, nothing changed', async () => {
    const f = await folder();
    await writeFile(f.snapshots, 'not a folder');
    const run = await f.check();
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(run.stderr).toMatch(new RegExp(`^aes-watch: cannot write ${f.snapshots}\\S*: a file stands where a folder should be \\((ENOTDIR|EEXIST)\\); nothing was changed\\n$`));
    expect(await readFile(f.snapshots, 'utf8')).toBe('not a folder');
  });

  it('a full disk at the commit point: exit 5, the snapshots as they were', async () => {
    const f = await folder();
    await f.check();
    const before = await snapshotTree(f.snapshots);
    site.set(CALVADOS, { status: 404, body: 'introuvable' });
    const full: StoreFs = {
      ...nodeStoreFs,
      async writeFile(path, data) {
        if (path.endsWith('manifest.json')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path });
        return nodeStoreFs.writeFile(path, data);
      },
    };
    const run = await f.check({}, { fs: full });
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(run.stderr).toBe(`aes-watch: cannot write ${f.snapshots}: no space left on the device (ENOSPC); the snapshots were left as they were\n`);
    expect(await snapshotTree(f.snapshots)).toEqual(before);
    // Stopped, with the same full disk: the same line, the same exit. The stop
    // comes once Calvados's new state is staged, so the commit has something to write.
    const stop = new AbortController();
    const fullThenStopped: StoreFs = {
      ...full,
      async writeFile(path, data) {
        await full.writeFile(path, data);
        if (path.includes('14-calvados') && path.endsWith('state.json')) stop.abort();
      },
    };
    const stopped = await f.check({}, { fs: fullThenStopped }, stop.signal);
    expect(stop.signal.aborted).toBe(true);
    expect(stopped.code).toBe(EXIT.cannotWrite);
    expect(stopped.stderr).toBe(`aes-watch: cannot write ${f.snapshots}: no space left on the device (ENOSPC); the snapshots were left as they were\n`);
  });

  it('a half-done commit a killed run left that cannot be finished: exit 5, nothing checked', async () => {
    const f = await folder();
    await f.check();
    const commit = join(f.snapshots, '.aes-watch-commit-killed');
    await mkdir(join(commit, 'files', '14-calvados'), { recursive: true });
    await writeFile(join(commit, 'files', '14-calvados', 'state.json'), '{"consecutiveFailures": 0}\n');
    await writeFile(join(commit, 'manifest.json'), JSON.stringify({ moves: [], put: ['14-calvados/state.json'], remove: [] }));
    const full: StoreFs = { ...nodeStoreFs, rename: async (from) => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: from })) };
    const before = site.requests.length;
    const run = await f.check({}, { fs: full });
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(run.stderr).toMatch(/^aes-watch: cannot write \S+: no space left on the device \(ENOSPC\); the snapshots were left as they were\n$/);
    expect(site.requests.length).toBe(before);
  });

  it('a report folder that is a file: exit 5 naming the report, the snapshots as they were', async () => {
    const f = await folder();
    await f.check();
    const before = await readFile(join(f.snapshots, '14-calvados', 'state.json'), 'utf8');
    site.set(CALVADOS, { status: 404, body: 'introuvable' });
    await writeFile(join(f.dir, 'reports-file'), 'not a folder');
    const run = await f.check({ reportsDir: 'reports-file' });
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(run.stderr).toBe(`aes-watch: cannot write ${join(f.dir, 'reports-file', 'latest.json')}: a file stands where a folder should be (EEXIST); the snapshots were left as they were\n`);
    expect(await readFile(join(f.snapshots, '14-calvados', 'state.json'), 'utf8')).toBe(before);
  });
});

describe('an interrupted check', () => {
  it('exits 0 with no report, keeps what it observed, and says so in the log', async () => {
    const f = await folder();
    const stop = new AbortController();
    let served = 0;
    site.set(MANCHE, (_req, res) => {
      served += 1;
      stop.abort();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
    });
    const run = await f.check({}, {}, stop.signal);
    expect(served).toBe(1);
    expect(run.code).toBe(EXIT.ok);
    expect(run.report).toBeNull();
    expect(run.stdout).toBe('');
    expect(run.log).toContain('check aborted: no report written for this run');
    expect(await exists(join(f.reports, 'latest.json'))).toBe(false);
    expect(await exists(join(f.snapshots, '.aes-watch.lock'))).toBe(false);
  });
});

describe('the browser', () => {
  it('is made once for every browser page of the run, and closed at the end', async () => {
    const f = await folder();
    const events: string[] = [];
    const http = (await import('../../src/fetch/http.js')).createHttpFetcher({ userAgent: 'aes-watch-test', timeoutMs: 2000, maxBodyBytes: 1 << 21, retries: 0, clock: recordingClock() });
    const browser = (): Fetcher => {
      events.push('made');
      return {
        fetch: async (request) => {
          events.push(`fetch ${request.url}`);
          const outcome = await http.fetch(request);
          return outcome.kind === 'fetched' ? { ...outcome, fetchedWith: 'browser' } : outcome;
        },
        close: async () => void events.push('closed'),
      };
    };
    const run = await f.check({ forcedFetch: 'browser' }, { browser });
    expect(run.code).toBe(EXIT.ok);
    expect(run.report!.entries.flatMap((e) => e.sources.map((s) => s.fetchedWith))).toEqual(['browser', 'browser']);
    expect(events[0]).toBe('made');
    expect(events.filter((e) => e === 'made')).toHaveLength(1);
    expect(events.at(-1)).toBe('closed');
    expect(events).toHaveLength(4);
  });

  it('a browser with nothing to close, or whose close fails, does not fail the run', async () => {
    const f = await folder();
    const http = (await import('../../src/fetch/http.js')).createHttpFetcher({ userAgent: 'aes-watch-test', timeoutMs: 2000, maxBodyBytes: 1 << 21, retries: 0, clock: recordingClock() });
    const fetch = async (request: Parameters<Fetcher['fetch']>[0]) => {
      const outcome = await http.fetch(request);
      return outcome.kind === 'fetched' ? { ...outcome, fetchedWith: 'browser' as const } : outcome;
    };
    expect((await f.check({ forcedFetch: 'browser' }, { browser: () => ({ fetch }) })).code).toBe(EXIT.ok);
    const failing = await f.check({ forcedFetch: 'browser' }, { browser: () => ({ fetch, close: () => Promise.reject(new Error('already gone')) }) });
    expect(failing.code).toBe(EXIT.ok);
    expect(failing.log).toContain('closing the browser failed');
    expect(failing.log).toContain('already gone');
  });

  it('a browser that throws is a bug: the run rejects with it, and leaves the snapshots and the lock as they were', async () => {
    const f = await folder();
    await f.check();
    const before = await snapshotTree(f.snapshots);
    const crash = new Error('the browser crashed');
    await expect(f.check({ forcedFetch: 'browser' }, { browser: () => ({ fetch: () => Promise.reject(crash) }) })).rejects.toBe(crash);
    expect(await snapshotTree(f.snapshots)).toEqual(before);
    expect(await exists(join(f.snapshots, '.aes-watch.lock'))).toBe(false);
  });

  it('is never made for a run of plain HTTP pages', async () => {
    const f = await folder();
    let made = 0;
    const run = await f.check({}, { browser: () => ((made += 1), { fetch: async () => Promise.reject(new Error('no browser here')) }) });
    expect(run.code).toBe(EXIT.ok);
    expect(made).toBe(0);
  });
});

describe('successor discovery in a check', () => {
  it('searches for a gone page when enabled, not when disabled', async () => {
    const f = await folder([calvadosSection(site.url(CALVADOS))]);
    site.set(CALVADOS, { status: 404, body: 'introuvable' });
    const off = await f.check();
    expect(off.report!.entries[0]!.successorsReason).toBeNull();
    const on = await f.check({ discovery: { enabled: true, maxPages: 5, maxSeconds: 10 } });
    expect(on.report!.entries[0]!.status).toBe('stale');
    expect(on.report!.entries[0]!.successorsReason).not.toBeNull();
    expect(site.requests.some((r) => r.path === '/robots.txt' || r.path.startsWith('/sitemap'))).toBe(true);
  });
});

