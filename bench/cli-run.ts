import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measuredEnv } from './environment.js';
import { benchGuide, benchSections } from './fixtures.js';

/** The built CLI, run the way a user runs it: `node dist/src/cli/main.js …`. */
export const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU of the process; null without GNU time. */
  cpuMs: number | null;
  /** Peak resident set size; null without GNU time. */
  peakMb: number | null;
  /** Epoch ms when spawn() was called. */
  spawnedAt: number;
  /**
   * Epoch ms when the process had started (the child's `spawn` event: forked and executed), to time
   * the first request against. The bench's own fork before it is not the process's start-up.
   */
  startedAt: number;
  exitCode: number | null;
  stderr: string;
}

const now = () => performance.timeOrigin + performance.now();

/** Runs a command to its end, under GNU time when installed, for its CPU time and peak RSS. */
export async function timeProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  const measure = existsSync(GNU_TIME);
  const usage = join(await mkdtemp(join(tmpdir(), 'aes-bench-time-')), 'usage');
  const [file, argv] = measure ? [GNU_TIME, ['-f', '%U %S %M', '-o', usage, command, ...args]] : [command, args];
  const spawnedAt = now();
  const child = spawn(file, argv, { cwd, env: measuredEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
  let startedAt = spawnedAt;
  child.once('spawn', () => (startedAt = now()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = now() - spawnedAt;
  if (!measure) return { wallMs, cpuMs: null, peakMb: null, spawnedAt, startedAt, exitCode, stderr };
  const [user = 0, system = 0, rssKb = 0] = (await readFile(usage, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number);
  await rm(join(usage, '..'), { recursive: true, force: true });
  return { wallMs, cpuMs: (user + system) * 1000, peakMb: rssKb / 1024, spawnedAt, startedAt, exitCode, stderr };
}

/** `count` entries spread round-robin over `hosts` origins, written as guides of at most 100 sections (one per département code). */
export async function writeBenchGuides(dir: string, count: number, origins: string[], hosts: number): Promise<string[]> {
  const files: string[] = [];
  for (let g = 0; g * 100 < count; g += 1) {
    const offset = g * 100;
    const sections = benchSections(`G${g}-`, Math.min(100, count - offset), (i) => `${origins[(offset + i) % hosts]}/page-${offset + i}`, (i) => offset + i);
    const file = `guide-${g}.txt`;
    await writeFile(join(dir, file), benchGuide(`Bench ${g}`, sections));
    files.push(file);
  }
  return files;
}

/** The same pages as urlwatch jobs (`urls.yaml`), in the same order. */
export async function writeUrlwatchJobs(dir: string, count: number, origins: string[], hosts: number): Promise<void> {
  const jobs = Array.from({ length: count }, (_, i) => `name: page-${i}\nurl: ${origins[i % hosts]}/page-${i}\n`);
  await writeFile(join(dir, 'urls.yaml'), jobs.join('---\n'));
}

export function urlwatchArgs(dir: string): string[] {
  return ['--urls', join(dir, 'urls.yaml'), '--config', join(dir, 'config.yaml'), '--cache', join(dir, 'cache.db'), '--hooks', join(dir, 'hooks.py')];
}

export const hasUrlwatch = (): boolean => ['/usr/bin/urlwatch', '/usr/local/bin/urlwatch'].some(existsSync) || (process.env.PATH ?? '').split(':').some((p) => existsSync(join(p, 'urlwatch')));

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
