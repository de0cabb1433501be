import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchGuide, benchSections } from './fixtures.js';
import { forkHosts } from './host-child.js';
import type { BenchResult } from './result.js';
import { twoNights } from './two-nights.js';

const HOSTS = 50;
const PAGES_PER_HOST = 4;
const LATENCY_MS = 50;

type Stats = { ok: number; notModified: number };

/** 200 entries on 50 loopback hosts with 50 ms latency, per-host delay 0: first run, then a quiet rerun. */
async function measure(): Promise<BenchResult[]> {
  const hosts = forkHosts('./replay-hosts.js', [String(HOSTS), String(PAGES_PER_HOST), String(LATENCY_MS)]);
  let dir: string | undefined;
  try {
    const origins = await hosts.ask<string[]>('', 'ready');
    dir = await mkdtemp(join(tmpdir(), 'aes-bench-'));
    const url = (i: number) => `${origins[i % HOSTS]}/page-${i}`;
    const page = (i: number) => i;
    await writeFile(join(dir, 'a.txt'), benchGuide('Alpha', benchSections('Alpha-', 100, url, page)));
    await writeFile(join(dir, 'b.txt'), benchGuide('Beta', benchSections('Beta-', 100, (i) => url(i + 100), (i) => page(i + 100))));
    const { first, second, peakMb } = await twoNights<Stats>(dir, ['a.txt', 'b.txt'], hosts);
    const pages = first.result.summary.ok + first.result.summary.stale + first.result.summary.unreachable;
    const share304 = second.stats.notModified / Math.max(1, second.stats.ok + second.stats.notModified);

    return [
      { name: `first run: ${pages} entries, ${HOSTS} hosts, ${LATENCY_MS} ms latency`, value: first.ms, unit: 'ms', target: '< 3000 ms', met: first.ms < 3000 && pages === 200, note: `${first.result.summary.ok} ok, ${first.stats.ok} pages fetched` },
      { name: 'first run throughput', value: (pages / first.ms) * 1000, unit: 'pages/s' },
      { name: 'peak RSS of the checking process', value: peakMb, unit: 'MB', target: '< 200 MB', met: peakMb < 200 },
      { name: 'first run CPU time', value: first.cpuMs, unit: 'ms' },
      { name: 'quiet rerun wall time', value: second.ms, unit: 'ms', note: `${second.result.summary.ok} ok; latency is the same, the work is not` },
      { name: 'quiet rerun CPU time', value: second.cpuMs, unit: 'ms', target: '< first run CPU', met: second.cpuMs < first.cpuMs },
      { name: 'quiet rerun answered by 304', value: share304 * 100, unit: '%', target: '> 50 %', met: share304 > 0.5 },
    ];
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    hosts.child.send('exit');
  }
}

// Run by check.ts in a process of its own, which gets the results back over IPC.
process.send?.(await measure());
