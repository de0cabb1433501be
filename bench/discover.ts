import { fork } from 'node:child_process';
import { mkdtemp, rm, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { benchGuide, benchSections } from './fixtures.js';
import type { BenchResult } from './result.js';

const SITES = 50;
const ENTRIES = 100;
const LATENCY_MS = 20;
const BUDGET = 30;

interface RunStats {
  ms: number;
  peakRssMb: number;
  found: number;
  confident: number;
  /** Requests per entry, from each entry's stored discovery result. */
  perEntry: number[];
}

/** A child process of its own, so its peak RSS is the check's and discovery's alone. */
async function measuredRun(origins: string[], round: 'first' | 'second', dir: string): Promise<RunStats> {
  const child = fork(fileURLToPath(import.meta.url), ['child', round, dir, ...origins], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (stats) => resolve(stats as RunStats));
    child.once('exit', (code) => code !== 0 && reject(new Error(`measured run exited ${code}`)));
  });
}

/** 100 gone guide entries (half 404, half 301 to the home page) on 50 sites, per-host delay 0, 20 ms latency. */
export async function run(): Promise<BenchResult[]> {
  const sites = fork(fileURLToPath(new URL('./discover-sites.js', import.meta.url)), [String(SITES), String(LATENCY_MS)], { stdio: 'ignore' });
  const ask = <T>(message: string, key: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (reply: Record<string, unknown>) => {
        if (key in reply) {
          sites.off('message', onMessage);
          resolve(reply[key] as T);
        }
      };
      sites.on('message', onMessage);
      if (message) sites.send(message);
    });
  let dir: string | undefined;
  try {
    const origins = await ask<string[]>('', 'ready');
    dir = await mkdtemp(join(tmpdir(), 'aes-bench-discover-'));
    const first = await measuredRun(origins, 'first', dir);
    const firstRequests = (await ask<{ requests: number }>('stats', 'stats')).requests;
    sites.send('reset');
    const second = await measuredRun(origins, 'second', dir);
    const secondRequests = (await ask<{ requests: number }>('stats', 'stats')).requests;
    const pages = first.perEntry.reduce((a, b) => a + b, 0);
    const maxPerEntry = Math.max(...first.perEntry);
    return [
      { name: `discovery, first run: ${ENTRIES} gone entries on ${SITES} sites`, value: first.ms, unit: 'ms', note: `whole check; ${LATENCY_MS} ms latency, per-host delay 0` },
      { name: 'pages fetched by discovery (all entries)', value: pages, unit: 'requests', note: `${(pages / ENTRIES).toFixed(1)} per entry; ${firstRequests} requests in all, the check's own included` },
      { name: 'most requests for one entry', value: maxPerEntry, unit: 'requests', target: `<= ${BUDGET}`, met: maxPerEntry <= BUDGET },
      { name: 'entries with a likely new page', value: first.found, unit: 'entries', target: `= ${ENTRIES}`, met: first.found === ENTRIES, note: `${first.confident} scored >= 0.7` },
      { name: 'peak RSS of the checking process', value: first.peakRssMb, unit: 'MB', target: '< 250 MB', met: first.peakRssMb < 250 },
      { name: 'next night, sites unchanged: wall time', value: second.ms, unit: 'ms' },
      { name: 'next night, sites unchanged: requests', value: secondRequests, unit: 'requests', target: '< first run / 3', met: secondRequests < firstRequests / 3, note: 'cited pages + robots.txt and sitemap/home answered 304' },
    ];
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    sites.send('exit');
  }
}

async function child(round: string, dir: string, origins: string[]): Promise<void> {
  const { runCheck } = await import('../src/run/check.js');
  const { checkRequestFromConfig } = await import('../src/run/request.js');
  const { silentLogger } = await import('../src/shared/log.js');
  const url = (i: number) => (i % 2 === 0 ? `${origins[Math.floor(i / 2)]}/old-a${i}.html` : `${origins[Math.floor(i / 2)]}/Demarches-administratives/old-${i}`);
  if (round === 'first') await writeFile(join(dir, 'guide.txt'), benchGuide('Bench', benchSections('Bench-', ENTRIES, url, (i) => i)));
  const request = await checkRequestFromConfig(dir, { guides: ['guide.txt'], perHostDelayMs: 0, retries: 0, timeoutMs: 10_000, forcedFetch: 'http' });
  const sink = new PassThrough().resume();
  const start = performance.now();
  const result = await runCheck(request, { stdout: sink, stderr: sink, cwd: dir, env: {} }, undefined, { log: silentLogger });
  const ms = performance.now() - start;
  const entries = result.report?.entries ?? [];
  const perEntry = await Promise.all(
    entries.map(async (e) => JSON.parse(await readFile(join(dir, 'snapshots', e.id, 'discovery.json'), 'utf8')).discovery.pagesFetched as number),
  );
  const stats: RunStats = {
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    found: entries.filter((e) => e.successors.length > 0).length,
    confident: entries.filter((e) => (e.successors[0]?.score ?? 0) >= 0.7).length,
    perEntry,
  };
  process.send?.(stats);
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!, process.argv.slice(5));
