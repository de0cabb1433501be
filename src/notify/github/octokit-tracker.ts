import { parseIssueMarker } from '../marker.js';
import type { GitHubClient } from './client.js';
import { BASE_LABEL } from './labels.js';
import type { TrackedIssue, Tracker } from './tracker.js';

type Label = string | { name?: string | null };
const labelName = (label: Label) => (typeof label === 'string' ? label : (label.name ?? ''));

/** Non-idempotent POSTs are never retried: a 502 may hide a success, and the next run's listing repairs it. */
const NO_RETRY = { request: { retries: 0 } };

function alreadyExists(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: { errors?: { code?: string }[] } } };
  return e.status === 422 && (e.response?.data?.errors ?? []).some((detail) => detail.code === 'already_exists');
}

export function createOctokitTracker(client: GitHubClient, owner: string, repo: string): Tracker {
  const where = { owner, repo };
  return {
    async listIssues() {
      const items = await client.paginate(client.rest.issues.listForRepo, {
        ...where,
        state: 'all',
        labels: BASE_LABEL,
        per_page: 100,
      });
      return items
        .filter((item) => !item.pull_request)
        .map(
          (item): TrackedIssue => ({
            number: item.number,
            title: item.title,
            body: item.body ?? '',
            state: item.state === 'closed' ? 'closed' : 'open',
            stateReason: item.state_reason ?? null,
            labels: item.labels.map(labelName).filter(Boolean),
            author: item.user?.login ?? null,
            marker: parseIssueMarker(item.body),
          }),
        );
    },
    async listComments(issue) {
      const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: issue, per_page: 100 });
      return comments.map((c) => ({ body: c.body ?? '', author: c.user?.login ?? null }));
    },
    async listLabels() {
      const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...where, per_page: 100 });
      return labels.map((l) => l.name);
    },
    async createLabel(label) {
      try {
        await client.rest.issues.createLabel({ ...where, ...label });
      } catch (error) {
        // Another run created it meanwhile: that is the wanted state. Any other refusal is not.
        if (!alreadyExists(error)) throw error;
      }
    },
    async createIssue(issue) {
      const created = await client.rest.issues.create({ ...where, ...issue, ...NO_RETRY });
      return created.data.number;
    },
    async updateIssue(issue, update) {
      await client.rest.issues.update({
        ...where,
        issue_number: issue,
        ...(update.title !== undefined ? { title: update.title } : {}),
        ...(update.body !== undefined ? { body: update.body } : {}),
        ...(update.state ? { state: update.state } : {}),
        ...(update.stateReason ? { state_reason: update.stateReason } : {}),
      });
    },
    async addLabels(issue, labels) {
      await client.rest.issues.addLabels({ ...where, issue_number: issue, labels });
    },
    async comment(issue, body) {
      await client.rest.issues.createComment({ ...where, issue_number: issue, body, ...NO_RETRY });
    },
  };
}
