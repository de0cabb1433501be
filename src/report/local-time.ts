import type { Lang } from '../shared/lang.js';

/** Editors live in France: run times are shown in Paris local time, daylight saving included. */
export const EDITOR_TIME_ZONE = 'Europe/Paris';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "2026-12-01T14:42:12Z" → "1 décembre 2026 à 15:42" (fr) or "1 December 2026 at 15:42" (en). */
export function localDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: EDITOR_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** "2023-02-22" → "22/02/2023", as the guide and the prefecture pages print dates. */
export function frenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
