import { resolve } from 'node:path';
import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { VERSION } from '../shared/version.js';
import { EXTRACTOR_VERSION } from '../extract/extraction.js';
import { preloadExtractor } from '../extract/lazy.js';
import { createHttpFetcher } from '../fetch/http.js';
import { createPoliteScheduler } from '../fetch/host-queue.js';
import type { Fetcher } from '../fetch/outcome.js';
import { withPoliteness } from '../fetch/polite-fetcher.js';
import { GUIDE_READER } from '../guide/cache.js';
import { loadGuides } from '../guide/load.js';
import { formatProblem } from '../guide/table.js';
import type { EntryReport, RunReport } from '../report/schema.js';
import { acquireRunLock, lockPathFor } from '../schedule/lock.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { createLogger, type Logger } from '../shared/log.js';
import { selectEntries } from '../sources/select.js';
import { sourcesOf } from '../sources/source.js';
import { openGuideCache } from '../snapshot/guide-cache.js';
import { createFileSnapshotStore } from '../snapshot/store.js';
import { StoreTransaction, type StoreFs } from '../snapshot/staging.js';
import { cannotWrite, openRunStore, settleAll } from './run-store.js';
import { checkEntry } from './check-entry.js';
import { startInTurns } from './start-in-turns.js';
import { discoveryDepsFor } from './discovery-deps.js';
import { claimRunFolders } from './folders.js';
import { loadReporting } from './reporting.js';
import type { CheckRequest } from './request.js';

export interface CheckResult {
  exitCode: number;
  summary: { ok: number; stale: number; unreachable: number };
  durationMs: number;
  report: RunReport | null;
}

/** Seams for tests and benchmarks; production uses the defaults. */
export interface CheckSeams {
  clock?: Clock;
  log?: Logger;
  http?: Fetcher;
  browser?: () => Fetcher;
  /** The snapshot store's file system calls (tests simulate a full disk here). */
  fs?: StoreFs;
}

const EMPTY = { ok: 0, stale: 0, unreachable: 0 };

export async function runCheck(request: CheckRequest, io: CliIO, signal?: AbortSignal, seams: CheckSeams = {}): Promise<CheckResult> {
  const clock = seams.clock ?? systemClock;
  const log =
    seams.log ??
    createLogger({
      level: io.env.AES_WATCH_LOG ?? 'info',
      output: () => ({ destination: io.stderr, pretty: io.stderr === process.stderr && process.stderr.isTTY && !io.env.CI }),
    });
  const started = clock.now();
  const done = (exitCode: number, report: RunReport | null = null): CheckResult => ({
    exitCode,
    summary: report?.summary ?? EMPTY,
    durationMs: clock.now().getTime() - started.getTime(),
    report,
  });

  const snapshotsDir = resolve(request.cwd, request.snapshotsDir);
  // Only the bundled CLI knows the guide reader's fingerprint; without it there is no cache.
  const guideCache = GUIDE_READER === null ? undefined : openGuideCache(snapshotsDir, GUIDE_READER);
  const guides = await loadGuides(request.guides, request.cwd, guideCache);
  for (const problem of guides.problems) writeLine(io.stderr, formatProblem(problem));
  // A whole file unusable: nothing is checked. A bad section: the others are, and the run still ends with exit 2.
  if (guides.problems.some((problem) => problem.scope === 'file')) return done(EXIT.usage);
  const badSections = guides.problems.map((problem) => `${formatProblem(problem)} (this section was not checked)`);
  const selection = selectEntries(guides.entries, request.only);
  if (selection.kind === 'unknown') {
    const valid = guides.entries.map((entry) => entry.id).join(', ') || 'none';
    writeLine(io.stderr, `aes-watch: --only: no guide entry matches ${selection.names.map((n) => `"${n}"`).join(', ')}; the guide's entries are: ${valid} (an id or its département code)`);
    return done(EXIT.usage);
  }

  const reportsDir = resolve(request.cwd, request.reportsDir);
  const refused = await claimRunFolders(snapshotsDir, reportsDir);
  if (refused) {
    writeLine(io.stderr, refused);
    return done(EXIT.usage);
  }
  const lock = await acquireRunLock(lockPathFor(snapshotsDir), {
    wait: request.wait,
    clock,
    signal,
    onWait: (owner) => writeLine(io.stderr, `aes-watch: another run (pid ${owner.pid}) is writing ${request.snapshotsDir}; waiting for it to end (--wait)`),
  }).catch((error: unknown) => cannotWrite(error, snapshotsDir));
  if (lock.kind === 'cannot-write') {
    writeLine(io.stderr, `aes-watch: ${lock.error.message}; nothing was changed`);
    return done(EXIT.cannotWrite);
  }
  if (lock.kind === 'held') {
    writeLine(io.stderr, `aes-watch: another run (pid ${lock.owner.pid}, started ${lock.owner.startedAt}, "${lock.owner.command}") is writing ${request.snapshotsDir}; try again later or pass --wait`);
    return done(EXIT.locked);
  }

  const scheduler = createPoliteScheduler({ perHostDelayMs: request.perHostDelayMs, concurrency: request.concurrency, clock });
  // Every fetch, HTTP or browser, waits for its host's turn: one request at a time per prefecture.
  const http = withPoliteness(seams.http ?? createHttpFetcher({ userAgent: request.userAgent, timeoutMs: request.timeoutMs, maxBodyBytes: request.maxBodyBytes, retries: request.retries, clock, log }), scheduler);
  let browser: Fetcher | null = null;
  const browserOnDemand = () => {
    browser ??= withPoliteness(seams.browser?.() ?? lazyBrowser(request, io, log), scheduler);
    return browser;
  };
  const transaction = new StoreTransaction(snapshotsDir, seams.fs);
  const store = createFileSnapshotStore(snapshotsDir, () => clock.now(), { transaction });
  const warnings: string[] = [...badSections];
  // One line for a folder we cannot write; the snapshots stay exactly as they were.
  const storeFailed = (error: Error) => {
    writeLine(io.stderr, `aes-watch: ${error.message}; the snapshots were left as they were`);
    return done(EXIT.cannotWrite);
  };
  const warn = (message: string) => {
    warnings.push(message);
    log.warn(message);
  };
  // Discovery's requests share the run's scheduler: one request at a time per host still holds.
  const discoveryDeps = discoveryDepsFor(request, scheduler, snapshotsDir, { clock, log, warn, signal });
  try {
    const opened = await openRunStore(snapshotsDir, seams.fs);
    if (opened) return storeFailed(opened);
    let allRequested = () => {};
    const readAfter = new Promise<void>((resolve) => (allRequested = resolve));
    const checking = await startInTurns(selection.entries, (entry) =>
      checkEntry(entry, sourcesOf(entry, request.entries[entry.id], request.defaultFetch, request.forcedFetch), {
        http,
        browser: browserOnDemand,
        signal,
        readAfter,
        store,
        clock,
        log,
        unreachableAfter: request.unreachableAfter,
        documentTimeoutMs: request.documentTimeoutMs,
        warn,
        // The search's code loads only for a run that searches, once a page is in.
        discover: request.discovery.enabled ? async (...args) => (await import('./discovery.js')).discoverAfterCheck(...args, { ...discoveryDeps, store }) : undefined,
      }),
    );
    // Every request is made (those to a busy host wait in its queue): the pages can be read now.
    allRequested();
    // Entries never read before will have their pages read: the HTML parser loads while the requests are out.
    const stored = new Set(await store.entryIds());
    if (selection.entries.some((entry) => !stored.has(entry.id))) preloadExtractor();
    // The report stage loads while the first requests are out: on a quiet night the CPU has nothing else to do then.
    const reporting = loadReporting();
    reporting.catch(() => undefined);
    const entries: EntryReport[] | null = await settleAll(checking).catch((error: unknown) => {
      if (transaction.failed) return null;
      throw error;
    });
    if (transaction.failed || entries === null) return storeFailed(transaction.failed ?? new Error('the snapshots could not be written'));
    const cacheFailed = await guideCache?.save(transaction).then(() => null, (error: Error) => error);
    if (cacheFailed) return storeFailed(cacheFailed);
    if (signal?.aborted) {
      // What was observed before the stop is kept, as before; only the report is skipped.
      const failed = await transaction.commit().then(() => null, (error: Error) => error);
      if (failed) return storeFailed(failed);
      log.warn('check aborted: no report written for this run');
      return done(EXIT.ok);
    }
    // The guide section each stale entry could now read, for the report and the issue.
    // Loaded only then: drafting re-reads pages with the HTML parser, which a quiet night never needs.
    if (entries.some((entry) => entry.status === 'stale')) {
      const { draftsForReport } = await import('../propose/report-drafts.js');
      const drafts = await draftsForReport(entries, selection.entries, { cwd: request.cwd, store, settings: request.entries, today: clock.now(), warn: (m) => log.warn(m) });
      for (const entry of entries) if (drafts.has(entry.id)) entry.proposal = drafts.get(entry.id);
    }
    const summary = { ok: 0, stale: 0, unreachable: 0 };
    for (const entry of entries) summary[entry.status] += 1;
    const { RunReport, reportersFor, runReporters, mergeWithLatest, formatSummary } = await reporting;
    const report = RunReport.parse({
      tool: { name: 'aes-watch', version: VERSION, extractorVersion: EXTRACTOR_VERSION },
      startedAt: started.toISOString(),
      finishedAt: clock.now().toISOString(),
      guides: request.guides,
      summary,
      warnings,
      entries,
    });
    const context = { reportsDir, snapshotsDir, log, dryRun: request.dryRun, unreachableAfter: request.unreachableAfter, env: io.env, out: io.stdout, lang: request.lang };
    // An --only run updates its entries in latest.*, and touches only their issues.
    const latest = request.only.length > 0 ? await mergeWithLatest(reportsDir, report) : report;
    const outcomes = await runReporters(await reportersFor(request), report, context, latest);
    // The snapshots land only with their report: a report folder we cannot write leaves them as they were.
    const unwritable = outcomes.find((outcome) => outcome.kind === 'failed' && outcome.exitCode === EXIT.cannotWrite);
    if (unwritable?.kind === 'failed') return storeFailed(new Error(unwritable.message));
    const failed = await transaction.commit().then(() => null, (error: Error) => error);
    if (failed) return storeFailed(failed);
    if (request.json) writeLine(io.stdout, JSON.stringify(report, null, 2));
    writeLine(io.stderr, formatSummary(report, reportsDir, request.cwd));
    if (badSections.length > 0) return done(EXIT.usage, report);
    const failedReporter = outcomes.find((outcome) => outcome.kind === 'failed');
    if (failedReporter?.kind === 'failed') return done(failedReporter.exitCode, report);
    if (entries.some((entry) => request.failOn.includes(entry.status))) return done(EXIT.failOn, report);
    return done(EXIT.ok, report);
  } finally {
    await transaction.discard();
    await (browser as Fetcher | null)?.close?.().catch((error: unknown) => log.warn({ err: error }, 'closing the browser failed'));
    await lock.release();
  }
}

/** Playwright is loaded only when a source really needs a browser. */
function lazyBrowser(request: CheckRequest, io: CliIO, log: Logger): Fetcher {
  let real: Promise<Fetcher> | null = null;
  const get = () =>
    (real ??= import('../fetch/browser.js').then(({ createBrowserFetcher }) =>
      createBrowserFetcher({ timeoutMs: request.timeoutMs, userAgent: request.userAgent, env: io.env, log }),
    ));
  return {
    fetch: async (fetchRequest) => (await get()).fetch(fetchRequest),
    close: async () => {
      if (real) await (await real).close?.();
    },
  };
}
