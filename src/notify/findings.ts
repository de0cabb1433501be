import { createHash } from 'node:crypto';
import type { EntryReport, ReasonCode, SourceReport } from '../report/schema.js';
import type { IssueKind } from './issue-draft.js';

/**
 * What an editor would review for one entry, and nothing about how the pages
 * were fetched (HTTP 200 or 304, HTTP or browser, retries, timings, run ids).
 * The issue digest is made from this alone, so a write to GitHub happens only
 * when a finding changes.
 */
export const FAILURE_REASONS: readonly ReasonCode[] = ['fetch-failed', 'extraction-failed'];

/** A source's findings: where it points now, its date and its diff; a failed fetch only as "failed". */
function sourceFindings(source: SourceReport) {
  if (source.outcome === 'fetched') {
    return {
      url: source.url,
      finalUrl: source.finalUrl,
      redirects: source.redirects,
      pageUpdated: source.pageUpdated,
      diff: source.diffFromBaseline,
    };
  }
  if (source.outcome === 'gone') return { url: source.url, gone: source.httpStatus, finalUrl: source.finalUrl, redirects: source.redirects };
  // Timeout one night, 502 the next: the same finding, "this source failed".
  return { url: source.url, failed: true };
}

export function entryFindings(entry: EntryReport) {
  return {
    entry: entry.id,
    guideUpdated: entry.guideUpdated,
    status: entry.status,
    reasons: entry.reasons.map((r) => ({
      code: r.code,
      sourceUrl: r.sourceUrl,
      detail: FAILURE_REASONS.includes(r.code) ? null : r.detail,
    })),
    missing: entry.facts.missing,
    added: entry.facts.added,
    sources: entry.sources.map(sourceFindings),
  };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/**
 * The digest in the issue marker. Stale: every finding. Unreachable: only
 * which sources the outage is about, so a flapping error does not comment
 * every night.
 */
export function findingsDigest(entry: EntryReport, kind: IssueKind): string {
  if (kind === 'unreachable') {
    return sha(JSON.stringify({ kind, id: entry.id, guide: entry.guideUpdated, urls: entry.sources.map((s) => s.url) }));
  }
  return sha(JSON.stringify({ kind, ...entryFindings(entry) }));
}
