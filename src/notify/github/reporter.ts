import { EXIT } from '../../shared/exit-codes.js';
import type { Reporter, ReporterContext, ReporterOutcome } from '../../report/reporter.js';
import type { RunReport } from '../../report/schema.js';
import { issueIntents } from '../intents.js';
import { createGitHubClient } from './client.js';
import { createDryRunTracker } from './dry-run-tracker.js';
import { createOctokitTracker } from './octokit-tracker.js';
import { readGitHubSettings, scrubSecrets } from './settings.js';
import { formatSyncSummary, syncIssues } from './sync.js';

interface RequestLikeError {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
}

/** One line a maintainer can act on: which call, what GitHub answered. Never the token. */
export function describeGitHubError(error: unknown, apiUrl: string): string {
  const e = (error ?? {}) as RequestLikeError;
  const call = e.request?.method && e.request.url ? `${e.request.method} ${e.request.url.replace(apiUrl, '')}: ` : '';
  const status = typeof e.status === 'number' ? `HTTP ${e.status} ` : '';
  const message = (e.message ?? String(error)).split('\n')[0]?.slice(0, 300) ?? '';
  return `${call}${status}${message}`.trim();
}

function failed(context: ReporterContext, message: string): ReporterOutcome {
  context.log.error({ reporter: 'github' }, message);
  return { kind: 'failed', message, exitCode: EXIT.notifyFailed };
}

/**
 * Opens, updates and closes GitHub issues from the run's verdicts. Failures
 * never throw: the check's reports are already written, the run ends with
 * exit code 3 and one log line.
 */
export function createGitHubReporter(): Reporter {
  return {
    name: 'github',
    async onRunEnd(report: RunReport, context: ReporterContext): Promise<ReporterOutcome> {
      const read = readGitHubSettings(context.env, context.dryRun);
      if (read.kind === 'invalid') return failed(context, `GitHub issues not updated: ${read.message}`);
      const { settings } = read;
      const repoPath = `${settings.owner}/${settings.repo}`;
      try {
        const links = { reportUrl: settings.reportUrl };
        const intents = report.entries.flatMap((entry) => issueIntents(entry, context.unreachableAfter, links, context.lang));
        const real = settings.token
          ? createOctokitTracker(createGitHubClient(settings, context.log), settings.owner, settings.repo)
          : null;
        const tracker = context.dryRun ? createDryRunTracker(real, repoPath, context.out) : real;
        if (!tracker) return failed(context, 'GitHub issues not updated: GITHUB_TOKEN is not set');
        const summary = formatSyncSummary(await syncIssues(intents, tracker));
        return { kind: 'done', summary: `${context.dryRun ? 'dry run, ' : ''}${repoPath} ${summary}` };
      } catch (error) {
        const detail = scrubSecrets(describeGitHubError(error, settings.apiUrl), settings.token);
        return failed(context, `GitHub issues not updated (${repoPath}): ${detail}`);
      }
    },
  };
}
