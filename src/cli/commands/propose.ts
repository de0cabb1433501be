import type { Command } from 'commander';
import { siteRequest, withSiteOptions, type SiteFlags } from '../options.js';
import type { CliIO } from '../../shared/io.js';

interface ProposeFlags extends SiteFlags {
  reports?: string;
  source?: string;
  json?: boolean;
  write?: boolean;
  force?: boolean;
}

export function registerPropose(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('propose')
    .description("Draft a stale entry's guide section from the prefecture's page; print the diff, or write it with --write")
    .argument('<id|dept...>', 'entry ids or département codes')
    .option('--source <url>', 'draft from this page (e.g. the successor of a gone page) instead of the latest snapshot')
    .option('--json', 'print {entryId, guideFile, section, diff, source, facts, needsReview}')
    .option('--write', 'replace the section in the guide file (atomic; every other byte kept)')
    .option('--force', 'with --write: write a draft that still has [À VÉRIFIER] lines');
  withSiteOptions(command)
    .option('--reports <dir>', 'report folder, to know which pages the last check found gone (default: reports)')
    .action(async (names: string[], flags: ProposeFlags) => {
      const { checkRequestFromConfig } = await import('../../run/request.js');
      const { runPropose } = await import('../../propose/command.js');
      const request = await checkRequestFromConfig(
        io.cwd,
        { ...siteRequest(flags), reportsDir: flags.reports },
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
