import { resolve } from 'node:path';
import type { Discovery } from '../discover/successor.js';
import { createPoliteScheduler } from '../fetch/host-queue.js';
import { createHttpFetcher } from '../fetch/http.js';
import { withPoliteness } from '../fetch/polite-fetcher.js';
import { loadGuides } from '../guide/load.js';
import { formatProblem } from '../guide/table.js';
import { acquireRunLock, lockPathFor } from '../schedule/lock.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { createLogger, type Logger } from '../shared/log.js';
import { createFileSnapshotStore } from '../snapshot/store.js';
import { selectEntries } from '../sources/select.js';
import { sourcesOf } from '../sources/source.js';
import { discoverOnDemand } from './discovery.js';
import { discoveryDepsFor } from './discovery-deps.js';
import type { CheckRequest } from './request.js';

/** One entry's answer to `aes-watch discover`. */
export interface DiscoveredEntry {
  id: string;
  department: { code: string; name: string };
  citedUrls: string[];
  successors: Discovery['successors'];
  successorsReason: Discovery['reason'];
  pagesFetched: number;
  fromCache: boolean;
}

export interface DiscoverResult {
  exitCode: number;
  entries: DiscoveredEntry[];
}

export interface DiscoverSeams {
  clock?: Clock;
  log?: Logger;
}

/**
 * `aes-watch discover <id|dept>...`: successor discovery alone, for the named
 * entries whatever their state, on the same polite footing as `check`. It
 * writes only the discovery cache, under the snapshot lock.
 */
export async function runDiscover(request: CheckRequest, io: CliIO, signal?: AbortSignal, seams: DiscoverSeams = {}): Promise<DiscoverResult> {
  const clock = seams.clock ?? systemClock;
  const log = seams.log ?? createLogger({ level: io.env.AES_WATCH_LOG ?? 'info', destination: io.stderr, pretty: false });
  const guides = await loadGuides(request.guides, request.cwd);
  for (const problem of guides.problems) writeLine(io.stderr, formatProblem(problem));
  if (guides.problems.length > 0) return { exitCode: EXIT.usage, entries: [] };
  const selection = selectEntries(guides.entries, request.only);
  if (selection.kind === 'unknown') {
    writeLine(io.stderr, `aes-watch: discover: no guide entry matches ${selection.names.map((n) => `"${n}"`).join(', ')}`);
    return { exitCode: EXIT.usage, entries: [] };
  }

  const snapshotsDir = resolve(request.cwd, request.snapshotsDir);
  const lock = await acquireRunLock(lockPathFor(snapshotsDir), { wait: request.wait, clock });
  if (lock.kind === 'held') {
    writeLine(io.stderr, `aes-watch: another run (pid ${lock.owner.pid}, "${lock.owner.command}") is writing ${request.snapshotsDir}; try again later`);
    return { exitCode: EXIT.locked, entries: [] };
  }
  try {
    const scheduler = createPoliteScheduler({ perHostDelayMs: request.perHostDelayMs, concurrency: request.concurrency, clock });
    const http = withPoliteness(createHttpFetcher({ userAgent: request.userAgent, timeoutMs: request.timeoutMs, maxBodyBytes: request.maxBodyBytes, retries: 0, clock, log }), scheduler);
    const store = createFileSnapshotStore(snapshotsDir, () => clock.now());
    const deps = { ...discoveryDepsFor(request, scheduler, snapshotsDir, { clock, log, warn: (m: string) => log.warn(m), signal }), store };
    const entries = await Promise.all(
      selection.entries.map(async (entry): Promise<DiscoveredEntry> => {
        const sources = sourcesOf(entry, request.entries[entry.id], request.defaultFetch, request.forcedFetch);
        const found = await discoverOnDemand(entry, sources, http, deps);
        return {
          id: entry.id,
          department: entry.department,
          citedUrls: sources.map((source) => source.url),
          successors: found.successors,
          successorsReason: found.reason,
          pagesFetched: found.pagesFetched,
          fromCache: found.fromCache,
        };
      }),
    );
    return { exitCode: EXIT.ok, entries };
  } finally {
    await lock.release();
  }
}
