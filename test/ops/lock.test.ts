import { mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRunLock, DEFAULT_MAX_AGE_MS, takeOver, type RunLock } from '../../src/schedule/lock.js';
import { flushPromises, manualClock } from '../support/fake-clock.js';

let dir: string;
let path: string;
const acquiredHere: RunLock[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-lock-unit-'));
  await mkdir(join(dir, 'snapshots'));
  path = join(dir, 'snapshots', '.aes-watch.lock');
});
afterEach(async () => {
  for (const lock of acquiredHere.splice(0)) if (lock.kind === 'acquired') await lock.release();
  await rm(dir, { recursive: true, force: true });
});

async function acquire(options: Parameters<typeof acquireRunLock>[1]): Promise<RunLock> {
  const lock = await acquireRunLock(path, options);
  acquiredHere.push(lock);
  return lock;
}

/** A lock file written by "another process": the test runner's parent is alive and on this host. */
async function lockOf(owner: Partial<{ pid: number; startedAt: string; command: string; host: string }>): Promise<void> {
  const full = { pid: process.ppid, startedAt: new Date().toISOString(), command: 'aes-watch check --only 14', host: hostname(), ...owner };
  await writeFile(path, JSON.stringify(full));
}

const fileOwner = async () => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

describe('acquireRunLock', () => {
  it('creates the snapshots folder and a lock file naming its owner; release removes it', async () => {
    await rm(join(dir, 'snapshots'), { recursive: true });
    const lock = await acquire({ wait: false, command: 'aes-watch schedule' });
    expect(lock.kind).toBe('acquired');
    const owner = await fileOwner();
    expect(owner).toMatchObject({ pid: process.pid, command: 'aes-watch schedule', host: hostname() });
    expect(Number.isNaN(Date.parse(String(owner.startedAt)))).toBe(false);
    if (lock.kind === 'acquired') await lock.release();
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]); // no draft files left behind
  });

  it('answers held, with the owner, while this process holds it', async () => {
    const first = await acquire({ wait: false, command: 'aes-watch schedule' });
    expect(first.kind).toBe('acquired');
    const second = await acquire({ wait: false });
    expect(second).toEqual({ kind: 'held', owner: expect.objectContaining({ pid: process.pid, command: 'aes-watch schedule' }) });
  });

  it('answers held when a live process on this host owns the lock', async () => {
    await lockOf({});
    const lock = await acquire({ wait: false });
    expect(lock.kind === 'held' && lock.owner).toMatchObject({ pid: process.ppid, command: 'aes-watch check --only 14' });
    expect((await fileOwner()).pid).toBe(process.ppid); // untouched
  });

  it.each([
    ['unparseable', 'not json {'],
    ['missing fields', '{"pid": "twelve"}'],
    ['empty', ''],
  ])('takes over a lock file that is %s', async (_label, content) => {
    await writeFile(path, content);
    const reasons: string[] = [];
    const lock = await acquire({ wait: false, onTakeOver: (why) => reasons.push(why) });
    expect(lock.kind).toBe('acquired');
    expect(reasons).toEqual(['unparseable']);
    expect((await fileOwner()).pid).toBe(process.pid);
  });

  it('takes over a lock carrying our own pid that this process does not hold (pid reused after a restart)', async () => {
    await lockOf({ pid: process.pid });
    const reasons: string[] = [];
    const lock = await acquire({ wait: false, onTakeOver: (why) => reasons.push(why) });
    expect(lock.kind).toBe('acquired');
    expect(reasons).toEqual(['left by an earlier process with our pid']);
  });

  it('takes over a lock older than the maximum run time even if its pid is alive', async () => {
    const clock = manualClock(new Date('2025-03-10T09:00:00Z'));
    await lockOf({ startedAt: new Date(clock.now().getTime() - DEFAULT_MAX_AGE_MS + 60_000).toISOString() });
    expect((await acquire({ wait: false, clock })).kind).toBe('held');
    clock.advance(2 * 60_000);
    expect((await acquire({ wait: false, clock })).kind).toBe('acquired');
  });

  it('trusts a lock from another host until it is too old (its pid means nothing here)', async () => {
    await lockOf({ host: 'some-other-host', pid: 999_999 });
    const lock = await acquire({ wait: false });
    expect(lock.kind === 'held' && lock.owner.host).toBe('some-other-host');
  });

  it('with wait, polls on the clock and gets the lock once the owner releases it', async () => {
    const clock = manualClock();
    await lockOf({});
    let result: RunLock | null = null;
    const waiting = acquire({ wait: true, pollMs: 500, clock }).then((lock) => (result = lock));
    for (let i = 0; i < 3; i += 1) {
      await until(() => clock.pending().length === 1);
      clock.advance(500);
    }
    expect(result).toBeNull();
    await until(() => clock.pending().length === 1);
    await unlink(path); // the other run finishes
    clock.advance(500);
    await waiting;
    expect(result).toMatchObject({ kind: 'acquired' });
    expect(clock.sleeps).toEqual([500, 500, 500, 500]);
  });

  it('with wait and a timeout, gives up and answers held', async () => {
    const clock = manualClock();
    await lockOf({});
    const waiting = acquire({ wait: true, pollMs: 1000, timeoutMs: 2500, clock });
    for (let i = 0; i < 3; i += 1) {
      await until(() => clock.pending().length === 1);
      clock.advance(1000);
    }
    const lock = await waiting;
    expect(lock.kind === 'held' && lock.owner.pid).toBe(process.ppid);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('with wait, an abort stops the wait', async () => {
    const clock = manualClock();
    await lockOf({});
    const controller = new AbortController();
    const waiting = acquire({ wait: true, clock, signal: controller.signal });
    await until(() => clock.pending().length === 1);
    controller.abort();
    expect((await waiting).kind).toBe('held');
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const lock = await acquire({ wait: false });
    await lockOf({ command: 'someone else' });
    if (lock.kind === 'acquired') await lock.release();
    expect((await fileOwner()).command).toBe('someone else');
  });
});

describe('takeOver (the race between two processes taking over one dead lock)', () => {
  it('removes the abandoned lock it judged', async () => {
    await writeFile(path, '{"pid": 4242, "token": "dead"}');
    await takeOver(path, '{"pid": 4242, "token": "dead"}');
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
  });

  it('puts back a newer live lock that replaced the one it judged (the other taker won)', async () => {
    const winner = JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString(), command: 'winner', host: hostname(), token: 'new' });
    await writeFile(path, winner);
    await takeOver(path, '{"pid": 4242, "token": "dead"}');
    expect(await readFile(path, 'utf8')).toBe(winner);
    expect(await readdir(join(dir, 'snapshots'))).toEqual(['.aes-watch.lock']);
  });

  it('does nothing when the other taker already removed it', async () => {
    await takeOver(path, '{"pid": 4242, "token": "dead"}');
    expect(await readdir(join(dir, 'snapshots'))).toEqual([]);
  });
});

/** Lets the lock's file operations (thread-pool I/O) run until the condition holds; a bound, not a sleep. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!condition() && performance.now() < deadline) await flushPromises();
  expect(condition()).toBe(true);
}
