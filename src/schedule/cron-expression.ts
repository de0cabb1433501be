import { lazyRequire } from '../shared/lazy-require.js';

// Loaded when an expression is checked, not when `aes-watch --help` lists the command.
const nodeCron = lazyRequire<typeof import('node-cron')>('node-cron');

/** Nightly, at an off-peak minute (not :00, when every other cron job on the prefecture hosts fires). */
export const DEFAULT_CRON = '17 3 * * *';
export const DEFAULT_TIMEZONE = 'Europe/Paris';

export type ScheduleInputCheck = { kind: 'valid' } | { kind: 'invalid'; problem: string };

/** Checks a cron expression with node-cron's own parser, so what passes here is what will run. */
export function checkCronExpression(expression: string): ScheduleInputCheck {
  const result = nodeCron().validateDetailed(expression.trim());
  if (result.valid) return { kind: 'valid' };
  const first = result.errors[0];
  const problem = first ? (first.field === 'expression' ? first.message : `${first.field}: ${first.message}`) : 'not a cron expression';
  return { kind: 'invalid', problem };
}

/** An IANA zone name the runtime knows (`Europe/Paris`, `UTC`...). */
export function checkTimezone(timezone: string): ScheduleInputCheck {
  if (timezone.trim() === '') return { kind: 'invalid', problem: 'empty time zone' };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return { kind: 'valid' };
  } catch {
    return { kind: 'invalid', problem: 'unknown time zone (expected an IANA name such as Europe/Paris)' };
  }
}
