import type { EntryReport } from '../report/schema.js';
import { draftIssue, type IssueLinks } from './issue-body.js';
import type { IssueIdentity, IssueIntent, IssueKind } from './issue-draft.js';

function identity(entry: EntryReport, kind: IssueKind): IssueIdentity {
  return { entryId: entry.id, kind, guideUpdated: entry.guideUpdated };
}

function resolve(entry: EntryReport, kind: IssueKind, comment: string): IssueIntent {
  return { action: 'resolve', identity: identity(entry, kind), departmentCode: entry.department.code, comment };
}

const STALE_RESOLVED =
  'aes-watch: this guide entry matches its sources again (verdict: ok), so this issue is closed. It reopens if the entry goes stale again.';
const UNREACHABLE_RESOLVED =
  'aes-watch: the sources of this guide entry were fetched successfully again, so this issue is closed.';

/**
 * What one run wants of the tracker for one entry: exactly one intent per
 * kind, stale first. An unreachable run says nothing about staleness, so the
 * stale issue is left as it is.
 */
export function issueIntents(entry: EntryReport, unreachableAfter: number, links: IssueLinks): IssueIntent[] {
  switch (entry.status) {
    case 'ok':
      return [resolve(entry, 'stale', STALE_RESOLVED), resolve(entry, 'unreachable', UNREACHABLE_RESOLVED)];
    case 'stale':
      return [
        { action: 'open', draft: draftIssue(entry, 'stale', links) },
        resolve(entry, 'unreachable', UNREACHABLE_RESOLVED),
      ];
    case 'unreachable':
      return [
        { action: 'leave', identity: identity(entry, 'stale') },
        entry.consecutiveFailures >= unreachableAfter
          ? { action: 'open', draft: draftIssue(entry, 'unreachable', links) }
          : { action: 'leave', identity: identity(entry, 'unreachable') },
      ];
  }
}
