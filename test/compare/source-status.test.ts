import { describe, expect, it } from 'vitest';
import type { SourceObservation } from '../../src/compare/observation.js';
import { sameStatuses, sourceStatuses, statusChanged } from '../../src/compare/source-status.js';

const MAIN = 'https://www.calvados.gouv.fr/Demarches/Sejour/AES';
const CONTACT = 'https://www.calvados.gouv.fr/Demarches/Sejour/Contact';

const page = (url: string, finalUrl = url): SourceObservation => ({
  kind: 'content', url, finalUrl, httpStatus: 200, redirects: [], redirect: { kind: 'none' }, fetchedWith: 'http', title: null, pageUpdated: null,
  text: 'Envoyez votre demande par courrier.', facts: [], fromBaseline: null, baselineText: null, baselinePageUpdated: null, storedNew: false, snapshotPath: '',
});
const gone = (url: string, httpStatus = 404): SourceObservation => ({ kind: 'gone', url, finalUrl: url, httpStatus, redirects: [], fetchedWith: 'http', detail: `HTTP ${httpStatus}` });
const failed = (url: string): SourceObservation => ({
  kind: 'failed', url, reason: 'fetch-failed', detail: 'HTTP 503', outcome: 'http-error', finalUrl: url, httpStatus: 503, redirects: [], fetchedWith: 'http',
});

describe('source statuses', () => {
  it('has one line per source: where a page ended, or how it is gone', () => {
    const now = sourceStatuses(undefined, [page(MAIN, `${MAIN}/`), gone(CONTACT, 410)]);
    expect(Object.keys(now).sort()).toEqual([CONTACT, MAIN].sort());
    expect(now[MAIN]).toContain(`${MAIN}/`);
    expect(now[CONTACT]).toContain('410');
    expect(now[CONTACT]).not.toBe(sourceStatuses(undefined, [gone(CONTACT, 404)])[CONTACT]);
  });

  it('sees a page that disappeared, or now ends elsewhere, as a change', () => {
    const before = sourceStatuses(undefined, [page(MAIN), page(CONTACT)]);
    expect(statusChanged(before, sourceStatuses(before, [page(MAIN), gone(CONTACT)]))).toBe(true);
    expect(statusChanged(before, sourceStatuses(before, [page(MAIN, `${MAIN}-nouvelle-adresse`), page(CONTACT)]))).toBe(true);
  });

  it('sees the same answers again as no change', () => {
    const before = sourceStatuses(undefined, [page(MAIN), gone(CONTACT)]);
    const now = sourceStatuses(before, [page(MAIN), gone(CONTACT)]);
    expect(statusChanged(before, now)).toBe(false);
    expect(sameStatuses(before, now)).toBe(true);
  });

  it('keeps last run\'s line for a source that failed tonight: a 503 night is no change', () => {
    const before = sourceStatuses(undefined, [page(MAIN), gone(CONTACT)]);
    const now = sourceStatuses(before, [failed(MAIN), gone(CONTACT)]);
    expect(now).toEqual(before);
    expect(statusChanged(before, now)).toBe(false);
  });

  it('has no line for a source that failed and was never seen', () => {
    expect(sourceStatuses(undefined, [failed(MAIN), page(CONTACT)])).toEqual(sourceStatuses(undefined, [page(CONTACT)]));
    expect(Object.keys(sourceStatuses({}, [failed(MAIN)]))).toEqual([]);
  });

  it('does not call a first run, or a newly cited source, a change', () => {
    const now = sourceStatuses(undefined, [page(MAIN)]);
    expect(statusChanged(undefined, now)).toBe(false);
    const before = sourceStatuses(undefined, [page(MAIN)]);
    expect(statusChanged(before, sourceStatuses(before, [page(MAIN), gone(CONTACT)]))).toBe(false);
  });

  it('compares status sets whatever their order, and tells unknown from known', () => {
    const a = sourceStatuses(undefined, [gone(CONTACT), page(MAIN)]);
    const b = sourceStatuses(undefined, [page(MAIN), gone(CONTACT)]);
    expect(sameStatuses(a, b)).toBe(true);
    expect(sameStatuses(b, a)).toBe(true);
    expect(sameStatuses(undefined, b)).toBe(false);
    expect(sameStatuses(a, sourceStatuses(undefined, [page(MAIN)]))).toBe(false);
    expect(sameStatuses(a, sourceStatuses(undefined, [page(MAIN), gone(CONTACT, 410)]))).toBe(false);
  });
});
