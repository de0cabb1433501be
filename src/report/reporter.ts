import type { Lang } from '../shared/lang.js';
import type { Logger } from '../shared/log.js';
import type { EntryReport, RunReport } from './schema.js';

/**
 * Reporters are plugins that listen to the check run (as in Open Terms
 * Archive). The run calls them in turn (standalone ones together) and catches
 * everything: a reporter that fails is logged and marks the run, but never
 * aborts it.
 */
export interface ReporterContext {
  reportsDir: string;
  snapshotsDir: string;
  log: Logger;
  /** Print what would be done instead of doing it (GitHub writes). */
  dryRun: boolean;
  /** Consecutive failed runs before an `unreachable` issue opens. */
  unreachableAfter: number;
  env: NodeJS.ProcessEnv;
  /** Human-facing output (the CLI's stdout), e.g. for dry-run listings. */
  out: NodeJS.WritableStream;
  /** Language of the editor-facing reports and issue bodies (`--lang`); French when absent. */
  lang?: Lang;
}

export type ReporterOutcome =
  | { kind: 'done'; summary: string }
  | { kind: 'failed'; message: string; /** Exit code the CLI should end with (e.g. notify failed). */ exitCode: number };

export interface Reporter {
  name: string;
  /** Writes `latest.*`: gets the whole picture (see merge-latest.ts), not only the entries this run checked. */
  writesLatest?: boolean;
  /** Touches nothing another reporter reads or writes: runs at the same time as the reporters next to it that say so too. */
  standalone?: boolean;
  onEntry?(entry: EntryReport, context: ReporterContext): Promise<void> | void;
  onRunEnd(report: RunReport, context: ReporterContext): Promise<ReporterOutcome>;
}
