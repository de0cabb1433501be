import { createHash } from 'node:crypto';
import type { SourceObservation } from '../compare/observation.js';
import type { Verdict } from '../compare/verdict.js';
import type { Discovery } from '../discover/successor.js';
import type { GuideEntry } from '../guide/entry.js';
import type { EntryReport, SourceReport } from './schema.js';

function sourceReport(observation: SourceObservation): SourceReport {
  const common = {
    url: observation.url,
    finalUrl: observation.finalUrl,
    httpStatus: observation.httpStatus,
    fetchedWith: observation.fetchedWith,
    redirects: observation.redirects,
  };
  if (observation.kind === 'content') {
    const diff = observation.fromBaseline?.changed ? observation.fromBaseline.unified : null;
    return {
      ...common,
      outcome: 'fetched',
      pageUpdated: observation.pageUpdated,
      title: observation.title,
      diffFromBaseline: diff,
      baselineText: observation.baselineText,
      currentText: observation.text,
      snapshotPath: observation.snapshotPath,
      documents: observation.documents ?? [],
      forms: observation.forms ?? [],
    };
  }
  return {
    ...common,
    outcome: observation.kind === 'gone' ? 'gone' : observation.outcome,
    pageUpdated: null,
    title: null,
    diffFromBaseline: null,
    baselineText: null,
    currentText: null,
    snapshotPath: null,
    documents: [],
    forms: [],
  };
}

/** What the store knew of an entry before this run. */
export interface EntryHistory {
  /** Consecutive runs, this one included, in which every source failed. */
  consecutiveFailures: number;
  /** The store held nothing of this entry: there is no earlier check to compare with. */
  firstCheck: boolean;
}

/** The report of one entry; `digest` changes exactly when an editor would have something new to read. */
export function entryReport(entry: GuideEntry, verdict: Verdict, observations: SourceObservation[], history: EntryHistory, discovery: Discovery | null = null): EntryReport {
  const sources = observations.map(sourceReport);
  const digest = createHash('sha256')
    .update(
      JSON.stringify({
        status: verdict.status,
        reasons: verdict.reasons.map((r) => [r.code, r.sourceUrl]),
        missing: verdict.facts.missing,
        added: verdict.facts.added,
        diffs: sources.map((s) => s.diffFromBaseline),
        finals: sources.map((s) => s.finalUrl),
        // Only entries with documents or forms carry this key: other digests stay as they were.
        ...(sources.some((s) => s.documents?.length || s.forms?.length)
          ? { linked: sources.map((s) => [s.documents?.map((d) => [d.url, d.status, d.diffFromBaseline]), s.forms?.map((f) => [f.id, f.state])]) }
          : {}),
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    id: entry.id,
    department: entry.department,
    prefecture: entry.prefecture,
    guideUpdated: entry.updated,
    guideFile: entry.location.file,
    status: verdict.status,
    reasons: verdict.reasons,
    changedSinceLastRun: verdict.changedSinceLastRun,
    firstCheck: history.firstCheck,
    consecutiveFailures: history.consecutiveFailures,
    sources,
    facts: verdict.facts,
    digest,
    successors: discovery?.successors ?? [],
    successorsReason: discovery?.reason ?? null,
  };
}
