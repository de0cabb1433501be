import type { Command } from 'commander';
import { oneOf, siteRequest, withSiteOptions, type SiteFlags } from '../options.js';
import { LANGS, type Lang } from '../../shared/lang.js';
import { UsageError, writeLine, type CliIO } from '../../shared/io.js';

interface DiscoverFlags extends SiteFlags {
  json?: boolean;
  lang?: Lang;
}

export function registerDiscover(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('discover')
    .description("Search the prefecture's current site for where these entries' procedure lives now")
    .argument('<id|dept...>', 'entry ids or département codes');
  withSiteOptions(command, 'snapshot folder, where results are cached (default: snapshots)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--lang <lang>', 'language of the text output: fr (default) or en', oneOf(LANGS))
    .action(async (names: string[], flags: DiscoverFlags) => {
      if (names.length === 0) throw new UsageError('discover: name entries (e.g. 61-orne or 61)');
      const { checkRequestFromConfig } = await import('../../run/request.js');
      const { runDiscover } = await import('../../run/discover.js');
      const { renderDiscoveredText } = await import('../../run/discover-text.js');
      const { labelsFor } = await import('../../report/labels.js');
      const request = await checkRequestFromConfig(
        io.cwd,
        { ...siteRequest(flags), only: names, lang: flags.lang },
        flags.config,
      );
      const result = await runDiscover(request, io);
      if (result.exitCode === 0) {
        if (flags.json) writeLine(io.stdout, JSON.stringify({ entries: result.entries }, null, 2));
        else io.stdout.write(renderDiscoveredText(result.entries, labelsFor(request.lang)));
      }
      setExit(result.exitCode);
    });
}
