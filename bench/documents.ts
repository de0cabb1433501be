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

const HOSTS = 25;
const ENTRIES = 100;
const LATENCY_MS = 50;

type Stats = { ok: number; notModified: number; pdfBytes: number };

/** 100 entries, each page linking a ~500 KB PDF: a first run reads them all, a quiet rerun must be all 304s within the check targets. */
export async function run(): Promise<BenchResult[]> {
  const { child, ask } = forkHosts('./document-hosts.js', [String(HOSTS), String(LATENCY_MS)]);
  let dir: string | undefined;
  try {
    const origins = await ask<string[]>('', 'ready');
    dir = await mkdtemp(join(tmpdir(), 'aes-bench-docs-'));
    await writeFile(join(dir, 'guide.txt'), benchGuide('Docs', benchSections('Docs-', ENTRIES, (i) => `${origins[i % HOSTS]}/page-${i}`, (i) => i)));
    const request = await checkRequestFromConfig(dir, { guides: ['guide.txt'], perHostDelayMs: 0, retries: 0, timeoutMs: 10_000 });
    const sink = new PassThrough().resume();
    const io = { stdout: sink, stderr: sink, cwd: dir, env: {} };
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

    global.gc?.();
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const first = await runCheck(request, io, undefined, { log: silentLogger });
    const firstMs = performance.now() - start;
    const firstCpu = cpuMs(process.cpuUsage(cpu0));
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const firstStats = await ask<Stats>('stats', 'stats');
    child.send('reset');

    const cpu1 = process.cpuUsage();
    const again = performance.now();
    const second = await runCheck(request, io, undefined, { log: silentLogger });
    const secondMs = performance.now() - again;
    const secondCpu = cpuMs(process.cpuUsage(cpu1));
    const secondStats = await ask<Stats>('stats', 'stats');
    const read = first.report?.entries.flatMap((e) => e.sources.flatMap((s) => s.documents ?? [])).filter((d) => d.read === 'text').length ?? 0;
    const all304 = secondStats.ok === 0 && secondStats.notModified === 2 * ENTRIES;

    return [
      { name: `first run: ${ENTRIES} entries, each linking a PDF`, value: firstMs, unit: 'ms', note: `${first.summary.ok} ok, ${read} PDFs read, ${Math.round(firstStats.pdfBytes / 1024 / 1024)} MB of PDF` },
      { name: 'first run CPU time (PDFs read in worker threads)', value: firstCpu, unit: 'ms' },
      { name: 'peak RSS with the PDF workers', value: peakMb, unit: 'MB', note: 'whole process, both runs so far' },
      { name: 'quiet rerun wall time (pages + PDFs)', value: secondMs, unit: 'ms', target: '< 3000 ms', met: secondMs < 3000 && second.summary.ok === ENTRIES },
      { name: 'quiet rerun answered by 304', value: secondStats.notModified, unit: 'requests', target: `all ${2 * ENTRIES}`, met: all304, note: `${secondStats.ok} full answers` },
      { name: 'quiet rerun CPU time', value: secondCpu, unit: 'ms', target: '< first run CPU', met: secondCpu < firstCpu },
    ];
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    child.send('exit');
  }
}
