import type { EntryReport } from '../report/schema.js';
import { DEFAULT_LANG, type Lang } from '../shared/lang.js';
import { draftIssue, type IssueLinks } from './issue-body.js';
import { issueLabelsFor } from './issue-labels.js';
import type { IssueIdentity, IssueIntent, IssueKind } from './issue-draft.js';

function identity(entry: EntryReport, kind: IssueKind): IssueIdentity {
  return { entryId: entry.id, kind, guideUpdated: entry.guideUpdated };
}

function resolve(entry: EntryReport, kind: IssueKind, comment: string): IssueIntent {
  return { action: 'resolve', identity: identity(entry, kind), departmentCode: entry.department.code, comment };
}


/**
 * What one run wants of the tracker for one entry: exactly one intent per
 * kind, stale first. An unreachable run says nothing about staleness, so the
 * stale issue is left as it is.
 */
export function issueIntents(entry: EntryReport, unreachableAfter: number, links: IssueLinks, lang: Lang = DEFAULT_LANG): IssueIntent[] {
  const { resolvedStale, resolvedUnreachable } = issueLabelsFor(lang);
  switch (entry.status) {
    case 'ok':
      return [resolve(entry, 'stale', resolvedStale), resolve(entry, 'unreachable', resolvedUnreachable)];
    case 'stale':
      return [
        { action: 'open', draft: draftIssue(entry, 'stale', links, lang) },
        resolve(entry, 'unreachable', resolvedUnreachable),
      ];
    case 'unreachable':
      return [
        { action: 'leave', identity: identity(entry, 'stale') },
        entry.consecutiveFailures >= unreachableAfter
          ? { action: 'open', draft: draftIssue(entry, 'unreachable', links, lang) }
          : { action: 'leave', identity: identity(entry, 'unreachable') },
      ];
  }
}
