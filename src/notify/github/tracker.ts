import type { IssueMarker } from '../marker.js';

/**
 * The few issue-tracker operations the sync needs. The Octokit tracker makes
 * them real; the dry-run tracker prints the writes instead.
 */
export interface TrackedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  /** Who opened it: the bot. Only its comments' markers are trusted. */
  author: string | null;
  /** Null when the body carries no (valid) aes-watch marker: not ours to manage. */
  marker: IssueMarker | null;
}

export interface TrackedComment {
  body: string;
  author: string | null;
}

export interface IssueUpdate {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export interface Tracker {
  /** Every issue labelled `aes-watch`, open and closed, pull requests excluded: one paginated listing. */
  listIssues(): Promise<TrackedIssue[]>;
  listComments(issue: number): Promise<TrackedComment[]>;
  listLabels(): Promise<string[]>;
  createLabel(label: LabelSpec): Promise<void>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<number>;
  updateIssue(issue: number, update: IssueUpdate): Promise<void>;
  /** Adds labels; never removes any. */
  addLabels(issue: number, labels: string[]): Promise<void>;
  comment(issue: number, body: string): Promise<void>;
}
