import type { Lang } from '../shared/lang.js';

/** Editors live in France: run times are shown in Paris local time, daylight saving included. */
export const EDITOR_TIME_ZONE = 'Europe/Paris';

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const AT: Record<Lang, string> = { fr: 'à', en: 'at' };
const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based), when EU clocks change. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * Paris is UTC+2 from the last Sunday of March to the last Sunday of October
 * (EU rule since 1996), UTC+1 otherwise. Computed rather than asked of Intl:
 * its first use loads the ICU time-zone and locale data, which costs a quiet
 * night more than writing all its reports (test/report/local-time.test.ts
 * holds this to Intl's answer around every clock change).
 */
export function parisOffsetHours(date: Date): 1 | 2 {
  const year = date.getUTCFullYear();
  const time = date.getTime();
  return time >= lastSundayOneUtc(year, 2) && time < lastSundayOneUtc(year, 9) ? 2 : 1;
}

/** "2026-12-01T14:42:12Z" → "1 décembre 2026 à 15:42" (fr) or "1 December 2026 at 15:42" (en), as Intl's long date and short time print them. */
export function localDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const paris = new Date(date.getTime() + parisOffsetHours(date) * HOUR);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${paris.getUTCDate()} ${MONTHS[lang][paris.getUTCMonth()]} ${paris.getUTCFullYear()} ${AT[lang]} ${two(paris.getUTCHours())}:${two(paris.getUTCMinutes())}`;
}

/** "2023-02-22" → "22/02/2023", as the guide and the prefecture pages print dates. */
export function frenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
