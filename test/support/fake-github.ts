import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse } from './fake-github-openapi.js';

/** GitHub names its documentation in every error body. */
const DOCS = 'https://docs.github.com/rest';
import { BOT, commentJson, createStore, issueJson, labelJson, type FakeComment, type FakeIssue, type FakeLabel } from './fake-github-shapes.js';

export { BOT };

/**
 * A fake GitHub REST API on loopback, holding issues, comments and labels in
 * memory. Every request is checked against GitHub's OpenAPI description; an
 * invalid one is answered 400 and listed in `violations` (tests assert it is
 * empty). Faults (5xx, rate limits) can be injected per method and path.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId: string | null;
  authorization: string | undefined;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Perform the request, then answer the error: a crash after GitHub acted. */
  afterApplying?: boolean;
}

export interface FakeGitHub {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  issues: FakeIssue[];
  comments: FakeComment[];
  labels: FakeLabel[];
  requests: RecordedRequest[];
  violations: string[];
  writes(): RecordedRequest[];
  fail(fault: Fault): void;
  /** What a person does in the web UI (no request recorded). */
  person: {
    close(issue: number, reason: 'completed' | 'not_planned'): void;
    comment(issue: number, body: string): void;
    label(issue: number, name: string): void;
    assign(issue: number, login: string): void;
    openPullRequest(title: string, labels: string[]): void;
  };
  /** Puts an issue in place as if the bot had created it in an earlier run. */
  seedIssue(issue: { title: string; body: string; labels: string[] }): number;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { token?: string; owner?: string; repo?: string; host?: string; /** e.g. "/api/v3", as on GitHub Enterprise Server */ prefix?: string } = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'ghs_fakeTokenForTests0123456789abcdef';
  const owner = options.owner ?? 'gisti';
  const repo = options.repo ?? 'aes-watch';
  const store = createStore();
  const { issues, comments, labels } = store;
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: (Fault & { left: number })[] = [];
  const base = `/repos/${owner}/${repo}`;
  let origin = '';

  function page<T>(res: ServerResponse, url: URL, items: T[]): void {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const u = new URL((options.prefix ?? '') + url.pathname + url.search, origin);
      u.searchParams.set('page', String(n));
      return u.href;
    };
    const rels = [
      ...(pageNo < last ? [`<${link(pageNo + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : []),
      ...(pageNo > 1 ? [`<${link(1)}>; rel="first"`, `<${link(pageNo - 1)}>; rel="prev"`] : []),
    ];
    send(res, 200, items.slice((pageNo - 1) * perPage, pageNo * perPage), rels.length ? { link: rels.join(', ') } : {});
  }

  /** The valid request each response answers, so the response can be checked against GitHub's schema too. */
  const answering = new WeakMap<ServerResponse, { method: string; pathname: string }>();

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const request = answering.get(res);
    if (request) {
      const check = checkResponse(request.method, request.pathname, status, body);
      if (!check.ok) violations.push(`response to ${request.method} ${request.pathname}: ${check.problem}`);
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  /** Applies one valid request; returns false when the route is not one the fake supports. */
  function apply(method: string, url: URL, body: Record<string, unknown>, res: ServerResponse): void {
    const path = url.pathname;
    const issueMatch = /^\/issues\/(\d+)(\/comments|\/labels)?$/.exec(path.slice(base.length));
    const issue = issueMatch ? store.findIssue(Number(issueMatch[1])) : undefined;
    if (issueMatch && !issue) return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    const route = `${method} ${issueMatch ? `/issues/:n${issueMatch[2] ?? ''}` : path.slice(base.length)}`;
    switch (route) {
      case 'GET /issues': {
        const state = url.searchParams.get('state') ?? 'open';
        const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean).map((l) => l.toLowerCase());
        const found = issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((w) => i.labels.some((l) => l.name.toLowerCase() === w)))
          .sort((a, b) => b.number - a.number);
        return page(res, url, found.map((i) => issueJson(i, origin, owner, repo)));
      }
      case 'POST /issues': {
        const labelNames = (body.labels as string[] | undefined) ?? [];
        const created = store.addIssue({ title: String(body.title), body: typeof body.body === 'string' ? body.body : null, labels: labelNames, author: BOT });
        return send(res, 201, issueJson(created, origin, owner, repo));
      }
      case 'GET /issues/:n':
        return send(res, 200, issueJson(issue as FakeIssue, origin, owner, repo));
      case 'PATCH /issues/:n': {
        const target = issue as FakeIssue;
        if (typeof body.title === 'string') target.title = body.title;
        if (typeof body.body === 'string') target.body = body.body;
        if (body.state === 'closed' && target.state === 'open') {
          target.state = 'closed';
          target.state_reason = (body.state_reason as FakeIssue['state_reason']) ?? 'completed';
        } else if (body.state === 'open' && target.state === 'closed') {
          target.state = 'open';
          target.state_reason = 'reopened';
        }
        return send(res, 200, issueJson(target, origin, owner, repo));
      }
      case 'GET /issues/:n/comments':
        return page(res, url, comments.filter((c) => c.issue_number === issue?.number).map((c) => commentJson(c, origin, owner, repo)));
      case 'POST /issues/:n/comments':
        return send(res, 201, commentJson(store.addComment(issue as FakeIssue, String(body.body), BOT), origin, owner, repo));
      case 'POST /issues/:n/labels': {
        const target = issue as FakeIssue;
        for (const name of (body.labels as string[]) ?? []) {
          const label = store.ensureLabel(name);
          if (!target.labels.includes(label)) target.labels.push(label);
        }
        return send(res, 200, target.labels.map((l) => labelJson(l, origin, owner, repo)));
      }
      case 'GET /labels':
        return page(res, url, labels.map((l) => labelJson(l, origin, owner, repo)));
      case 'POST /labels': {
        const name = String(body.name);
        if (labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
          return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }], documentation_url: DOCS });
        }
        return send(res, 201, labelJson(store.createLabel(name, String(body.color ?? 'ededed'), (body.description as string) ?? null), origin, owner, repo));
      }
      default:
        violations.push(`fake GitHub does not support ${method} ${path}`);
        return send(res, 501, { message: `fake GitHub does not support ${method} ${path}`, documentation_url: DOCS });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    const prefix = options.prefix ?? '';
    const url = new URL(req.url ?? '/', origin);
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    url.pathname = url.pathname.slice(prefix.length);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const check = checkRequest(method, url.pathname, url.searchParams, body);
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      operationId: check.ok ? check.operationId : null,
      authorization: req.headers.authorization,
    });
    if (!check.ok) {
      violations.push(`${method} ${url.pathname}${url.search}: ${check.problem}`);
      return send(res, 400, { message: `invalid request: ${check.problem}`, documentation_url: DOCS });
    }
    answering.set(res, { method, pathname: url.pathname });
    const [scheme, presented] = (req.headers.authorization ?? '').split(' ');
    if (!/^(token|bearer)$/i.test(scheme ?? '') || presented !== token) return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS });
    if (!url.pathname.startsWith(`${base}/`)) return send(res, 404, { message: 'Not Found', documentation_url: DOCS });
    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.left -= 1;
      if (fault.afterApplying) apply(method, url, (body ?? {}) as Record<string, unknown>, { writeHead: () => ({}), end: () => undefined } as never);
      return send(res, fault.status, { message: fault.message ?? 'Server Error', documentation_url: DOCS }, fault.headers);
    }
    apply(method, url, (body ?? {}) as Record<string, unknown>, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error), documentation_url: DOCS }));
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port, address } = server.address() as AddressInfo;
  origin = `http://${address}:${port}`;

  return {
    apiUrl: origin + (options.prefix ?? ''),
    token,
    owner,
    repo,
    issues,
    comments,
    labels,
    requests,
    violations,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    fail: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    person: {
      close(n, reason) {
        const issue = store.mustFind(n);
        issue.state = 'closed';
        issue.state_reason = reason;
      },
      comment: (n, body) => void store.addComment(store.mustFind(n), body, 'editor'),
      label: (n, name) => void store.mustFind(n).labels.push(store.ensureLabel(name)),
      assign: (n, login) => void store.mustFind(n).assignees.push({ login }),
      openPullRequest: (title, names) =>
        void store.addIssue({ title, body: null, labels: names, author: 'editor', pullRequestUrl: `${origin}${base}/pulls/${issues.length + 1}` }),
    },
    seedIssue: ({ title, body, labels: names }) => store.addIssue({ title, body, labels: names, author: BOT }).number,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
