import { describe, expect, it } from 'vitest';
import { EDITOR_TIME_ZONE, localDateTime, parisOffsetHours } from '../../src/report/local-time.js';
import { seeded } from '../support/seeded.js';

/** Intl with the time-zone database is the reference the computed Paris time must match. */
const intl = (lang: 'fr' | 'en', date: Date) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: EDITOR_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(date);

describe('Paris local time of a run', () => {
  it('prints what Intl prints, in both languages, at 2,000 instants from 2000 to 2040', () => {
    const random = seeded(2026);
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 2000; i++) {
      const date = new Date(from + Math.floor(random() * (to - from)));
      for (const lang of ['fr', 'en'] as const) expect(localDateTime(date.toISOString(), lang), date.toISOString()).toBe(intl(lang, date));
    }
  });

  it('changes offset exactly at 01:00 UTC on the last Sundays of March and October, as Intl does', () => {
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (const at of [change - 60_000, change - 1, change, change + 60_000]) {
          const date = new Date(at);
          expect(localDateTime(date.toISOString(), 'fr'), date.toISOString()).toBe(intl('fr', date));
        }
        expect(parisOffsetHours(new Date(change - 1))).toBe(month === 2 ? 1 : 2);
        expect(parisOffsetHours(new Date(change))).toBe(month === 2 ? 2 : 1);
      }
    }
  });

  it('gives back what is not a date unchanged', () => {
    expect(localDateTime('yesterday', 'fr')).toBe('yesterday');
  });
});
