/** The fake GitHub's in-memory store, and the JSON shapes it answers with (a subset of GitHub's). */

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  labels: FakeLabel[];
  assignees: { login: string }[];
  user: { login: string };
  comments: number;
  created_at: string;
  pull_request: { url: string } | null;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string };
  created_at: string;
}

export function issueJson(issue: FakeIssue, origin: string, owner: string, repo: string) {
  const { pull_request, ...rest } = issue;
  return {
    ...rest,
    node_id: `I_${issue.id}`,
    url: `${origin}/repos/${owner}/${repo}/issues/${issue.number}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${issue.number}`,
    assignee: issue.assignees[0] ?? null,
    updated_at: issue.created_at,
    closed_at: issue.state === 'closed' ? issue.created_at : null,
    ...(pull_request ? { pull_request } : {}),
  };
}

export const BOT = 'github-actions[bot]';

export function createStore() {
  const issues: FakeIssue[] = [];
  const comments: FakeComment[] = [];
  const labels: FakeLabel[] = [];
  let nextId = 1;
  let clock = Date.UTC(2025, 0, 1);
  const now = () => new Date((clock += 1000)).toISOString();
  const store = {
    issues,
    comments,
    labels,
    findIssue: (n: number) => issues.find((i) => i.number === n),
    mustFind(n: number): FakeIssue {
      const issue = store.findIssue(n);
      if (!issue) throw new Error(`fake GitHub: no issue #${n}`);
      return issue;
    },
    ensureLabel(name: string): FakeLabel {
      const existing = labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (existing) return existing;
      const label = { id: nextId++, name, color: 'ededed', description: null };
      labels.push(label);
      return label;
    },
    createLabel(name: string, color: string, description: string | null): FakeLabel {
      const label = { id: nextId++, name, color, description };
      labels.push(label);
      return label;
    },
    addIssue(fields: { title: string; body: string | null; labels: string[]; author: string; pullRequestUrl?: string }): FakeIssue {
      const issue: FakeIssue = {
        id: nextId++,
        number: issues.length + 1,
        title: fields.title,
        body: fields.body,
        state: 'open',
        state_reason: null,
        labels: fields.labels.map(store.ensureLabel),
        assignees: [],
        user: { login: fields.author },
        comments: 0,
        created_at: now(),
        pull_request: fields.pullRequestUrl ? { url: fields.pullRequestUrl } : null,
      };
      issues.push(issue);
      return issue;
    },
    addComment(issue: FakeIssue, body: string, login: string): FakeComment {
      const comment = { id: nextId++, issue_number: issue.number, body, user: { login }, created_at: now() };
      comments.push(comment);
      issue.comments += 1;
      return comment;
    },
  };
  return store;
}
