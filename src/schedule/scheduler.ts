import { setMaxListeners } from 'node:events';
import { schedule as nodeCronSchedule } from 'node-cron';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';

/** What one run reports back: the check's exit code and verdict counts. */
export interface JobSummary {
  exitCode: number;
  ok: number;
  stale: number;
  unreachable: number;
}

export type Job = (signal: AbortSignal) => Promise<JobSummary>;

export type RunOutcome =
  | { kind: 'completed'; summary: JobSummary; durationMs: number }
  | { kind: 'failed'; error: unknown; durationMs: number }
  | { kind: 'aborted'; durationMs: number }
  | { kind: 'skipped'; reason: 'overlap' | 'stopped' };

/** The part of a node-cron task the scheduler uses. */
export interface CronTask {
  stop(): void | Promise<void>;
  destroy?(): void | Promise<void>;
  getNextRun?(): Date | null;
}

export type CronFactory = (expression: string, onTick: () => void, options: { timezone: string; name: string; logger: CronLogger }) => CronTask;

interface CronLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error, err?: Error): void;
  debug(message: string | Error, err?: Error): void;
}

export interface SchedulerOptions {
  cron: string;
  timezone: string;
  job: Job;
  log: Logger;
  clock?: Clock;
  /** Defaults to node-cron; tests may pass their own. */
  schedule?: CronFactory;
  name?: string;
}

export interface Scheduler {
  start(): void;
  /** Runs the job now unless one is in progress (then the tick is skipped and logged). */
  runNow(trigger: 'scheduled' | 'manual'): Promise<RunOutcome>;
  /** Stops ticking, aborts the run in progress and waits for it to settle. Idempotent. */
  stop(reason: string): Promise<void>;
  isRunning(): boolean;
  nextRun(): Date | null;
}

const nodeCron: CronFactory = (expression, onTick, options) => nodeCronSchedule(expression, onTick, options);

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { job, log } = options;
  const clock = options.clock ?? systemClock;
  const schedule = options.schedule ?? nodeCron;
  let task: CronTask | null = null;
  let current: { promise: Promise<RunOutcome>; controller: AbortController; startedAt: Date } | null = null;
  let stopping: Promise<void> | null = null;

  async function execute(trigger: string, controller: AbortController, startedAt: Date): Promise<RunOutcome> {
    const elapsed = () => clock.now().getTime() - startedAt.getTime();
    const base = { event: 'run', trigger, startedAt: startedAt.toISOString() };
    try {
      const summary = await job(controller.signal);
      const durationMs = elapsed();
      if (controller.signal.aborted) {
        log.warn({ ...base, outcome: 'aborted', durationMs }, 'check aborted by shutdown');
        return { kind: 'aborted', durationMs };
      }
      log.info({ ...base, outcome: 'completed', ...summary, durationMs }, 'scheduled check finished');
      return { kind: 'completed', summary, durationMs };
    } catch (error) {
      const durationMs = elapsed();
      if (controller.signal.aborted) {
        log.warn({ ...base, outcome: 'aborted', durationMs }, 'check aborted by shutdown');
        return { kind: 'aborted', durationMs };
      }
      // A failed night must not kill the daemon: log it and wait for the next tick.
      log.error({ ...base, outcome: 'failed', err: error, durationMs }, 'scheduled check failed');
      return { kind: 'failed', error, durationMs };
    }
  }

  function runNow(trigger: 'scheduled' | 'manual'): Promise<RunOutcome> {
    if (stopping) {
      log.warn({ event: 'tick-skipped', trigger, reason: 'stopped' }, 'tick skipped: shutting down');
      return Promise.resolve({ kind: 'skipped', reason: 'stopped' });
    }
    if (current) {
      log.warn(
        { event: 'tick-skipped', trigger, reason: 'overlap', runningSince: current.startedAt.toISOString() },
        'tick skipped: the previous check is still running',
      );
      return Promise.resolve({ kind: 'skipped', reason: 'overlap' });
    }
    const controller = new AbortController();
    // Every request in flight listens to the run's signal (up to one per host fetched at once): many, not a leak.
    setMaxListeners(0, controller.signal);
    const startedAt = clock.now();
    const promise = execute(trigger, controller, startedAt).finally(() => {
      current = null;
    });
    current = { promise, controller, startedAt };
    return promise;
  }

  return {
    start() {
      if (task || stopping) return;
      const name = options.name ?? 'aes-watch-check';
      task = schedule(options.cron, () => void runNow('scheduled'), { timezone: options.timezone, name, logger: cronLogger(log) });
      log.info({ event: 'scheduler-started', cron: options.cron, timezone: options.timezone, nextRun: task.getNextRun?.()?.toISOString() ?? null }, 'scheduler started');
    },
    runNow,
    stop(reason) {
      stopping ??= (async () => {
        log.info({ event: 'scheduler-stopping', reason, runInProgress: current !== null }, 'scheduler stopping');
        await task?.stop();
        await task?.destroy?.();
        task = null;
        const running = current;
        if (running) {
          running.controller.abort(new Error(`shutdown (${reason})`));
          await running.promise;
        }
        log.info({ event: 'scheduler-stopped', reason }, 'scheduler stopped');
      })();
      return stopping;
    },
    isRunning: () => current !== null,
    nextRun: () => task?.getNextRun?.() ?? null,
  };
}

/** node-cron's own warnings (missed ticks...) go to our JSON log, not to the console. */
function cronLogger(log: Logger): CronLogger {
  const child = log.child({ component: 'node-cron' });
  return {
    info: (message) => child.debug(message),
    warn: (message) => child.warn(message),
    error: (message, err) => child.error({ err: err ?? message }, String(message)),
    debug: (message) => child.debug(String(message)),
  };
}
