import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { systemClock, type Clock } from '../shared/clock.js';

/**
 * One writer of the snapshots at a time: a scheduled run and a manual `check`
 * share `<snapshotsDir>/.aes-watch.lock`. The file names its owner so the
 * second run can say who holds it, and so a lock left by a dead process can
 * be recognised and taken over.
 */
export const LockOwner = z.object({
  pid: z.int().check(z.positive()),
  startedAt: z.string(),
  command: z.string(),
  host: z.string(),
  /** Unique per acquisition: tells "our" lock file from a newer one at the same path. */
  token: z.optional(z.string()),
});
export type LockOwner = z.infer<typeof LockOwner>;

export type RunLock =
  | { kind: 'acquired'; release(): Promise<void> }
  | { kind: 'held'; owner: { pid: number; startedAt: string; command: string; host?: string } };

export interface LockOptions {
  /** Poll until the lock frees (or `timeoutMs` passes) instead of answering `held` at once. */
  wait: boolean;
  pollMs?: number;
  /** With `wait`: give up after this long and answer `held`. Default: wait for ever. */
  timeoutMs?: number;
  clock?: Clock;
  /** Recorded in the lock file so the other run can tell the user what holds it. */
  command?: string;
  /** A lock older than this is taken over even if its pid is alive (pid reuse after a reboot). */
  maxAgeMs?: number;
  /** With `wait`: stop waiting when aborted (answers `held`). */
  signal?: AbortSignal;
  /** Told why an abandoned lock was taken over, for the log. */
  onTakeOver?: (why: string) => void;
  /** With `wait`: told once, when the lock is found held and waiting starts. */
  onWait?: (owner: LockOwner) => void;
}

/** Far longer than any real run; only guards against a recycled pid. */
/** The lock's place: inside the snapshot folder it guards. */
export const lockPathFor = (snapshotsDir: string): string => join(snapshotsDir, '.aes-watch.lock');

export const DEFAULT_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** Paths this process holds now: a lock with our own pid that is not in here was left by an earlier process that had our pid. */
const heldHere = new Set<string>();

type Observed =
  | { kind: 'absent' }
  | { kind: 'live'; owner: LockOwner }
  | { kind: 'abandoned'; raw: string; why: string };

export async function acquireRunLock(path: string, options: LockOptions): Promise<RunLock> {
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 1000;
  const started = clock.now().getTime();
  let waiting = false;
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    const owner: LockOwner = {
      pid: process.pid,
      startedAt: clock.now().toISOString(),
      command: options.command ?? defaultCommand(),
      host: hostname(),
      token: randomUUID(),
    };
    if (await createExclusive(path, owner)) return acquired(path, owner.token ?? '');

    const seen = await observe(path, clock, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
    if (seen.kind === 'absent') continue; // released between our attempt and our look: try again at once
    if (seen.kind === 'abandoned') {
      options.onTakeOver?.(seen.why);
      await takeOver(path, seen.raw);
      continue;
    }
    const waited = clock.now().getTime() - started;
    const timedOut = options.timeoutMs !== undefined && waited >= options.timeoutMs;
    if (!options.wait || timedOut || options.signal?.aborted) return held(seen.owner);
    if (!waiting) options.onWait?.(seen.owner);
    waiting = true;
    try {
      await clock.sleep(pollMs, options.signal);
    } catch {
      return held(seen.owner);
    }
  }
}

function held(owner: LockOwner): RunLock {
  return { kind: 'held', owner: { pid: owner.pid, startedAt: owner.startedAt, command: owner.command, host: owner.host } };
}

/**
 * The last way out: a process that ends without calling release (uncaught
 * error, process.exit) still removes its own lock, synchronously, on 'exit'.
 */
function releaseOnExit(path: string, token: string): () => void {
  const hook = () => {
    try {
      const owner = LockOwner.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (owner.success && owner.data.token === token) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  };
  process.on('exit', hook);
  return () => process.off('exit', hook);
}

function acquired(path: string, token: string): RunLock {
  heldHere.add(path);
  let released = false;
  const forgetExitHook = releaseOnExit(path, token);
  return {
    kind: 'acquired',
    async release() {
      if (released) return;
      released = true;
      forgetExitHook();
      heldHere.delete(path);
      // Only remove the file if it is still ours: after a takeover it belongs to someone else.
      const current = await readOwner(path);
      if (current.kind === 'parsed' && current.owner.token === token) await unlink(path).catch(ignoreMissing);
    },
  };
}

/**
 * Exclusive create with the content already in place: the owner is written to
 * a private file opened with O_EXCL ('wx'), then hard-linked to the lock path,
 * which fails with EEXIST if the lock exists. A reader therefore never sees an
 * empty or half-written lock file (with a bare open('wx') + write it could, and
 * would wrongly take it over as unparseable).
 */
async function createExclusive(path: string, owner: LockOwner): Promise<boolean> {
  const draft = `${path}.${process.pid}.${owner.token}.tmp`;
  await writeFile(draft, JSON.stringify(owner) + '\n', { flag: 'wx' });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft).catch(ignoreMissing);
  }
}

type ReadOwner = { kind: 'absent' } | { kind: 'parsed'; owner: LockOwner; raw: string; mtimeMs: number } | { kind: 'unparseable'; raw: string };

async function readOwner(path: string): Promise<ReadOwner> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  try {
    const info = await handle.stat();
    const text = await handle.readFile('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'unparseable', raw: text };
    }
    const parsed = LockOwner.safeParse(json);
    return parsed.success ? { kind: 'parsed', owner: parsed.data, raw: text, mtimeMs: info.mtimeMs } : { kind: 'unparseable', raw: text };
  } finally {
    await handle.close();
  }
}

async function observe(path: string, clock: Clock, maxAgeMs: number): Promise<Observed> {
  const read = await readOwner(path);
  if (read.kind === 'absent') return read;
  if (read.kind === 'unparseable') return { kind: 'abandoned', raw: read.raw, why: 'unparseable' };
  const { owner } = read;
  // Another machine's pid means nothing here (shared storage): trust the file until it is too old.
  const sameHost = owner.host === hostname();
  if (sameHost && owner.pid === process.pid && !heldHere.has(path)) return { kind: 'abandoned', raw: read.raw, why: 'left by an earlier process with our pid' };
  if (sameHost && !isAlive(owner.pid)) return { kind: 'abandoned', raw: read.raw, why: `pid ${owner.pid} is dead` };
  const startedAt = Date.parse(owner.startedAt);
  const age = clock.now().getTime() - (Number.isNaN(startedAt) ? read.mtimeMs : startedAt);
  if (age > maxAgeMs) return { kind: 'abandoned', raw: read.raw, why: 'older than the maximum run time' };
  return { kind: 'live', owner };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the abandoned lock we inspected, and only that one. Race: two waiters
 * can both judge the same dead lock; the first removes it and creates its own,
 * and a plain unlink by the second would then delete the first's *live* lock.
 * So we rename the file aside (atomic), then compare its content with what we
 * judged: every lock carries a fresh token, so a different content means a
 * newer live lock, which is linked back. (Not inodes: a freed inode number is
 * reused at once for the next lock file.) Remaining window: a third process
 * creating the lock in the instant between our rename and our link-back.
 */
export async function takeOver(path: string, judged: string): Promise<void> {
  const aside = `${dirname(path)}/.${basename(path)}.${process.pid}.${randomUUID()}.abandoned`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over first
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== judged) await link(aside, path).catch(ignoreExisting);
  await unlink(aside).catch(ignoreMissing);
}

function defaultCommand(): string {
  const script = process.argv[1] ? basename(process.argv[1]).replace(/\.js$/, '') : 'node';
  const name = script === 'main' ? 'aes-watch' : script;
  return [name, ...process.argv.slice(2)].join(' ');
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function ignoreExisting(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
}
