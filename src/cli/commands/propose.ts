import type { Command } from 'commander';
import { integer } from '../options.js';
import type { CliIO } from '../../shared/io.js';

interface ProposeFlags {
  guide?: string[];
  snapshots?: string;
  reports?: string;
  source?: string;
  json?: boolean;
  write?: boolean;
  force?: boolean;
  perHostDelay?: number;
  timeout?: number;
  config?: string;
}

export function registerPropose(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('propose')
    .description("Draft a stale entry's guide section from the prefecture's page; print the diff, or write it with --write")
    .argument('<id|dept...>', 'entry ids or département codes')
    .option('--source <url>', 'draft from this page (e.g. the successor of a gone page) instead of the latest snapshot')
    .option('--json', 'print {entryId, guideFile, section, diff, source, facts, needsReview}')
    .option('--write', 'replace the section in the guide file (atomic; every other byte kept)')
    .option('--force', 'with --write: write a draft that still has [À VÉRIFIER] lines')
    .option('--guide <file...>', 'guide documents or folders (default: data/guides)')
    .option('--snapshots <dir>', 'snapshot folder (default: snapshots)')
    .option('--reports <dir>', 'report folder, to know which pages the last check found gone (default: reports)')
    .option('--per-host-delay <ms>', 'pause between two requests to the same host (default: 1000)', integer(0))
    .option('--timeout <ms>', 'per-request timeout (default: 30000)', integer(1))
    .option('--config <file>', 'configuration file (default: aes-watch.config.json if present)')
    .action(async (names: string[], flags: ProposeFlags) => {
      const { checkRequestFromConfig } = await import('../../run/request.js');
      const { runPropose } = await import('../../propose/command.js');
      const request = await checkRequestFromConfig(
        io.cwd,
        { guides: flags.guide, snapshotsDir: flags.snapshots, reportsDir: flags.reports, perHostDelayMs: flags.perHostDelay, timeoutMs: flags.timeout },
        flags.config,
      );
      setExit(
        await runPropose(
          { ...request, names, source: flags.source ?? null, json: Boolean(flags.json), write: Boolean(flags.write), force: Boolean(flags.force) },
          io,
        ),
      );
    });
}
