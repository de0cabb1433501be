import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunReport } from '../../src/report/schema.js';
import { acquireRunLock, lockPathFor } from '../../src/schedule/lock.js';
import type { CliRun } from '../support/cli.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runProgram } from '../support/process.js';
import { dsfrPage, guideDocument, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { benchGuide, benchPage, benchSections } from '../../bench/fixtures.js';

/**
 * The built binary, as a user or a script runs it: `node dist/src/cli/main.js`
 * in a child process, judged by its exit code and what it prints. `npm test`
 * builds first, so this is the program `npx aes-watch` starts.
 */
const BIN = resolve(import.meta.dirname, '../../dist/src/cli/main.js');
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';

function aesWatch(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runProgram(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, AES_WATCH_LOG: 'warn', CI: 'true', ...env } });
}

let site: FixtureSite;
let dir: string;
const checkArgs = () => ['check', '--guide', 'guide.txt', '--per-host-delay', '0', '--retries', '0', '--timeout', '2000'];

beforeAll(async () => {
  site = await startSite({}, '127.0.0.41');
});
afterAll(() => site.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-e2e-'));
  site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
  const section = { code: '14', departmentPhrase: 'du Calvados', prefecture: 'Testville', url: site.url(PAGE), procedure: postalGuideText() };
  await writeFile(join(dir, 'guide.txt'), guideDocument('Testland', [section]));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the aes-watch binary', () => {
  it('prints its usage and exits 0', async () => {
    const run = await aesWatch(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: aes-watch /);
    expect(run.stdout).toContain('check');
  });

  it('checks many hosts at once and prints no warning of Node\'s on the way', async () => {
    // 20 prefectures fetched at once: each request in flight listens to the run's signal.
    const sites = await Promise.all(Array.from({ length: 20 }, (_, i) => startSite({ '/page': { body: benchPage(i) } }, `127.0.16.${i + 1}`)));
    try {
      await writeFile(join(dir, 'many.txt'), benchGuide('Manyland', benchSections('Many-', 20, (i) => sites[i]!.url('/page'), (i) => i)));
      const run = await aesWatch(['check', '--guide', 'many.txt', '--per-host-delay', '0', '--retries', '0', '--timeout', '5000'], dir);
      expect(run.stderr).not.toMatch(/Warning/);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('20 entries: 0 stale, 0 unreachable, 20 ok.');
    } finally {
      await Promise.all(sites.map((s) => s.close()));
    }
  });

  it('exits 0 when the run completes, and writes the report', async () => {
    const run = await aesWatch(checkArgs(), dir);
    expect(run.code).toBe(0);
    const report = RunReport.parse(JSON.parse(await readFile(join(dir, 'reports', 'latest.json'), 'utf8')));
    expect(report.summary).toEqual({ ok: 1, stale: 0, unreachable: 0 });
  });

  it('exits 0 on a stale entry, and 1 when --fail-on names its verdict', async () => {
    site.set(PAGE, { status: 404, body: '<h1>Page introuvable</h1>' });
    expect((await aesWatch(checkArgs(), dir)).code).toBe(0);
    const run = await aesWatch([...checkArgs(), '--fail-on', 'stale'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale');
  });

  it('exits 2 with one line naming a wrong flag', async () => {
    const run = await aesWatch(['check', '--no-such-flag'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('exits 2 naming a guide that does not exist', async () => {
    const run = await aesWatch(['check', '--guide', 'missing.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.txt');
  });

  describe('with GitHub issues', () => {
    let github: FakeGitHub;
    beforeEach(async () => {
      github = await startFakeGitHub();
    });
    afterEach(() => github.close());

    it('exits 3 when GitHub refuses the token, after writing the reports', async () => {
      site.set(PAGE, { status: 404, body: '<h1>Page introuvable</h1>' });
      const env = { GITHUB_TOKEN: 'ghs_wrongToken', GITHUB_REPOSITORY: `${github.owner}/${github.repo}`, GITHUB_API_URL: github.apiUrl, AES_WATCH_GITHUB_PACE_MS: '0' };
      const run = await aesWatch([...checkArgs(), '--issues', 'github'], dir, env);
      expect(run.code).toBe(3);
      expect(github.issues).toEqual([]);
      expect(RunReport.parse(JSON.parse(await readFile(join(dir, 'reports', 'latest.json'), 'utf8'))).summary.stale).toBe(1);
    });

    it('exits 0 and opens the issue when GitHub accepts', async () => {
      site.set(PAGE, { status: 404, body: '<h1>Page introuvable</h1>' });
      const env = { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: `${github.owner}/${github.repo}`, GITHUB_API_URL: github.apiUrl, AES_WATCH_GITHUB_PACE_MS: '0' };
      const run = await aesWatch([...checkArgs(), '--issues', 'github'], dir, env);
      expect(run.code).toBe(0);
      expect(github.issues.map((i) => i.state)).toEqual(['open']);
      expect(github.violations).toEqual([]);
    });
  });

  it('exits 4 while another run holds the snapshot lock, naming it', async () => {
    await mkdir(join(dir, 'snapshots'), { recursive: true });
    const lock = await acquireRunLock(lockPathFor(join(dir, 'snapshots')), { wait: false });
    expect(lock.kind).toBe('acquired');
    try {
      const run = await aesWatch(checkArgs(), dir);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(`pid ${process.pid}`);
    } finally {
      if (lock.kind === 'acquired') await lock.release();
    }
  });
});

describe('the binary on a bad environment or a bug', () => {
  it('exits 2 naming a log level that does not exist', async () => {
    const run = await aesWatch(checkArgs(), dir, { AES_WATCH_LOG: 'loud' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('aes-watch: AES_WATCH_LOG: "loud" is not a log level (use trace, debug, info, warn, error, fatal or silent)');
  });

  it('exits 70 on an internal error, with the stack, and releases the snapshot lock', async () => {
    // A planted bug: the run report cannot stamp its time.
    const plant = 'data:text/javascript,Date.prototype.toISOString=function(){throw new Error("planted bug")}';
    const run = await runProgram(process.execPath, ['--import', plant, BIN, ...checkArgs()], { cwd: dir, env: { PATH: process.env.PATH, AES_WATCH_LOG: 'error', CI: 'true' } });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/^aes-watch: internal error: Error: planted bug\n\s+at /m);
    await expect(readFile(lockPathFor(join(dir, 'snapshots')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
