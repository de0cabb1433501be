import type { SourceObservation } from '../compare/observation.js';
import { sameStatuses, sourceStatuses, statusChanged } from '../compare/source-status.js';
import { judgeEntry } from '../compare/verdict.js';
import type { GuideEntry } from '../guide/entry.js';
import { entryReport } from '../report/entry-report.js';
import type { EntryReport } from '../report/schema.js';
import type { Source } from '../sources/source.js';
import type { Discovery } from '../discover/successor.js';
import type { DocumentDeps } from './observe-document.js';
import { observeLinked } from './observe-linked.js';

export interface EntryDeps extends DocumentDeps {
  /** Successor discovery, when the run does it: null when no source calls for a search. */
  discover?: (entry: GuideEntry, sources: Source[], observations: SourceObservation[]) => Promise<Discovery | null>;
  /** Failed runs before an `unreachable` issue: the stored count stops there. */
  unreachableAfter: number;
}

/**
 * The failure count after tonight. It stops at the threshold (or where an older
 * release left it), so a site that stays down changes no file until it recovers.
 */
export function nextFailureCount(previous: number, unreachable: boolean, threshold: number): number {
  if (!unreachable) return 0;
  return Math.min(previous + 1, Math.max(threshold, previous));
}

/** Reads an entry's linked documents and forms, judges it against its pages, and stores its state. */
export async function judgeObserved(entry: GuideEntry, sources: Source[], pages: SourceObservation[], deps: EntryDeps): Promise<EntryReport> {
  const observations = await observeLinked(entry, sources, pages, deps);
  const verdict = judgeEntry(entry, observations);
  // An interrupted run learnt nothing about the sources: it must not count as a failed night.
  if (deps.signal?.aborted) return entryReport(entry, verdict, observations, { consecutiveFailures: 0, firstCheck: false });

  const { state, damaged, stored } = await deps.store.readState(entry.id);
  if (damaged) deps.warn(`${entry.id}: ${damaged.problem}; moved aside to ${damaged.movedTo.join(', ')}; the failure count starts again`);
  const consecutiveFailures = nextFailureCount(state.consecutiveFailures, verdict.status === 'unreachable', deps.unreachableAfter);
  const statuses = sourceStatuses(state.sources, observations);
  if (statusChanged(state.sources, statuses)) verdict.changedSinceLastRun = true;
  const failing = observations.filter((o) => o.kind === 'failed').map((o) => o.url);
  // Written only when it changes, so a quiet night leaves git clean.
  const next = { consecutiveFailures, sources: statuses, ...(failing.length > 0 ? { failing } : {}) };
  if (consecutiveFailures !== state.consecutiveFailures || !sameStatuses(state.sources, statuses) || String(state.failing ?? []) !== String(failing)) {
    await deps.store.writeState(entry.id, next);
  }

  if (verdict.status === 'ok') {
    // A first run that finds the guide true makes its snapshot the reviewed baseline.
    // A damaged baseline is not a first run: only `accept` replaces it (the verdict says so).
    for (const [index, observation] of observations.entries()) {
      const source = sources[index];
      if (source && observation.kind === 'content' && observation.baselineText === null && !observation.baselineDamaged) {
        await deps.store.promote(entry.id, source.key);
      }
    }
  }
  const discovery = deps.discover ? await deps.discover(entry, sources, observations) : null;
  return entryReport(entry, verdict, observations, { consecutiveFailures, firstCheck: !stored }, discovery);
}
