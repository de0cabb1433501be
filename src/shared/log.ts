import type { DestinationStream, LogFn, Logger as PinoLogger } from 'pino';
import { UsageError } from './io.js';
import { lazyRequire } from './lazy-require.js';

const loadPino = lazyRequire<typeof import('pino')>('pino');

/**
 * The logging calls aes-watch makes, pino's own. Behind them pino loads at the
 * first line written, not before: a quiet night that logs nothing never loads
 * it, and a run's first request does not wait for it. (A pino logger is a
 * Logger too: tests pass their own.)
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/** pino's levels, in its order; `silent` writes nothing. */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
type Method = 'debug' | 'info' | 'warn' | 'error';

function lazyLogger(threshold: number, make: () => PinoLogger): Logger {
  let real: PinoLogger | undefined;
  const get = () => (real ??= make());
  const method = (name: Method): LogFn =>
    ((...args: unknown[]) => {
      if (LEVELS[name] < threshold) return;
      const logger = get();
      Reflect.apply(logger[name], logger, args);
    }) as LogFn;
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (bindings) => lazyLogger(threshold, () => get().child(bindings)),
  };
}

/** Paths pino blanks out wherever they appear: the GitHub token must never reach a log. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'auth',
  '*.auth',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'request.headers.authorization',
  'err.request.headers.authorization',
  'GITHUB_TOKEN',
  '*.GITHUB_TOKEN',
];

export interface LogOutput {
  /** Pretty lines for a person at a terminal; JSON lines in CI. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export interface LogOptions extends LogOutput {
  level?: string;
  /** Where lines go, asked at the first line written: Node builds process.stderr only when it is first read. */
  output?: () => LogOutput;
}

export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? process.env.AES_WATCH_LOG ?? 'info';
  if (level !== 'silent' && !(level in LEVELS)) {
    throw new UsageError(`AES_WATCH_LOG: "${level}" is not a log level (use ${Object.keys(LEVELS).join(', ')} or silent)`);
  }
  const threshold = level === 'silent' ? Number.POSITIVE_INFINITY : LEVELS[level as keyof typeof LEVELS];
  return lazyLogger(threshold, () => pinoLogger(level, options));
}

function pinoLogger(level: string, given: LogOptions): PinoLogger {
  const { pino } = loadPino();
  const options = given.output ? { ...given, ...given.output() } : given;
  const pretty = options.pretty ?? (process.stderr.isTTY === true && !process.env.CI);
  const base = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: null };
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname' } } });
  }
  return pino(base, (options.destination as DestinationStream | undefined) ?? pino.destination(2));
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = lazyLogger(Number.POSITIVE_INFINITY, () => {
  throw new Error('a silent logger writes nothing');
});
