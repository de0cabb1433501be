import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCheck } from '../src/run/check.js';
import { checkRequestFromConfig } from '../src/run/request.js';
import { silentLogger } from '../src/shared/log.js';
import { benchGuide, benchSections } from './fixtures.js';
import { forkHosts } from './host-child.js';
import type { BenchResult } from './result.js';

const HOSTS = 50;
const PAGES_PER_HOST = 4;
const LATENCY_MS = 50;

type Stats = { ok: number; notModified: number };

/** 200 entries on 50 loopback hosts with 50 ms latency, per-host delay 0: first run, then a quiet rerun. */
async function measure(): Promise<BenchResult[]> {
  const { child, ask } = forkHosts('./replay-hosts.js', [String(HOSTS), String(PAGES_PER_HOST), String(LATENCY_MS)]);
  let dir: string | undefined;
  try {
    const origins = await ask<string[]>('', 'ready');
    dir = await mkdtemp(join(tmpdir(), 'aes-bench-'));
    const url = (i: number) => `${origins[i % HOSTS]}/page-${i}`;
    const page = (i: number) => i;
    await writeFile(join(dir, 'a.txt'), benchGuide('Alpha', benchSections('Alpha-', 100, url, page)));
    await writeFile(join(dir, 'b.txt'), benchGuide('Beta', benchSections('Beta-', 100, (i) => url(i + 100), (i) => page(i + 100))));
    const request = await checkRequestFromConfig(dir, { guides: ['a.txt', 'b.txt'], perHostDelayMs: 0, retries: 0, timeoutMs: 10_000 });
    const sink = new PassThrough().resume();
    const io = { stdout: sink, stderr: sink, cwd: dir, env: {} };

    global.gc?.();
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const first = await runCheck(request, io, undefined, { log: silentLogger });
    const firstMs = performance.now() - start;
    const firstCpu = process.cpuUsage(cpu0);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const firstStats = await ask<Stats>('stats', 'stats');
    child.send('reset');

    const cpu1 = process.cpuUsage();
    const again = performance.now();
    const second = await runCheck(request, io, undefined, { log: silentLogger });
    const secondMs = performance.now() - again;
    const secondCpu = process.cpuUsage(cpu1);
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    const secondStats = await ask<Stats>('stats', 'stats');
    const pages = first.summary.ok + first.summary.stale + first.summary.unreachable;
    const share304 = secondStats.notModified / Math.max(1, secondStats.ok + secondStats.notModified);

    return [
      { name: `first run: ${pages} entries, ${HOSTS} hosts, ${LATENCY_MS} ms latency`, value: firstMs, unit: 'ms', target: '< 3000 ms', met: firstMs < 3000 && pages === 200, note: `${first.summary.ok} ok, ${firstStats.ok} pages fetched` },
      { name: 'first run throughput', value: (pages / firstMs) * 1000, unit: 'pages/s' },
      { name: 'peak RSS of the checking process', value: peakMb, unit: 'MB', target: '< 200 MB', met: peakMb < 200 },
      { name: 'first run CPU time', value: cpuMs(firstCpu), unit: 'ms' },
      { name: 'quiet rerun wall time', value: secondMs, unit: 'ms', note: `${second.summary.ok} ok; latency is the same, the work is not` },
      { name: 'quiet rerun CPU time', value: cpuMs(secondCpu), unit: 'ms', target: '< first run CPU', met: cpuMs(secondCpu) < cpuMs(firstCpu) },
      { name: 'quiet rerun answered by 304', value: share304 * 100, unit: '%', target: '> 50 %', met: share304 > 0.5 },
    ];
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    child.send('exit');
  }
}

// Run by check.ts in a process of its own, which gets the results back over IPC.
process.send?.(await measure());
