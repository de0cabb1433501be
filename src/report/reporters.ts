import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isDiskError, StoreWriteError } from '../shared/disk-error.js';
import { EXIT } from '../shared/exit-codes.js';
import type { Config } from '../shared/config.js';
import { renderMarkdownReport } from './markdown.js';
import type { Reporter, ReporterContext, ReporterOutcome } from './reporter.js';
import type { RunReport } from './schema.js';

async function writeReportFile(context: ReporterContext, name: string, content: string): Promise<ReporterOutcome> {
  const path = join(context.reportsDir, name);
  try {
    await mkdir(context.reportsDir, { recursive: true });
    await writeFileAtomic(path, content);
  } catch (error) {
    throw isDiskError(error) ? StoreWriteError.from(error, path) : error;
  }
  return { kind: 'done', summary: path };
}

/** A reporter that renders the whole run into one file of `reportsDir`. */
function fileReporter(name: string, file: string, render: (report: RunReport, context: ReporterContext) => string | Promise<string>): Reporter {
  return { name, writesLatest: true, standalone: true, onRunEnd: async (report, context) => writeReportFile(context, file, await render(report, context)) };
}

export const jsonReporter = fileReporter('json', 'latest.json', (report) => JSON.stringify(report, null, 2) + '\n');
export const markdownReporter = fileReporter('markdown', 'latest.md', (report, context) => renderMarkdownReport(report, context.lang));
export const htmlReporter = fileReporter('html', 'latest.html', async (report, context) => {
  const { renderHtmlReport } = await import('./html.js');
  return renderHtmlReport(report, context.lang);
});

/** The reporters a check run notifies, in order: files first, so a GitHub outage cannot cost the reports. */
export async function reportersFor(request: Pick<Config, 'issues'>): Promise<Reporter[]> {
  const { createDraftsReporter } = await import('../notify/drafts-reporter.js');
  const reporters = [jsonReporter, markdownReporter, htmlReporter, createDraftsReporter()];
  // Octokit loads only for runs that talk to GitHub.
  if (request.issues === 'github') reporters.push((await import('../notify/github/index.js')).createGitHubReporter());
  return reporters;
}

/** Every reporter runs; one that throws is logged and reported as failed, never aborting the others. */
export async function runReporters(reporters: Reporter[], report: RunReport, context: ReporterContext, latest: RunReport = report): Promise<ReporterOutcome[]> {
  const outcomes: ReporterOutcome[] = [];
  for (let at = 0; at < reporters.length; ) {
    // Standalone reporters next to each other run together: their file writes wait on the disk at the same time.
    let end = at + 1;
    while (reporters[at]?.standalone && reporters[end]?.standalone) end += 1;
    outcomes.push(...(await Promise.all(reporters.slice(at, end).map((reporter) => runReporter(reporter, report, context, latest)))));
    at = end;
  }
  return outcomes;
}

async function runReporter(reporter: Reporter, report: RunReport, context: ReporterContext, latest: RunReport): Promise<ReporterOutcome> {
  try {
    const input = reporter.writesLatest ? latest : report;
    for (const entry of input.entries) await reporter.onEntry?.(entry, context);
    return await reporter.onRunEnd(input, context);
  } catch (error) {
    if (isDiskError(error) || error instanceof StoreWriteError) {
      // A full or read-only report folder is the operator's to fix, not a reporter bug.
      const failure = StoreWriteError.from(error, (error as NodeJS.ErrnoException).path ?? context.reportsDir);
      return { kind: 'failed', message: failure.message, exitCode: EXIT.cannotWrite };
    }
    context.log.error({ reporter: reporter.name, err: error }, `reporter ${reporter.name} failed`);
    return { kind: 'failed', message: `${reporter.name}: ${(error as Error).message}`, exitCode: EXIT.notifyFailed };
  }
}
