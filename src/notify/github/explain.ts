/**
 * Turns what GitHub answered into the one line a maintainer acts on: what
 * happened, what to fix, then the call and GitHub's own words. Never the token
 * (the caller scrubs the line).
 */
interface RequestLikeError {
  status?: number;
  message?: string;
  /** Absent when no answer came back (connection dropped, DNS...): Octokit then says 500. */
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  request?: { method?: string; url?: string; body?: unknown };
}

/** "METHOD /path: HTTP 404 Not Found", the call and GitHub's answer. */
export function describeGitHubError(error: unknown, apiUrl: string): string {
  const e = (error ?? {}) as RequestLikeError;
  const call = e.request?.method && e.request.url ? `${e.request.method} ${e.request.url.replace(apiUrl, '')}: ` : '';
  const status = typeof e.status === 'number' && e.response ? `HTTP ${e.status} ` : '';
  const message = (e.message ?? String(error)).split('\n')[0]?.slice(0, 300) ?? '';
  return `${call}${status}${message}`.trim();
}

function labelName(e: RequestLikeError): string {
  try {
    const raw = e.request?.body;
    const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { name?: unknown } | null | undefined;
    return typeof body?.name === 'string' ? `"${body.name}"` : '';
  } catch {
    return '';
  }
}

/** What to do about it, by what GitHub answered. */
function remedy(e: RequestLikeError, repo: string): string {
  const message = e.message ?? '';
  const isLabelCreate = e.request?.method === 'POST' && /\/labels$/.test(e.request.url ?? '') && !/\/issues\/\d+\/labels$/.test(e.request.url ?? '');
  if (!e.response) {
    return `the connection to GitHub failed before an answer came back: check GITHUB_API_URL and the network; the next run finds what this one did and makes no duplicate`;
  }
  switch (e.status) {
    case 401:
      return 'GitHub rejected the token: set GITHUB_TOKEN to a valid token (in Actions, the built-in one is fine)';
    case 403:
      if (/rate limit/i.test(message) || e.response.headers?.['x-ratelimit-remaining'] === '0') {
        return "GitHub's API rate limit is used up: nothing to fix, the next run catches up";
      }
      if (/not accessible by integration/i.test(message)) {
        return `the token may not write issues on ${repo}: give the workflow job "permissions: issues: write" (or use a token with Issues read and write)`;
      }
      return `the token is not allowed to do this on ${repo}: give it Issues read and write`;
    case 404:
      return `repository ${repo} not found, or the token cannot see it: check GITHUB_REPOSITORY (and GITHUB_API_URL for GitHub Enterprise)`;
    case 410:
      return `issues are disabled on ${repo}: enable them in Settings → General → Features`;
    case 422:
      if (isLabelCreate) return `GitHub refused to create the label ${labelName(e)} on ${repo}: create it by hand in Issues → Labels, then run again`;
      return `GitHub refused the request on ${repo}: this is a bug of aes-watch, please report it`;
    default:
      if ((e.status ?? 0) >= 500) return 'GitHub is failing, even after retries: nothing to fix here, the next run catches up (https://www.githubstatus.com)';
      return `GitHub answered an unexpected error on ${repo}`;
  }
}

export function explainGitHubError(error: unknown, apiUrl: string, repo: string): string {
  return `${remedy((error ?? {}) as RequestLikeError, repo)} [${describeGitHubError(error, apiUrl)}]`;
}
