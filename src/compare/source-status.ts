import type { SourceObservation } from './observation.js';

/**
 * What each cited URL answered, one short line per source: where it ended,
 * and the status when it is gone. A change of these (200 → 404, a new
 * redirect) is news even when no text changed. A failed fetch says nothing
 * about the page (a 503 night is not a change), so it keeps last run's line.
 */
export type SourceStatuses = Record<string, string>;

function statusLine(observation: SourceObservation): string | null {
  switch (observation.kind) {
    case 'failed':
      return null;
    case 'gone':
      return `gone ${observation.httpStatus} ${observation.finalUrl}`;
    case 'content':
      // 200 and 304 are the same answer: the page is there.
      return `page ${observation.finalUrl}`;
  }
}

/** This run's lines over last run's: sources that failed tonight keep what was last known. */
export function sourceStatuses(before: SourceStatuses | undefined, observations: SourceObservation[]): SourceStatuses {
  const now: SourceStatuses = {};
  for (const observation of observations) {
    const line = statusLine(observation) ?? before?.[observation.url];
    if (line !== undefined) now[observation.url] = line;
  }
  return now;
}

/** Whether a source answers differently from last run; unknown before (first run, older state) is not a change. */
export function statusChanged(before: SourceStatuses | undefined, now: SourceStatuses): boolean {
  if (before === undefined) return false;
  return Object.entries(now).some(([url, line]) => url in before && before[url] !== line);
}

export function sameStatuses(a: SourceStatuses | undefined, b: SourceStatuses): boolean {
  return a !== undefined && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}
