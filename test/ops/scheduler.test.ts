import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CRON, DEFAULT_TIMEZONE } from '../../src/schedule/cron-expression.js';
import { runUntilSignalled } from '../../src/schedule/daemon.js';
import { createScheduler, type Job, type JobSummary, type Scheduler } from '../../src/schedule/scheduler.js';
import { capturedLog, deferred } from './support/log-lines.js';

const SUMMARY: JobSummary = { exitCode: 0, ok: 2, stale: 1, unreachable: 1 };
const MINUTE = 60_000;
let scheduler: Scheduler | null = null;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await scheduler?.stop('test over');
  scheduler = null;
  vi.useRealTimers();
});

/** A job the test drives: each call waits until the test resolves it, and it rejects on abort like a fetch would. */
function controllableJob() {
  const runs: { signal: AbortSignal; finish: (summary: JobSummary) => void; fail: (error: unknown) => void }[] = [];
  const job = vi.fn<Job>((signal) => {
    const run = deferred<JobSummary>();
    signal.addEventListener('abort', () => run.reject(signal.reason));
    runs.push({ signal, finish: run.resolve, fail: run.reject });
    return run.promise;
  });
  return { job, runs };
}

function start(cron: string, timezone: string, job: Job) {
  const captured = capturedLog();
  scheduler = createScheduler({ cron, timezone, job, log: captured.log });
  scheduler.start();
  return { scheduler, ...captured };
}

describe('scheduler (node-cron under fake timers)', () => {
  it('fires the default nightly tick at 03:17 Paris time and logs one JSON line with counts and duration', async () => {
    vi.setSystemTime(new Date('2025-03-10T02:16:00Z')); // 03:16 in Paris (CET)
    const { job, runs } = controllableJob();
    const { lines } = start(DEFAULT_CRON, DEFAULT_TIMEZONE, job);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(job).toHaveBeenCalledTimes(1);
    expect(new Date().toISOString()).toBe('2025-03-10T02:17:00.000Z');

    await vi.advanceTimersByTimeAsync(90_000); // the check takes a minute and a half
    runs[0]?.finish(SUMMARY);
    await vi.advanceTimersByTimeAsync(0);
    const runLines = lines().filter((line) => line.event === 'run');
    expect(runLines).toHaveLength(1);
    expect(runLines[0]).toMatchObject({ outcome: 'completed', trigger: 'scheduled', exitCode: 0, ok: 2, stale: 1, unreachable: 1, durationMs: 90_000 });

    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE); // next night, same time
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('skips and logs a tick that arrives while the previous run is still in progress', async () => {
    vi.setSystemTime(new Date('2025-03-10T09:00:30Z'));
    const { job, runs } = controllableJob();
    const { lines } = start('*/5 * * * *', 'UTC', job);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * MINUTE); // the 09:10 tick: still running
    expect(job).toHaveBeenCalledTimes(1);
    const skipped = lines().filter((line) => line.event === 'tick-skipped');
    expect(skipped).toEqual([expect.objectContaining({ reason: 'overlap', runningSince: '2025-03-10T09:05:00.000Z', level: 40 })]);

    runs[0]?.finish(SUMMARY);
    await vi.advanceTimersByTimeAsync(5 * MINUTE); // 09:15: free again
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('shuts down mid-run: stops ticking, aborts the run, waits for it to settle', async () => {
    vi.setSystemTime(new Date('2025-03-10T09:00:30Z'));
    let settled = false;
    const job = vi.fn<Job>(
      (signal) =>
        new Promise((_resolve, reject) =>
          // The check needs 2 s after the abort to let its fetches unwind.
          signal.addEventListener('abort', () => setTimeout(() => ((settled = true), reject(signal.reason)), 2_000)),
        ),
    );
    const { scheduler, lines } = start('*/5 * * * *', 'UTC', job);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(scheduler.isRunning()).toBe(true);
    const signal = job.mock.calls[0]?.[0];

    let stopped = false;
    const stopping = scheduler.stop('SIGTERM').then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(signal?.aborted).toBe(true);
    expect(stopped).toBe(false); // still waiting for the run to settle
    await vi.advanceTimersByTimeAsync(2_000);
    await stopping;
    expect(settled).toBe(true);
    expect(scheduler.isRunning()).toBe(false);
    // 30 s running (the tick came at 09:05:00, we stopped at 09:05:30) + 2 s unwinding
    expect(lines().filter((line) => line.event === 'run')).toEqual([expect.objectContaining({ outcome: 'aborted', durationMs: 32_000 })]);

    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
    expect(await scheduler.runNow('manual')).toEqual({ kind: 'skipped', reason: 'stopped' });
  });

  it('logs a failed run and keeps going: the next tick runs', async () => {
    vi.setSystemTime(new Date('2025-03-10T09:00:30Z'));
    const { job, runs } = controllableJob();
    const { lines } = start('*/5 * * * *', 'UTC', job);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    runs[0]?.fail(new Error('guide folder vanished'));
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(job).toHaveBeenCalledTimes(2);
    const failed = lines().find((line) => line.event === 'run');
    expect(failed).toMatchObject({ outcome: 'failed', level: 50, err: expect.objectContaining({ message: 'guide folder vanished' }) });
  });

  it('runNow reports the outcome of the run', async () => {
    const job = vi.fn<Job>(async () => SUMMARY);
    const captured = capturedLog();
    scheduler = createScheduler({ cron: DEFAULT_CRON, timezone: DEFAULT_TIMEZONE, job, log: captured.log });
    expect(await scheduler.runNow('manual')).toEqual({ kind: 'completed', summary: SUMMARY, durationMs: 0 });
  });
});

describe('runUntilSignalled', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s mid-run: aborts the check, resolves once settled, removes its listeners', async (name) => {
    vi.setSystemTime(new Date('2025-03-10T09:00:30Z'));
    const { job } = controllableJob();
    const captured = capturedLog();
    scheduler = createScheduler({ cron: '*/5 * * * *', timezone: 'UTC', job, log: captured.log });
    const signals = new EventEmitter();
    const running = runUntilSignalled(scheduler, { log: captured.log, signals });
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
    expect(signals.listenerCount(name)).toBe(1);

    signals.emit(name);
    signals.emit(name); // a second Ctrl-C while stopping is only logged
    expect(await running).toBe(name);
    expect(job.mock.calls[0]?.[0].aborted).toBe(true);
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
    const events = captured.lines().map((line) => line.event);
    expect(events).toEqual(['scheduler-started', 'signal', 'scheduler-stopping', 'signal', 'run', 'scheduler-stopped']);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
