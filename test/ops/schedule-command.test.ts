import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { schedule as nodeCronSchedule } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerSchedule } from '../../src/cli/commands/schedule.js';
import type { CliIO } from '../../src/shared/io.js';
import { UsageError } from '../../src/shared/io.js';
import type { CronFactory, Job } from '../../src/schedule/scheduler.js';

afterEach(() => {
  vi.useRealTimers();
});

function harness(job: Job) {
  let stderr = '';
  const io: CliIO = {
    stdout: new Writable({ write: (_c, _e, done) => done() }),
    stderr: new Writable({
      write(chunk, _encoding, done) {
        stderr += String(chunk);
        done();
      },
    }),
    cwd: process.cwd(),
    env: {},
  };
  const signals = new EventEmitter();
  const scheduled: { expression: string; timezone: string }[] = [];
  const schedule: CronFactory = (expression, onTick, options) => {
    scheduled.push({ expression, timezone: options.timezone });
    return nodeCronSchedule(expression, onTick, options);
  };
  const exits: number[] = [];
  const program = new Command('aes-watch').exitOverride();
  registerSchedule(program, io, (code) => exits.push(code), { job, signals, schedule });
  const run = (...args: string[]) => program.parseAsync(['schedule', ...args], { from: 'user' });
  return { run, signals, scheduled, exits, stderr: () => stderr };
}

const neverCalled: Job = async () => {
  throw new Error('the job must not run');
};

describe('aes-watch schedule', () => {
  it.each([
    [['--cron', '61 3 * * *'], '--cron "61 3 * * *": minute: 61 is a invalid expression for minute'],
    [['--cron', 'every night'], '--cron "every night": '],
    [['--cron', '17 3 * *'], '--cron "17 3 * *": expected 5 or 6 fields but got 4'],
    [['--tz', 'Europe/Pariss'], '--tz "Europe/Pariss": unknown time zone'],
  ])('rejects %j with a one-line usage error (exit 2) and schedules nothing', async (args, message) => {
    const { run, scheduled } = harness(neverCalled);
    const failure = await run(...args).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message.startsWith(message)).toBe(true);
    expect((failure as Error).message).not.toContain('\n');
    expect(scheduled).toEqual([]);
  });

  it('defaults to nightly at 03:17 Europe/Paris', async () => {
    const { run, signals, scheduled, exits } = harness(neverCalled);
    const running = run();
    await vi.waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]).toEqual({ expression: '17 3 * * *', timezone: 'Europe/Paris' });
    signals.emit('SIGTERM');
    await running;
    expect(exits).toEqual([0]);
  });

  it('runs the job on its cron, and on SIGTERM mid-run aborts it and exits 0 with JSON log lines', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-10T09:00:30Z'));
    const signalsSeen: AbortSignal[] = [];
    const job = vi.fn<Job>(
      (signal) =>
        new Promise((_resolve, reject) => {
          signalsSeen.push(signal);
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const { run, signals, exits, stderr } = harness(job);
    let finished = false;
    const running = run('--cron', '*/10 * * * *', '--tz', 'UTC').then(() => (finished = true));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(job).toHaveBeenCalledTimes(1);
    expect(finished).toBe(false);

    signals.emit('SIGTERM');
    await running;
    expect(signalsSeen[0]?.aborted).toBe(true);
    expect(exits).toEqual([0]);
    const lines = stderr()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.event === 'run')).toMatchObject({ outcome: 'aborted', trigger: 'scheduled' });
    expect(lines.at(-1)).toMatchObject({ event: 'scheduler-stopped', reason: 'SIGTERM' });
  });
});
