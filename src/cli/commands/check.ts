import type { Command } from 'commander';
import { integer, list, oneOf, siteRequest, withSiteOptions, type SiteFlags } from '../options.js';
import type { CliIO } from '../../shared/io.js';
import { LANGS, type Lang } from '../../shared/lang.js';

interface CheckFlags extends SiteFlags {
  only?: string[];
  reports?: string;
  json?: boolean;
  concurrency?: number;
  retries?: number;
  failOn?: ('stale' | 'unreachable')[];
  fetch?: 'http' | 'browser' | 'auto';
  issues?: 'none' | 'github';
  dryRun?: boolean;
  wait?: boolean;
  lang?: Lang;
}

export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withSiteOptions(program.command('check').description('Fetch every cited page, snapshot and diff it, and give each guide entry a verdict'))
    .option('--only <id|dept>', 'only these entries or département codes (comma-separated or repeated)', list())
    .option('--reports <dir>', 'report folder (default: reports)')
    .option('--json', 'print the JSON report on stdout')
    .option('--concurrency <n>', 'hosts fetched at once, one request each (default: 50)', integer(1))
    .option('--retries <n>', 'retries of a transient failure (default: 2)', integer(0))
    .option('--fail-on <status>', 'exit 1 when an entry is stale and/or unreachable', list(['stale', 'unreachable']))
    .option('--fetch <mode>', 'force a fetch mode for every entry: http, browser or auto', oneOf(['http', 'browser', 'auto'] as const))
    .option('--issues <tracker>', 'open/close issues: none or github', oneOf(['none', 'github'] as const))
    .option('--dry-run', 'print the GitHub calls that would be made, make none')
    .option('--wait', 'wait for another run to finish instead of exiting')
    .option('--lang <lang>', 'language of the HTML/Markdown reports and issue bodies: fr (default) or en', oneOf(LANGS))
    .action(async (flags: CheckFlags) => {
      // Loaded side by side: each import is a trip through the module loader.
      const [{ checkRequestFromConfig }, { runCheck }, { interruptible, exitCodeFor }] = await Promise.all([
        import('../../run/request.js'),
        import('../../run/check.js'),
        import('../interrupt.js'),
      ]);
      const request = await checkRequestFromConfig(
        io.cwd,
        {
          ...siteRequest(flags),
          only: flags.only,
          reportsDir: flags.reports,
          json: flags.json,
          concurrency: flags.concurrency,
          retries: flags.retries,
          failOn: flags.failOn,
          forcedFetch: flags.fetch,
          issues: flags.issues,
          dryRun: flags.dryRun,
          wait: flags.wait,
          lang: flags.lang,
        },
        flags.config,
      );
      const { value: result, interrupted } = await interruptible((signal) => runCheck(request, io, signal), io);
      setExit(interrupted ? exitCodeFor(interrupted) : result.exitCode);
    });
}
