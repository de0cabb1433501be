import { pino, type Logger } from 'pino';
import { UsageError } from './io.js';

export type { Logger };

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

export interface LogOptions {
  level?: string;
  /** Pretty lines for a person at a terminal; JSON lines in CI. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? process.env.AES_WATCH_LOG ?? 'info';
  if (level !== 'silent' && !(level in pino.levels.values)) {
    throw new UsageError(`AES_WATCH_LOG: "${level}" is not a log level (use ${Object.keys(pino.levels.values).join(', ')} or silent)`);
  }
  const pretty = options.pretty ?? (process.stderr.isTTY === true && !process.env.CI);
  const base = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: null };
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname' } } });
  }
  return pino(base, (options.destination as pino.DestinationStream | undefined) ?? pino.destination(2));
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
