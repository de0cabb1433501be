import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildForChild } from './support/child-build.js';

/** A process that takes the lock, reports over IPC, and holds it until told to release. */
const HOLDER = `
import { acquireRunLock } from './src/schedule/lock.js';
const [path, mode] = process.argv.slice(2);
process.send({ kind: 'attempting' });
const lock = await acquireRunLock(path, { wait: mode === 'wait', pollMs: 5, command: 'holder ' + mode });
if (lock.kind === 'held') {
  process.send({ kind: 'held', owner: lock.owner }, () => process.exit(0));
} else {
  process.send({ kind: 'acquired', pid: process.pid, at: Date.now() });
  process.on('message', async (message) => {
    if (message !== 'release') return;
    const releasingAt = Date.now();
    await lock.release();
    process.send({ kind: 'released', releasingAt }, () => process.exit(0));
  });
}
`;

/** `at` and `releasingAt` are wall-clock times: two processes' messages may arrive in either order, their clocks agree. */
type Message = { kind: 'attempting' } | { kind: 'acquired'; pid: number; at: number } | { kind: 'held'; owner: { pid: number; command: string } } | { kind: 'released'; releasingAt: number };

interface Holder {
  child: ChildProcess;
  /** Resolves with the next message of one of these kinds. */
  next<K extends Message['kind']>(...kinds: K[]): Promise<Extract<Message, { kind: K }>>;
  exited: Promise<void>;
}

let build: Awaited<ReturnType<typeof buildForChild>>;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  build = await buildForChild(['src/schedule/lock.ts', 'src/shared/clock.ts'], { 'holder.mjs': HOLDER });
});
afterAll(() => build.cleanup());
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function lockPath(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-lock-'));
  return join(dir, 'snapshots', '.aes-watch.lock');
}

function startHolder(path: string, mode: 'try' | 'wait'): Holder {
  const child = fork(join(build.dir, 'holder.mjs'), [path, mode], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const seen: Message[] = [];
  const waiters: { kinds: string[]; resolve: (m: Message) => void }[] = [];
  child.on('message', (raw) => {
    const message = raw as Message;
    const waiter = waiters.find((w) => w.kinds.includes(message.kind));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    } else seen.push(message);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    exited,
    next: (...kinds) =>
      new Promise((resolve, reject) => {
        const earlier = seen.find((m) => (kinds as string[]).includes(m.kind));
        if (earlier) {
          seen.splice(seen.indexOf(earlier), 1);
          return resolve(earlier as never);
        }
        waiters.push({ kinds, resolve: resolve as (m: Message) => void });
        // 'disconnect' comes after the last message has been read ('exit' may come before).
        child.once('disconnect', () => reject(new Error(`holder ${child.pid} went away before sending "${kinds.join('" or "')}"`)));
      }),
  };
}

const ownerPid = async (path: string): Promise<number> => (JSON.parse(await readFile(path, 'utf8')) as { pid: number }).pid;

describe('run lock across two real processes', () => {
  it('the second process sees the first as owner, and takes the lock over once the first is SIGKILLed', async () => {
    const path = await lockPath();
    const first = startHolder(path, 'try');
    const { pid: firstPid } = await first.next('acquired');
    expect(firstPid).toBe(first.child.pid);

    const second = startHolder(path, 'try');
    const held = await second.next('held');
    expect(held.owner.pid).toBe(firstPid);
    expect(held.owner.command).toBe('holder try');
    await second.exited;

    first.child.kill('SIGKILL');
    await first.exited;
    expect(await ownerPid(path)).toBe(firstPid); // the dead process's lock is still on disk

    const third = startHolder(path, 'try');
    const { pid: thirdPid } = await third.next('acquired');
    expect(await ownerPid(path)).toBe(thirdPid);
    third.child.send('release');
    await third.next('released');
    await expect(readFile(path, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with wait, the second process gets the lock only after the first releases it', async () => {
    const path = await lockPath();
    const first = startHolder(path, 'try');
    await first.next('acquired');
    const second = startHolder(path, 'wait');
    await second.next('attempting');
    const secondAcquired = second.next('acquired');
    first.child.send('release');
    const { releasingAt } = await first.next('released');
    const { pid, at } = await secondAcquired;
    expect(at).toBeGreaterThanOrEqual(releasingAt);
    expect(await ownerPid(path)).toBe(pid);
  });

  it('two processes racing to take over the same dead lock: exactly one wins', async () => {
    const path = await lockPath();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(dirname(path), { recursive: true });
    for (let round = 0; round < 3; round += 1) {
      const abandoned = { pid: dead, startedAt: new Date().toISOString(), command: 'aes-watch check', host: hostname() };
      await writeFile(path, JSON.stringify(abandoned));
      const racers = [startHolder(path, 'try'), startHolder(path, 'try')];
      const results = await Promise.all(racers.map((r) => r.next('acquired', 'held')));
      const winners = results.filter((r) => r.kind === 'acquired');
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => r.kind === 'held');
      expect(loser?.kind === 'held' && loser.owner.pid).toBe(winners[0]?.kind === 'acquired' && winners[0].pid);
      for (const racer of racers) racer.child.kill('SIGKILL');
      await Promise.all(racers.map((r) => r.exited));
    }
  });
});
