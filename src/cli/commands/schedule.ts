import type { Command } from 'commander';
import { EXIT } from '../../shared/exit-codes.js';
import { UsageError, type CliIO } from '../../shared/io.js';
import { DEFAULT_CRON, DEFAULT_TIMEZONE, checkCronExpression, checkTimezone } from '../../schedule/cron-expression.js';
import type { SignalSource } from '../../schedule/daemon.js';
import type { CronFactory, Job } from '../../schedule/scheduler.js';

interface ScheduleFlags {
  cron: string;
  tz: string;
  config?: string;
}

/** Seams for tests: a fake job instead of the real check, an emitter instead of `process` signals. */
export interface ScheduleSeams {
  job?: Job;
  signals?: SignalSource;
  schedule?: CronFactory;
}

export function registerSchedule(program: Command, io: CliIO, setExit: (code: number) => void, seams: ScheduleSeams = {}): void {
  program
    .command('schedule')
    .description('Run checks on a cron schedule in a long-lived process (self-hosting); SIGTERM/SIGINT stop it cleanly')
    .option('--cron <expr>', 'when to check, in cron syntax (minute hour day month weekday)', DEFAULT_CRON)
    .option('--tz <zone>', 'time zone the cron expression is read in', DEFAULT_TIMEZONE)
    .option('--config <file>', 'configuration file (default: aes-watch.config.json if present)')
    .action(async (flags: ScheduleFlags) => {
      const cron = checkCronExpression(flags.cron);
      if (cron.kind === 'invalid') throw new UsageError(`--cron "${flags.cron}": ${cron.problem}`);
      const tz = checkTimezone(flags.tz);
      if (tz.kind === 'invalid') throw new UsageError(`--tz "${flags.tz}": ${tz.problem}`);

      const { createLogger } = await import('../../shared/log.js');
      const { createScheduler } = await import('../../schedule/scheduler.js');
      const { runUntilSignalled } = await import('../../schedule/daemon.js');
      // JSON lines even at a terminal: the daemon's log is meant for journald/docker logs.
      const log = createLogger({ pretty: false, destination: io.stderr });
      const job = seams.job ?? (await realCheck(io, flags.config));
      const scheduler = createScheduler({ cron: flags.cron.trim(), timezone: flags.tz, job, log, schedule: seams.schedule });
      await runUntilSignalled(scheduler, { log, signals: seams.signals });
      setExit(EXIT.ok);
    });
}

/**
 * The real check, loaded only when the daemon starts. The configuration is
 * read once now, so a broken file fails at start-up (exit 2) rather than every
 * night, and again before each run, so edits apply without a restart.
 */
async function realCheck(io: CliIO, configPath: string | undefined): Promise<Job> {
  const { checkRequestFromConfig } = await import('../../run/request.js');
  const { runCheck } = await import('../../run/check.js');
  await checkRequestFromConfig(io.cwd, {}, configPath);
  // Off a terminal (journald, docker logs) a tick is one JSON line, the daemon's `run` line:
  // the check's human summary is dropped and only its errors are logged, as JSON.
  const atTerminal = io.stderr === process.stderr && process.stderr.isTTY === true;
  const { createLogger } = await import('../../shared/log.js');
  const { Writable } = await import('node:stream');
  const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() });
  const checkIO: CliIO = atTerminal ? io : { ...io, stdout: nowhere, stderr: nowhere };
  const seams = atTerminal ? {} : { log: createLogger({ level: 'error', pretty: false, destination: io.stderr }) };
  return async (signal) => {
    // wait: false: a manual `check` holding the lock makes this tick skip (exit 4, logged), not queue.
    const request = await checkRequestFromConfig(io.cwd, { wait: false }, configPath);
    const result = await runCheck(request, checkIO, signal, seams);
    return { exitCode: result.exitCode, ...result.summary };
  };
}
