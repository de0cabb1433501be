import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check.js';
import { checkRequestFromConfig } from '../../src/run/request.js';
import { lockPathFor } from '../../src/schedule/lock.js';
import { silentLogger } from '../../src/shared/log.js';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { buildForChild, REPO } from '../ops/support/child-build.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/**
 * Issue #10 B8, with real processes: two `check`s and a `schedule` tick at
 * once never write together; the loser exits 4 or, with --wait, queues; the
 * lock goes on every way out.
 */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const HOLDER = `
import { acquireRunLock } from './src/schedule/lock.js';
const lock = await acquireRunLock(process.argv[2], { wait: false, command: 'thrower' });
if (lock.kind !== 'acquired') process.exit(9);
process.send({ kind: 'acquired' }, () => { throw new Error('a bug after the lock was taken'); });
`;

let build: Awaited<ReturnType<typeof buildForChild>>;
let site: FixtureSite;
let ws: Workspace;
const children: ChildProcess[] = [];
/** Answers held back: the page "hangs" until the test lets it answer. */
let held: ServerResponse[] = [];
let hold = true;
const pageHtml = dsfrPage({ updated: '14/01/2023', body: postalProcedure() });
const answer = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);

beforeAll(async () => {
  const sources = (await readdir(join(REPO, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts')).map((f) => join('src', f));
  build = await buildForChild(sources, { 'holder.mjs': HOLDER });
  site = await startSite({}, '127.0.0.43');
  site.set(PAGE, (_req, res) => {
    if (hold) held.push(res);
    else answer(res);
    arrived();
  });
});
afterAll(async () => {
  await site.close();
  await build.cleanup();
});
beforeEach(async () => {
  hold = true;
  held = [];
  ws = await workspace();
  await ws.writeGuide([calvados(site.url(PAGE), postalGuideText())]);
  await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ guides: ['guide.txt'], perHostDelayMs: 0, retries: 0, timeoutMs: 60000 }));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Cli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves when the output contains `text`. */
  saw(text: string): Promise<void>;
}

function cli(...args: string[]): Cli {
  const child = spawn(process.execPath, [join(build.dir, 'src/cli/main.js'), ...args], { cwd: ws.dir, env: { ...process.env, AES_WATCH_LOG: 'info', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const read = (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of waiters.splice(0)) (text.includes(w.text) ? w.resolve() : waiters.push(w));
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => text,
    exited,
    saw: (wanted) => (text.includes(wanted) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text: wanted, resolve }))),
  };
}

const check = (...extra: string[]) => cli('check', ...extra);
const lockFile = () => lockPathFor(join(ws.dir, 'snapshots'));
const exists = (path: string) => access(path).then(() => true, () => false);
const pageRequests = () => site.requests.filter((r) => r.path === PAGE).length;

/** Resolves when the page has been asked for `n` times in all (a check that fetches holds the lock). */
let arrived: () => void = () => {};
async function untilRequests(n: number): Promise<void> {
  while (pageRequests() < n) await new Promise<void>((resolve) => (arrived = resolve));
}

function release(): void {
  hold = false;
  for (const res of held.splice(0)) answer(res);
}

describe('overlapping runs', () => {
  it('a second check exits 4 naming the owner, a schedule tick skips, and only the first one fetches and writes', async () => {
    const before = pageRequests();
    const first = check();
    await untilRequests(before + 1);
    const owner = (JSON.parse(await readFile(lockFile(), 'utf8')) as { pid: number }).pid;
    expect(owner).toBe(first.child.pid);

    const second = check();
    expect(await second.exited).toBe(4);
    expect(second.output()).toContain(`another run (pid ${owner}`);

    const daemon = cli('schedule', '--cron', '* * * * * *');
    await daemon.saw('"event":"run"');
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    const run = JSON.parse(daemon.output().split('\n').find((l) => l.includes('"event":"run"'))!) as { exitCode: number };
    expect(run.exitCode).toBe(4);

    expect(pageRequests()).toBe(before + 1);
    release();
    expect(await first.exited).toBe(0);
    expect(await exists(lockFile())).toBe(false);
  });

  it('with --wait, the second check runs once the first is done', async () => {
    const before = pageRequests();
    const first = check();
    await untilRequests(before + 1);
    const second = check('--wait');
    await second.saw('waiting for it to end (--wait)');
    expect(pageRequests()).toBe(before + 1);
    release();
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
    expect(pageRequests()).toBe(before + 2);
    expect(await exists(lockFile())).toBe(false);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: the check stops, exits %i and leaves no lock behind', async (signal, code) => {
    const before = pageRequests();
    const first = check();
    await untilRequests(before + 1);
    expect(await exists(lockFile())).toBe(true);
    first.child.kill(signal);
    expect(await first.exited).toBe(code);
    expect(await exists(lockFile())).toBe(false);
    expect(first.output()).toContain(`${signal} received`);
  });
});

describe('the lock on a thrown error', () => {
  it('a check whose fetcher throws rejects and releases the lock', async () => {
    const request = await checkRequestFromConfig(ws.dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', reportsDir: 'reports' });
    const io = { stdout: process.stdout, stderr: process.stderr, cwd: ws.dir, env: {} };
    const broken = { fetch: () => Promise.reject(new Error('a bug in a fetcher')) };
    await expect(runCheck(request, io, undefined, { http: broken, log: silentLogger })).rejects.toThrow('a bug in a fetcher');
    expect(await exists(lockFile())).toBe(false);
  });

  it('a process that dies of an uncaught error still removes its lock', async () => {
    const path = lockFile();
    const child = spawn(process.execPath, [join(build.dir, 'holder.mjs'), path], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    children.push(child);
    const [message] = (await once(child, 'message')) as [{ kind: string }];
    expect(message.kind).toBe('acquired');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(await exists(path)).toBe(false);
  });
});
