/** The standard GitHub Actions environment, read once per run. */
export interface GitHubSettings {
  /** Null only in a dry run without a token: nothing is called then. */
  token: string | null;
  owner: string;
  repo: string;
  /** REST API root without a trailing slash; a GHES URL makes Enterprise work. */
  apiUrl: string;
  /** `${GITHUB_SERVER_URL}/${repo}/actions/runs/${GITHUB_RUN_ID}`, when both are set. */
  reportUrl: string | null;
  /**
   * Milliseconds per second of wait GitHub asks for (Retry-After, rate-limit
   * reset, backoff). 1000 in production; `AES_WATCH_GITHUB_PACE_MS=0` makes
   * tests (and CLI scenario tests) wait for nothing.
   */
  paceMs: number;
}

export type SettingsResult = { kind: 'ok'; settings: GitHubSettings } | { kind: 'invalid'; message: string };

const REPO_RE = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/;

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.href.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** The Actions run page, where the run's reports are: the issue links to it for the full diff. */
export function reportUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
  const server = env.GITHUB_SERVER_URL?.trim() ? httpUrl(env.GITHUB_SERVER_URL.trim()) : null;
  const runId = env.GITHUB_RUN_ID?.trim() ?? '';
  return server && REPO_RE.test(repository) && /^\d+$/.test(runId) ? `${server}/${repository}/actions/runs/${runId}` : null;
}

export function readGitHubSettings(env: NodeJS.ProcessEnv, dryRun: boolean): SettingsResult {
  const token = env.GITHUB_TOKEN?.trim() || null;
  if (!token && !dryRun) return { kind: 'invalid', message: 'GITHUB_TOKEN is not set: cannot update GitHub issues' };
  const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
  const repoMatch = REPO_RE.exec(repository);
  if (!repoMatch) {
    return { kind: 'invalid', message: `GITHUB_REPOSITORY must be "owner/name", got ${JSON.stringify(repository)}` };
  }
  const apiUrl = httpUrl(env.GITHUB_API_URL?.trim() || 'https://api.github.com');
  if (!apiUrl) return { kind: 'invalid', message: `GITHUB_API_URL is not an http(s) URL: ${JSON.stringify(env.GITHUB_API_URL)}` };
  const reportUrl = reportUrlFromEnv(env);
  const pace = Number(env.AES_WATCH_GITHUB_PACE_MS?.trim() || 1000);
  if (!Number.isInteger(pace) || pace < 0) {
    return { kind: 'invalid', message: `AES_WATCH_GITHUB_PACE_MS must be a whole number of milliseconds, got ${JSON.stringify(env.AES_WATCH_GITHUB_PACE_MS)}` };
  }
  return {
    kind: 'ok',
    settings: {
      token,
      owner: repoMatch[1] as string,
      repo: repoMatch[2] as string,
      apiUrl,
      reportUrl,
      paceMs: pace,
    },
  };
}

/** Blanks the token (and anything shaped like a GitHub token) out of text bound for logs or reports. */
export function scrubSecrets(text: string, token: string | null): string {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join('[redacted]');
  return out.replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '[redacted]');
}
