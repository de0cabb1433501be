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

/** A user as GitHub's `simple-user` schema has it. */
function userJson(user: { login: string }, origin: string) {
  const url = `${origin}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: [...user.login].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 1e8,
    node_id: `U_${user.login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/0?v=4`,
    gravatar_id: '',
    url,
    // Bots live under /apps/ on github.com: `github-actions[bot]` is not a valid path.
    html_url: user.login.endsWith('[bot]') ? `https://github.com/apps/${user.login.slice(0, -'[bot]'.length)}` : `https://github.com/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

export function labelJson(label: FakeLabel, origin: string, owner: string, repo: string) {
  return { ...label, node_id: `LA_${label.id}`, url: `${origin}/repos/${owner}/${repo}/labels/${encodeURIComponent(label.name)}`, default: false };
}

export function commentJson(comment: FakeComment, origin: string, owner: string, repo: string) {
  const { issue_number, ...rest } = comment;
  return {
    ...rest,
    node_id: `IC_${comment.id}`,
    url: `${origin}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${issue_number}#issuecomment-${comment.id}`,
    issue_url: `${origin}/repos/${owner}/${repo}/issues/${issue_number}`,
    user: userJson(comment.user, origin),
    updated_at: comment.created_at,
  };
}

export function issueJson(issue: FakeIssue, origin: string, owner: string, repo: string) {
  const { pull_request, ...rest } = issue;
  const url = `${origin}/repos/${owner}/${repo}/issues/${issue.number}`;
  const assignees = issue.assignees.map((a) => userJson(a, origin));
  return {
    ...rest,
    node_id: `I_${issue.id}`,
    url,
    repository_url: `${origin}/repos/${owner}/${repo}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `https://github.com/${owner}/${repo}/issues/${issue.number}`,
    user: userJson(issue.user, origin),
    labels: issue.labels.map((l) => labelJson(l, origin, owner, repo)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    updated_at: issue.created_at,
    closed_at: issue.state === 'closed' ? issue.created_at : null,
    ...(pull_request ? { pull_request: { ...pull_request, html_url: pull_request.url, diff_url: `${pull_request.url}.diff`, patch_url: `${pull_request.url}.patch` } } : {}),
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
