import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchGuide, benchSections } from './fixtures.js';
import { forkHosts } from './host-child.js';
import type { BenchResult } from './result.js';
import { twoNights } from './two-nights.js';

const HOSTS = 25;
const ENTRIES = 100;
const LATENCY_MS = 50;

type Stats = { ok: number; notModified: number; pdfBytes: number };

/** 100 entries, each page linking a ~500 KB PDF: a first run reads them all, a quiet rerun must be all 304s within the check targets. */
export async function run(): Promise<BenchResult[]> {
  const hosts = forkHosts('./document-hosts.js', [String(HOSTS), String(LATENCY_MS)]);
  let dir: string | undefined;
  try {
    const origins = await hosts.ask<string[]>('', 'ready');
    dir = await mkdtemp(join(tmpdir(), 'aes-bench-docs-'));
    await writeFile(join(dir, 'guide.txt'), benchGuide('Docs', benchSections('Docs-', ENTRIES, (i) => `${origins[i % HOSTS]}/page-${i}`, (i) => i)));
    const { first, second, peakMb } = await twoNights<Stats>(dir, ['guide.txt'], hosts);
    const read = first.result.report?.entries.flatMap((e) => e.sources.flatMap((s) => s.documents ?? [])).filter((d) => d.read === 'text').length ?? 0;
    const all304 = second.stats.ok === 0 && second.stats.notModified === 2 * ENTRIES;

    return [
      { name: `first run: ${ENTRIES} entries, each linking a PDF`, value: first.ms, unit: 'ms', note: `${first.result.summary.ok} ok, ${read} PDFs read, ${Math.round(first.stats.pdfBytes / 1024 / 1024)} MB of PDF` },
      { name: 'first run CPU time (PDFs read in worker threads)', value: first.cpuMs, unit: 'ms' },
      { name: 'peak RSS with the PDF workers', value: peakMb, unit: 'MB', note: 'whole process, both runs so far' },
      { name: 'quiet rerun wall time (pages + PDFs)', value: second.ms, unit: 'ms', target: '< 3000 ms', met: second.ms < 3000 && second.result.summary.ok === ENTRIES },
      { name: 'quiet rerun answered by 304', value: second.stats.notModified, unit: 'requests', target: `all ${2 * ENTRIES}`, met: all304, note: `${second.stats.ok} full answers` },
      { name: 'quiet rerun CPU time', value: second.cpuMs, unit: 'ms', target: '< first run CPU', met: second.cpuMs < first.cpuMs },
    ];
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    hosts.child.send('exit');
  }
}
