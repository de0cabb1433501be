import type { IssueDraft, IssueIdentity, IssueIntent } from '../issue-draft.js';
import { commentMarkerLine, issueBodyWithMarker, parseCommentMarker, type CommentEvent } from '../marker.js';
import { labelKeeper, labelsFor, sameLabel } from './labels.js';
import type { IssueUpdate, TrackedIssue, Tracker } from './tracker.js';

export interface SyncSummary {
  created: number;
  updated: number;
  reopened: number;
  closed: number;
  duplicatesClosed: number;
  unchanged: number;
}

type Managed = TrackedIssue & { marker: NonNullable<TrackedIssue['marker']> };

const keyOf = (entryId: string, kind: string) => `${entryId}\u0000${kind}`;
const byNumber = (a: Managed, b: Managed) => a.number - b.number;

function identityOf(intent: IssueIntent): IssueIdentity {
  return intent.action === 'open' ? intent.draft.identity : intent.identity;
}

/** The issue that stands for an identity: the oldest open one, else the oldest not closed as a duplicate. */
function canonicalOf(same: Managed[]): Managed | null {
  return same.find((i) => i.state === 'open') ?? same.find((i) => i.stateReason !== 'duplicate') ?? same[0] ?? null;
}

/**
 * Brings the tracker in line with one run's intents. Idempotent: issues are
 * found by their marker (one listing), comments carry their own marker, and a
 * run with nothing new makes no write call. Non-idempotent writes (create,
 * comment) come before the write that records them, so a crash in between is
 * repaired by the next run instead of duplicated.
 */
export async function syncIssues(intents: IssueIntent[], tracker: Tracker): Promise<SyncSummary> {
  const summary: SyncSummary = { created: 0, updated: 0, reopened: 0, closed: 0, duplicatesClosed: 0, unchanged: 0 };
  const active = intents.filter((i) => i.action !== 'leave');
  if (active.length === 0) return summary;

  const groups = new Map<string, Managed[]>();
  for (const issue of await tracker.listIssues()) {
    if (!issue.marker) continue;
    const key = keyOf(issue.marker.entry, issue.marker.kind);
    groups.set(key, [...(groups.get(key) ?? []), issue as Managed]);
  }
  const ensureLabels = labelKeeper(tracker);

  async function commentOnce(issue: Managed, event: CommentEvent, digest: string, text: string): Promise<void> {
    const ours = (await tracker.listComments(issue.number))
      .filter((c) => issue.author === null || c.author === issue.author)
      .map((c) => parseCommentMarker(c.body))
      .filter((m) => m !== null);
    const last = ours[ours.length - 1];
    if (last && last.event === event && last.digest === digest) return;
    await tracker.comment(issue.number, `${text}\n\n${commentMarkerLine({ event, digest })}`);
  }

  async function close(issue: Managed, event: CommentEvent, text: string, reason: 'completed' | 'duplicate') {
    await commentOnce(issue, event, issue.marker.digest, text);
    await tracker.updateIssue(issue.number, { state: 'closed', stateReason: reason });
    issue.state = 'closed';
  }

  async function addMissingLabels(issue: Managed, draft: IssueDraft): Promise<void> {
    const missing = labelsFor(draft.identity, draft.departmentCode).filter((l) => !issue.labels.some((h) => sameLabel(h, l)));
    if (missing.length === 0) return;
    await ensureLabels(missing);
    await tracker.addLabels(issue.number, missing);
  }

  async function refresh(issue: Managed, draft: IssueDraft, event: 'update' | 'reopen', text: string, update: IssueUpdate) {
    await commentOnce(issue, event, draft.digest, `${text}\n\n${draft.body}`);
    await tracker.updateIssue(issue.number, { ...update, title: draft.title, body: issueBodyWithMarker(draft) });
    await addMissingLabels(issue, draft);
  }

  async function open(canonical: Managed | null, draft: IssueDraft): Promise<number> {
    if (!canonical) {
      const labels = labelsFor(draft.identity, draft.departmentCode);
      await ensureLabels(labels);
      summary.created += 1;
      return tracker.createIssue({ title: draft.title, body: issueBodyWithMarker(draft), labels });
    }
    const sameDigest = canonical.marker.digest === draft.digest;
    if (canonical.state === 'open' && sameDigest) {
      summary.unchanged += 1;
    } else if (canonical.state === 'open') {
      await refresh(canonical, draft, 'update', 'aes-watch: there is something new to review. The description is updated; it now reads:', {});
      summary.updated += 1;
    } else if (canonical.stateReason === 'not_planned' && sameDigest) {
      // A person decided this is not worth doing: respect that until the page changes again.
      summary.unchanged += 1;
    } else {
      const why = canonical.stateReason === 'not_planned' ? 'the source changed since this issue was closed as not planned' : 'this guide entry is stale again';
      await refresh(canonical, draft, 'reopen', `aes-watch: reopened because ${why}. The description now reads:`, {
        state: 'open',
        stateReason: 'reopened',
      });
      summary.reopened += 1;
    }
    return canonical.number;
  }

  for (const intent of active) {
    const identity = identityOf(intent);
    const group = groups.get(keyOf(identity.entryId, identity.kind)) ?? [];
    const same = group.filter((i) => i.marker.guide === identity.guideUpdated).sort(byNumber);
    const older = group.filter((i) => i.marker.guide !== identity.guideUpdated && i.state === 'open');
    const canonical = canonicalOf(same);
    for (const duplicate of same) {
      if (duplicate === canonical || duplicate.state !== 'open' || !canonical) continue;
      await close(duplicate, 'duplicate', `aes-watch: duplicate of #${canonical.number}, which tracks the same guide entry.`, 'duplicate');
      summary.duplicatesClosed += 1;
    }
    if (intent.action === 'open') {
      const number = await open(canonical, intent.draft);
      for (const issue of older) {
        const text = `aes-watch: the guide entry now has a newer date (${identity.guideUpdated}); this issue is superseded by #${number}.`;
        await close(issue, 'superseded', text, 'completed');
        summary.closed += 1;
      }
    } else if (intent.action === 'resolve') {
      for (const issue of [...(canonical?.state === 'open' ? [canonical] : []), ...older]) {
        await close(issue, 'close', intent.comment, 'completed');
        summary.closed += 1;
      }
    }
  }
  return summary;
}

export function formatSyncSummary(s: SyncSummary): string {
  return `issues: ${s.created} created, ${s.updated} updated, ${s.reopened} reopened, ${s.closed} closed, ${s.duplicatesClosed} duplicates closed, ${s.unchanged} unchanged`;
}
