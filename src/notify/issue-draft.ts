/**
 * What the check pipeline hands to a notifier: the exact GitHub issue it would
 * carry for one entry. Drafts are written to `reports/issues/<id>.md` until
 * GitHub is configured; the GitHub notifier turns them into API calls.
 */
export type IssueKind = 'stale' | 'unreachable';

export interface IssueIdentity {
  entryId: string;
  kind: IssueKind;
  /** The guide's "Dernière mise à jour", ISO: a new guide date is a new issue. */
  guideUpdated: string;
}

export interface IssueDraft {
  identity: IssueIdentity;
  departmentCode: string;
  title: string;
  /** Markdown body, already neutralised and within GitHub's size limit; without the hidden marker. */
  body: string;
  /** Changes when what the editor would review changes; a comment is posted only then. */
  digest: string;
}

/** What one run wants of the tracker for each entry. */
export type IssueIntent =
  | { action: 'open'; draft: IssueDraft }
  | { action: 'resolve'; identity: IssueIdentity; departmentCode: string; comment: string }
  /** Neither open nor close: e.g. an unreachable entry below the threshold. */
  | { action: 'leave'; identity: IssueIdentity };
