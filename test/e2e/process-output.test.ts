import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchGuide, benchSections } from '../../bench/fixtures.js';
import { REPO } from '../support/build-copy.js';

/**
 * The built CLI when its standard output or error cannot take what it prints (src/cli/process-output.ts):
 * a reader that stops early, or a full disk. Never Node's unhandled 'error' and its stack trace.
 */
const BIN = join(REPO, 'dist/src/cli/main.js');
const NORMANDY = join(REPO, 'data/guides/normandie.txt');

let dir: string;
/** A guide whose `--json` is far larger than a pipe holds (64 kB), so a write meets a closed pipe. */
let bigGuide: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-stdout-'));
  bigGuide = join(dir, 'big.txt');
  await writeFile(bigGuide, benchGuide('Bigland', benchSections('Big-', 100, (i) => `http://127.0.0.1:9/page-${i}`, (i) => i)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Ended {
  code: number | null;
  stderr: string;
}

function ended(child: ReturnType<typeof spawn>): Promise<Ended> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

const ENV = { PATH: process.env.PATH, AES_WATCH_CODE_CACHE: 'off' };

/** Runs the CLI with its standard output on the file descriptor `stdout`. */
const aesWatch = (args: string[], stdout: number) => ended(spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', stdout, 'pipe'], env: ENV }));

/** Runs the CLI in `cwd` with its standard error on the file descriptor `stderr`: its exit code. */
const withStderr = (args: string[], cwd: string, stderr: number) =>
  new Promise<number | null>((done) => spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', stderr], env: ENV }).on('close', done));

/** `aes-watch <args> | head -c 100`, in a shell (a kernel pipe of 64 kB), ending with aes-watch's own exit code. */
const intoHead = (args: string[]) =>
  ended(spawn('bash', ['-c', 'node "$@" | head -c 100 > /dev/null; exit "${PIPESTATUS[0]}"', 'bash', BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...ENV, PATH: `${dirname(process.execPath)}:${process.env.PATH}` } }));

describe('standard output that cannot take what aes-watch prints', () => {
  it('a reader that stops early (| head): the rest is dropped, the command ends as it would have, nothing on standard error', async () => {
    expect(await intoHead(['guide', bigGuide, '--json'])).toEqual({ code: 0, stderr: '' });
    expect(await intoHead(['guide', join(dir, 'no-such-guide.txt')])).toMatchObject({ code: 2 }); // the shell gives aes-watch's code
  });

  it.skipIf(!existsSync('/dev/full')).each([[['--help']], [['--version']], [['guide', NORMANDY]]])('a full disk (/dev/full), for %j: one line, and exit 5', async (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = await aesWatch(args, full);
      expect(run.stderr).toMatch(/^aes-watch: cannot write to standard output \(ENOSPC: no space left on device, write\); what it printed there is incomplete\n$/);
      expect(run.code).toBe(5);
    } finally {
      closeSync(full);
    }
  });

  // The Normandy guide, offline: four unreachable entries, each a line on standard error, and a summary.
  it.skipIf(!existsSync('/dev/full'))('a full disk under standard error: a check still ends whole, its lock released and its reports written, and exits 5', async () => {
    const folder = await mkdtemp(join(dir, 'check-'));
    await copyFile(NORMANDY, join(folder, 'guide.txt'));
    const full = openSync('/dev/full', 'w');
    try {
      expect(await withStderr(['check', '--guide', 'guide.txt', '--retries', '0'], folder, full)).toBe(5);
    } finally {
      closeSync(full);
    }
    expect((await readdir(join(folder, 'reports'))).filter((name) => name.startsWith('latest.')).sort()).toEqual(['latest.html', 'latest.json', 'latest.md']);
    expect(await readdir(join(folder, 'snapshots'))).not.toContain('.aes-watch.lock');
  });
});
